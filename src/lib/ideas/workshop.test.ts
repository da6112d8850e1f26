import { describe, expect, it } from 'vitest';
import { readWorkshopSource, workshopSource } from './workshop';
import { workshopSourceLabel } from './workshop-label';

describe('a workshop as an idea’s source', () => {
	it('is stored without any language and read back, commas in the name included', () => {
		const source = workshopSource('Werkstatt, Haus Linde', '2026-03-14');
		expect(source).toBe('Werkstatt, Haus Linde, 2026-03-14');
		expect(readWorkshopSource(source)).toEqual({
			name: 'Werkstatt, Haus Linde',
			date: '2026-03-14'
		});
		expect(readWorkshopSource('Mia Member')).toBeNull();
	});

	it('is worded for its reader', () => {
		const source = workshopSource('Zukunftswerkstatt', '2026-03-14');
		expect(workshopSourceLabel(source, 'de')).toBe('Workshop Zukunftswerkstatt, 14.03.2026');
		expect(workshopSourceLabel('Mia Member', 'de')).toBe('Mia Member');
	});
});
