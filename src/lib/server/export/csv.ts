import { stringify } from 'csv-stringify/sync';

/** A cell of a table meant for spreadsheet programs. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula ("CSV injection"):
 * text that people typed gets a leading apostrophe there, which the programs show as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string | number {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
	if (typeof cell === 'boolean') return cell ? 1 : 0;
	return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * A table as CSV after RFC 4180 (comma, CRLF line ends, fields quoted where needed), in UTF-8
 * with a byte order mark so that spreadsheet programs open umlauts right. Numbers stay numbers
 * (with a decimal point), so that they can be computed with.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	const body = stringify([header as string[], ...rows.map((row) => row.map(cellText))], {
		record_delimiter: '\r\n',
		quoted_match: /[",\r\n]/
	});
	return `\uFEFF${body}`;
}
