import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import {
	BOARD_ID,
	UNKNOWN_ID,
	expect,
	expectApiError,
	expectFieldError,
	expectOk,
	test,
	uniqueTitle
} from './api-helpers';

const today = () => new Date().toLocaleDateString('sv-SE');
const period = () => `from=${today().slice(0, 4)}-01-01&to=${today()}`;

test.describe('the report API', () => {
	test('everyone reads the report of a period as JSON, CSV and XLSX', async ({ clients }) => {
		const title = uniqueTitle('Bericht Öko');
		const created = await clients.member.post(`/api/boards/${BOARD_ID}/actions`, {
			data: { title, dimension: 'economic', horizon: 'medium' }
		});
		expect(created.status()).toBe(201);

		const report = await expectOk<{
			period: { from: string; to: string };
			cells: {
				dimension: string;
				horizon: string;
				actions: { title: string; happened: { kind: string }[] }[];
			}[];
			dnk: unknown[];
		}>(await clients.staff.get(`/api/boards/${BOARD_ID}/report?${period()}`));
		expect(report.period.to).toBe(today());
		const cell = report.cells.find((c) => c.dimension === 'economic' && c.horizon === 'medium')!;
		expect(cell.actions.find((a) => a.title === title)?.happened).toEqual([
			expect.objectContaining({ kind: 'planned' })
		]);
		expect(report.dnk).toHaveLength(20);

		const csv = await clients.leader.get(`/api/boards/${BOARD_ID}/report?${period()}&format=csv`);
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
		expect(csv.headers()['content-disposition']).toContain(
			`filename="dreiklang-bericht-${today().slice(0, 4)}-01-01-bis-${today()}.csv"`
		);
		const bytes = await csv.body();
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parse(bytes, { bom: true }) as string[][];
		expect(rows[0][2]).toBe('Maßnahme');
		expect(rows.some((r) => r[2] === title && r[0] === 'Ökonomisch')).toBe(true);

		const xlsx = await clients.admin.get(`/api/boards/${BOARD_ID}/report?${period()}&format=xlsx`);
		expect(xlsx.status()).toBe(200);
		expect(xlsx.headers()['content-type']).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(xlsx.headers()['content-disposition']).toMatch(
			/attachment; filename="dreiklang-bericht-.*\.xlsx"/
		);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await xlsx.body()) as unknown as ExcelJS.Buffer);
		expect(book.worksheets.map((s) => s.name)).toEqual([
			'Maßnahmen',
			'Fortschritt',
			'Ziele',
			'Messwerte',
			'DNK-Index'
		]);
		const sheet = book.getWorksheet('Maßnahmen')!;
		const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(3).value === title)!;
		expect(row.getCell(5).value).toBe(0);
	});

	test('bad periods, an unknown format and an unknown board are refused plainly', async ({
		clients
	}) => {
		const base = `/api/boards/${BOARD_ID}/report`;
		await expectFieldError(await clients.staff.get(`${base}?from=2026-07-01&to=2026-06-30`), 'to');
		await expectFieldError(
			await clients.staff.get(`${base}?from=2026-02-30&to=2026-06-30`),
			'from'
		);
		await expectFieldError(await clients.staff.get(`${base}?to=2026-06-30`), 'from');
		await expectFieldError(
			await clients.staff.get(`${base}?from=${'9'.repeat(5000)}&to=2026-06-30`),
			'from'
		);
		await expectFieldError(
			await clients.staff.get(`${base}?from=2026-01-01&to=2026-06-30&format=pdf`),
			'format'
		);
		await expectApiError(
			await clients.staff.get(`/api/boards/${UNKNOWN_ID}/report?from=2026-01-01&to=2026-06-30`),
			404,
			'not_found'
		);
		await expectApiError(
			await clients.anonymous.get(`${base}?from=2026-01-01&to=2026-06-30`),
			401,
			'unauthorized'
		);
	});
});
