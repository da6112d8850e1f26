import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { formatNumber, formatPercent } from './numbers';

// The spaces Intl writes: French groups thousands with a narrow no-break space (U+202F);
// German and French keep the percent sign on the number's line (U+00A0).
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('numbers in each language', () => {
	it('groups thousands as the language does', () => {
		expect(formatNumber(3458, 'de')).toBe('3.458');
		expect(formatNumber(3458, 'en')).toBe('3,458');
		expect(formatNumber(3458, 'fr')).toBe(`3${NNBSP}458`);
		expect(formatNumber(3458, 'nl')).toBe('3.458');
		expect(formatNumber(3458, 'de-x-ls')).toBe('3.458');
	});

	it('writes percentages as the language does', () => {
		expect(formatPercent(45, 'de')).toBe(`45${NBSP}%`);
		expect(formatPercent(45, 'en')).toBe('45%');
		expect(formatPercent(45, 'fr')).toBe(`45${NBSP}%`);
		expect(formatPercent(45, 'nl')).toBe('45%');
	});

	it('counts in messages with separators and the right plural', () => {
		expect(m.cell_count({ count: 1 }, { locale: 'de' })).toBe('1 Maßnahme');
		expect(m.cell_count({ count: 1013 }, { locale: 'de' })).toBe('1.013 Maßnahmen');
		expect(m.cell_count({ count: 1 }, { locale: 'en' })).toBe('1 action');
		expect(m.cell_count({ count: 3458 }, { locale: 'en' })).toBe('3,458 actions');
		// French says "0 action": zero takes the singular.
		expect(m.cell_count({ count: 0 }, { locale: 'fr' })).toBe('0 action');
		expect(m.cell_count({ count: 3458 }, { locale: 'fr' })).toBe(`3${NNBSP}458 actions`);
		expect(m.cell_count({ count: 1 }, { locale: 'nl' })).toBe('1 maatregel');
		expect(m.cell_count({ count: 1013 }, { locale: 'nl' })).toBe('1.013 maatregelen');
		expect(m.roadmap_more({ count: 3458 }, { locale: 'de' })).toBe(
			'Und 3.458 weitere – alle auf dem Brett'
		);
	});
});
