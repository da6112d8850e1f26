import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('a CSV table', () => {
	it('starts with a byte order mark, ends lines with CRLF and quotes what needs quoting', () => {
		const csv = toCsv(
			['Titel', 'Fortschritt'],
			[
				['Grünstrom, "fair"', 40],
				['Zeile\neins', null]
			]
		);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain('\r\n');
		expect(parse(csv.slice(1))).toEqual([
			['Titel', 'Fortschritt'],
			['Grünstrom, "fair"', '40'],
			['Zeile\neins', '']
		]);
	});

	it('keeps typed text from running as a formula in a spreadsheet, but leaves numbers alone', () => {
		const csv = toCsv(['a', 'b'], [['=HYPERLINK("x")', -3]]);
		expect(parse(csv.slice(1))[1]).toEqual(['\'=HYPERLINK("x")', '-3']);
	});
});
