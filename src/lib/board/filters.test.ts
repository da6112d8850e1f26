import { describe, expect, it } from 'vitest';
import { isFiltering, readFilters } from './filters';
import { initials, isOverdue } from './dates';

describe('board filters', () => {
	it('reads what the URL says and ignores what it cannot use', () => {
		expect(readFilters(new URLSearchParams('mine=1&owner=3&status=done&q=%20strom%20'))).toEqual({
			mine: true,
			owner: 3,
			status: 'done',
			q: 'strom'
		});
		const none = readFilters(new URLSearchParams('owner=abc&status=boss'));
		expect(none).toEqual({ mine: false, owner: null, status: null, q: '' });
		expect(isFiltering(none)).toBe(false);
	});
});

describe('dates and names', () => {
	it('marks only unfinished actions past their date as overdue', () => {
		const now = new Date(2026, 10, 23, 12);
		expect(isOverdue('2026-11-22', 'planned', now)).toBe(true);
		expect(isOverdue('2026-11-23', 'planned', now)).toBe(false);
		expect(isOverdue('2026-11-22', 'done', now)).toBe(false);
		expect(isOverdue(null, 'planned', now)).toBe(false);
	});

	it('makes initials from first and last name', () => {
		expect(initials('Lena Voigt')).toBe('LV');
		expect(initials('Ulrike Maria Sommerfeld')).toBe('US');
		expect(initials('deniz')).toBe('D');
	});
});
