import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { actionCodes, actionGoals } from '../db/schema';
import { reportCsv } from '../export/report-csv';
import { reportXlsx } from '../export/report-xlsx';
import { reportActions } from '../../reports/model';
import { setArchived } from './archive-action';
import { createBoard } from './boards';
import { createAction } from './create-action';
import { updateAction } from './edit-action';
import { freezeReport, getFrozenReport, listFrozenReports } from './frozen-reports';
import { createGoal, recordGoalValue } from './goals';
import { moveAction } from './move-action';
import { can } from './permissions';
import { addProgress } from './progress';
import { buildReport } from './report';
import { freezeReportInput, reportPeriodInput } from './report-input';
import { ROLES } from '../../roles';

/** Noon of a calendar day in the server's time zone: safely inside that day. */
const day = (date: string) => new Date(`${date}T12:00:00`);
const H1 = { from: '2026-01-01', to: '2026-06-30' };

async function setup() {
	const db = createTestDb();
	const member = await makeUser(db, { role: 'member', name: 'Jana Müller' });
	const leader = await makeUser(db, { role: 'leader', name: 'Karl Öztürk' });
	const board = createBoard(db, { name: 'Nachhaltigkeitsstrategie 2026–2030' });
	const make = (title: string, date: string, extra: object = {}) =>
		createAction(
			db,
			member,
			board.id,
			{ title, dimension: 'ecological', horizon: 'short', owners: [member.id], ...extra },
			day(date)
		);
	return { db, member, leader, board, make };
}

/** A board with something of every kind before, in and after the first half of 2026. */
async function history() {
	const s = await setup();
	const { db, member, leader, board, make } = s;
	const before = make('Ökostrom für alle Häuser', '2025-10-01');
	const archivedBefore = make('Papierlose Verwaltung', '2025-10-02');
	setArchived(db, member, archivedBefore.id, true, undefined, day('2025-12-15'));
	const started = make('Wärmepumpe Kita Sonnenschein', '2026-02-01', { dueDate: '2026-09-30' });
	addProgress(
		db,
		member,
		started.id,
		{ note: 'Angebote eingeholt', progress: 20, status: 'in_progress' },
		day('2026-03-01')
	);
	const moved = make('Jobräder', '2026-01-10');
	moveAction(
		db,
		member,
		moved.id,
		{ dimension: 'social', horizon: 'medium', index: 0, version: 1 },
		day('2026-04-01')
	);
	addProgress(
		db,
		member,
		before.id,
		{ note: 'Fertig', progress: 100, status: 'done' },
		day('2026-05-05')
	);
	const archivedIn = make('Regionale Küche', '2026-01-20');
	setArchived(db, member, archivedIn.id, true, undefined, day('2026-06-01'));
	const after = make('Fahrgemeinschaften', '2026-07-15');
	const goal = createGoal(
		db,
		leader,
		board.id,
		{
			dimension: 'ecological',
			name: 'Weniger CO₂',
			unit: 't CO₂',
			baselineValue: 400,
			baselineYear: 2024,
			targetValue: 0,
			targetYear: 2030,
			direction: 'down'
		},
		day('2025-01-01')
	);
	recordGoalValue(db, member, goal.id, { value: 390, date: '2025-12-31', source: null });
	recordGoalValue(db, member, goal.id, { value: 350, date: '2026-03-31', source: 'Zähler' });
	db.insert(actionGoals).values({ actionId: started.id, goalId: goal.id }).run();
	db.insert(actionCodes)
		.values([
			{ actionId: started.id, framework: 'dnk', code: 13 },
			{ actionId: started.id, framework: 'sdg', code: 7 }
		])
		.run();
	return { ...s, before, archivedBefore, started, moved, archivedIn, after, goal };
}

describe('buildReport', () => {
	it('holds the actions on the board during the period and what happened to them', async () => {
		const h = await history();
		const report = buildReport(h.db, h.board.id, H1, day('2026-07-20'))!;
		const byTitle = new Map(reportActions(report).map((a) => [a.title, a]));
		expect([...byTitle.keys()].sort()).toEqual([
			'Jobräder',
			'Regionale Küche',
			'Wärmepumpe Kita Sonnenschein',
			'Ökostrom für alle Häuser'
		]);
		expect(byTitle.get('Ökostrom für alle Häuser')!.happened.map((e) => e.kind)).toEqual(['done']);
		const started = byTitle.get('Wärmepumpe Kita Sonnenschein')!;
		expect(started.happened.map((e) => e.kind)).toEqual(['planned', 'started']);
		expect(started).toMatchObject({
			status: 'in_progress',
			progress: 20,
			dueDate: '2026-09-30',
			owners: ['Jana Müller'],
			goals: [h.goal.id],
			codes: ['dnk:13', 'sdg:7']
		});
		expect(started.progressEntries).toMatchObject([
			{ note: 'Angebote eingeholt', progress: 20, status: 'in_progress', author: 'Jana Müller' }
		]);
		const moved = byTitle.get('Jobräder')!;
		expect(moved.happened).toMatchObject([
			{ kind: 'planned' },
			{
				kind: 'moved',
				from: { dimension: 'ecological', horizon: 'short' },
				to: { dimension: 'social', horizon: 'medium' }
			}
		]);
		// Grouped by dimension × horizon: the moved action sits in its new cell.
		const cell = report.cells.find((c) => c.dimension === 'social' && c.horizon === 'medium')!;
		expect(cell.actions.map((a) => a.title)).toEqual(['Jobräder']);
		expect(report.cells.map((c) => `${c.dimension}:${c.horizon}`).slice(0, 3)).toEqual([
			'ecological:short',
			'ecological:medium',
			'ecological:long'
		]);
		expect(byTitle.get('Regionale Küche')!.archived).toBe(true);
		expect(report.totals).toEqual({ planned: 3, started: 1, done: 1, dropped: 0, moved: 1 });
	});

	it('gives goals with the values of the period, on track at its end, and the DNK index', async () => {
		const h = await history();
		const report = buildReport(h.db, h.board.id, H1, day('2026-07-20'))!;
		expect(report.goals).toEqual([
			expect.objectContaining({
				name: 'Weniger CO₂',
				values: [{ value: 350, date: '2026-03-31', source: 'Zähler' }],
				latest: { value: 350, date: '2026-03-31' },
				onTrack: false
			})
		]);
		expect(report.dnk).toHaveLength(20);
		const climate = report.dnk.find((c) => c.code === 13)!;
		expect(climate.actions).toEqual([{ id: h.started.id, title: 'Wärmepumpe Kita Sonnenschein' }]);
		expect(report.dnk.filter((c) => c.actions.length === 0)).toHaveLength(19);
		expect(report.codes.map((c) => c.key)).toEqual(['dnk:13', 'sdg:7']);
	});

	it('is undefined for an unknown board', async () => {
		const { db } = await setup();
		expect(buildReport(db, 987654, H1)).toBeUndefined();
	});
});

describe('report input', () => {
	it('refuses a period that ends before it starts and impossible dates', () => {
		expect(reportPeriodInput.safeParse(H1).success).toBe(true);
		expect(reportPeriodInput.safeParse({ from: '2026-02-01', to: '2026-01-31' }).success).toBe(
			false
		);
		expect(reportPeriodInput.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(
			false
		);
		expect(freezeReportInput.safeParse({ ...H1, title: 'x'.repeat(201) }).success).toBe(false);
		expect(freezeReportInput.safeParse({ ...H1, title: '  ' }).success).toBe(false);
	});
});

/** A workbook read back as a spreadsheet program would open it. */
async function readBook(bytes: Uint8Array) {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	return book;
}

describe('report exports', () => {
	it('writes a workbook with one sheet per part, real numbers and real dates', async () => {
		const h = await history();
		const report = buildReport(h.db, h.board.id, H1, day('2026-07-20'))!;
		const book = await readBook(await reportXlsx(report, 'de'));
		expect(book.worksheets.map((s) => s.name)).toEqual([
			'Maßnahmen',
			'Fortschritt',
			'Ziele',
			'Messwerte',
			'DNK-Index'
		]);
		const actions = book.getWorksheet('Maßnahmen')!;
		expect(actions.getRow(1).font?.bold).toBe(true);
		expect(actions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		const row = actions
			.getRows(2, actions.rowCount - 1)!
			.find((r) => r.getCell(3).value === 'Wärmepumpe Kita Sonnenschein')!;
		expect(row.getCell(5).value).toBe(0.2);
		expect(row.getCell(5).numFmt).toBe('0%');
		expect(row.getCell(8).value).toEqual(new Date('2026-09-30T00:00:00Z'));
		expect(row.getCell(8).type).toBe(ExcelJS.ValueType.Date);
		const progress = book.getWorksheet('Fortschritt')!;
		expect(progress.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.Date);
		const values = book.getWorksheet('Messwerte')!;
		expect(values.getRow(2).getCell(3).value).toBe(350);
		expect(values.getRow(2).getCell(2).value).toEqual(new Date('2026-03-31T00:00:00Z'));
		const dnk = book.getWorksheet('DNK-Index')!;
		expect(dnk.rowCount).toBe(21);
		expect(dnk.getRow(2).getCell(4).value).toBe('Noch keine Maßnahme – erklären');
		expect(dnk.getRow(14).getCell(3).value).toBe(1);

		const english = await readBook(await reportXlsx(report, 'en'));
		expect(english.worksheets.map((s) => s.name)).toContain('Actions');
	});

	it('writes a CSV with a byte order mark whose umlauts come back intact', async () => {
		const h = await history();
		const report = buildReport(h.db, h.board.id, H1, day('2026-07-20'))!;
		const csv = reportCsv(report, 'de');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const rows = parse(Buffer.from(csv, 'utf8'), { bom: true }) as string[][];
		expect(rows[0].slice(0, 4)).toEqual(['Dimension', 'Horizont', 'Maßnahme', 'Status']);
		const row = rows.find((r) => r[2] === 'Wärmepumpe Kita Sonnenschein')!;
		expect(row).toEqual([
			'Ökologisch',
			'kurzfristig',
			'Wärmepumpe Kita Sonnenschein',
			'läuft',
			'20',
			'Jana Müller',
			'',
			'2026-09-30',
			'Weniger CO₂',
			expect.stringContaining('DNK 13'),
			expect.stringContaining('begonnen'),
			'0'
		]);
		expect(rows).toHaveLength(5);
	});
});

describe('frozen reports', () => {
	it('stay exactly as published after actions are moved, edited and archived', async () => {
		const h = await history();
		const { db, member, leader, board } = h;
		expect(can('leader', 'freezeReports')).toBe(true);
		expect(ROLES.filter((r) => can(r, 'freezeReports'))).toEqual(['admin', 'leader']);
		const { id } = freezeReport(
			db,
			leader,
			board.id,
			{ ...H1, title: 'Halbjahresbericht 2026' },
			day('2026-07-20')
		);
		const frozen = getFrozenReport(db, id)!;
		const csvBefore = reportCsv(frozen.report, 'de');
		expect(frozen.report).toEqual(buildReport(db, board.id, H1, day('2026-07-20')));

		moveAction(
			db,
			member,
			h.started.id,
			{ dimension: 'economic', horizon: 'long', index: 0, version: 2 },
			day('2026-07-21')
		);
		updateAction(db, member, h.started.id, { title: 'Neuer Titel', version: 3 }, day('2026-07-21'));
		setArchived(db, member, h.moved.id, true, undefined, day('2026-07-22'));
		expect(buildReport(db, board.id, H1, day('2026-07-20'))).not.toEqual(frozen.report);

		const again = getFrozenReport(db, id)!;
		expect(again.report).toEqual(frozen.report);
		expect(reportCsv(again.report, 'de')).toBe(csvBefore);
		expect(listFrozenReports(db, board.id)).toEqual([
			{
				id,
				title: 'Halbjahresbericht 2026',
				from: H1.from,
				to: H1.to,
				frozenAt: day('2026-07-20').toISOString(),
				frozenBy: 'Karl Öztürk'
			}
		]);
	});
});
