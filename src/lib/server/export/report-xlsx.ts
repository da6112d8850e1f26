import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '../../locales';
import { codeTitle, reportActions, type ReportModel } from '../../reports/model';
import { reportLookups, reportWords } from '../../reports/wording';

/** How a column is written: its header, width, and the number format of its cells. */
interface Column {
	header: string;
	width: number;
	numFmt?: string;
}

const DATE = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm';
const PERCENT = '0%';

/** A calendar day `YYYY-MM-DD` as the date cell spreadsheets count with (midnight, no zone). */
const calendarDay = (date: string | null) => (date ? new Date(`${date}T00:00:00Z`) : null);

/** A moment as the server's wall-clock time: spreadsheets have no time zones. */
function wallClock(iso: string): Date {
	const d = new Date(iso);
	return new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
}

function addSheet(
	book: ExcelJS.Workbook,
	name: string,
	columns: Column[],
	rows: unknown[][]
): ExcelJS.Worksheet {
	const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = columns.map((c) => ({
		header: c.header,
		width: c.width,
		...(c.numFmt && { style: { numFmt: c.numFmt } })
	}));
	sheet.getRow(1).font = { bold: true };
	sheet.addRows(rows);
	return sheet;
}

/**
 * A report as a workbook, one sheet per part in the reader's language: actions, progress
 * entries, goals, measured values, the DNK index. Numbers are numbers (progress as a percentage),
 * dates are date cells; the header row is bold and stays in view.
 */
export async function reportXlsx(report: ReportModel, locale: Locale): Promise<Uint8Array> {
	const o = { locale };
	const words = reportWords(locale);
	const look = reportLookups(report, locale);
	const book = new ExcelJS.Workbook();
	book.creator = 'Dreiklang';
	book.created = new Date(report.generatedAt);
	const actions = reportActions(report);

	addSheet(
		book,
		m.report_sheet_actions({}, o),
		[
			{ header: m.report_dimension({}, o), width: 14 },
			{ header: m.report_horizon({}, o), width: 14 },
			{ header: m.report_action({}, o), width: 40 },
			{ header: m.report_status({}, o), width: 14 },
			{ header: m.report_progress({}, o), width: 12, numFmt: PERCENT },
			{ header: m.report_owners({}, o), width: 28 },
			{ header: m.report_start({}, o), width: 12, numFmt: DATE },
			{ header: m.report_due({}, o), width: 12, numFmt: DATE },
			{ header: m.report_goals({}, o), width: 30 },
			{ header: m.report_codes({}, o), width: 30 },
			{ header: m.report_happened({}, o), width: 40 },
			{ header: m.report_archived({}, o), width: 10 }
		],
		actions.map((a) => [
			words.dimension(a.dimension),
			words.horizon(a.horizon),
			a.title,
			words.status(a.status),
			a.progress / 100,
			a.owners.join('; '),
			calendarDay(a.startDate),
			calendarDay(a.dueDate),
			a.goals.map(look.goal).join('; '),
			a.codes.map(look.code).join('; '),
			a.happened.map(words.happening).join('; '),
			a.archived
		])
	);

	addSheet(
		book,
		m.report_sheet_progress({}, o),
		[
			{ header: m.report_action({}, o), width: 40 },
			{ header: m.report_date({}, o), width: 17, numFmt: DATE_TIME },
			{ header: m.report_person({}, o), width: 24 },
			{ header: m.report_progress({}, o), width: 12, numFmt: PERCENT },
			{ header: m.report_status({}, o), width: 14 },
			{ header: m.report_note({}, o), width: 60 }
		],
		actions.flatMap((a) =>
			a.progressEntries.map((p) => [
				a.title,
				wallClock(p.at),
				p.author ?? '',
				p.progress / 100,
				p.status ? words.status(p.status) : '',
				p.note
			])
		)
	);

	addSheet(
		book,
		m.report_sheet_goals({}, o),
		[
			{ header: m.report_dimension({}, o), width: 14 },
			{ header: m.report_goal({}, o), width: 36 },
			{ header: m.report_unit({}, o), width: 16 },
			{ header: m.report_baseline({}, o), width: 14 },
			{ header: m.report_baseline_year({}, o), width: 12 },
			{ header: m.report_target({}, o), width: 14 },
			{ header: m.report_target_year({}, o), width: 12 },
			{ header: m.report_direction({}, o), width: 18 },
			{ header: m.report_latest({}, o), width: 14 },
			{ header: m.report_date({}, o), width: 12, numFmt: DATE },
			{ header: m.report_on_track({}, o), width: 16 }
		],
		report.goals.map((g) => [
			words.dimension(g.dimension),
			g.name,
			g.unit,
			g.baseline.value,
			g.baseline.year,
			g.target.value,
			g.target.year,
			words.direction(g.direction),
			g.latest?.value ?? null,
			calendarDay(g.latest?.date ?? null),
			words.onTrack(g.onTrack)
		])
	);

	addSheet(
		book,
		m.report_sheet_values({}, o),
		[
			{ header: m.report_goal({}, o), width: 36 },
			{ header: m.report_date({}, o), width: 12, numFmt: DATE },
			{ header: m.report_value({}, o), width: 14 },
			{ header: m.report_unit({}, o), width: 16 },
			{ header: m.report_source({}, o), width: 36 }
		],
		report.goals.flatMap((g) =>
			g.values.map((v) => [g.name, calendarDay(v.date), v.value, g.unit, v.source ?? ''])
		)
	);

	addSheet(
		book,
		m.report_sheet_dnk({}, o),
		[
			{ header: m.report_dnk_number({}, o), width: 6 },
			{ header: m.report_dnk_criterion({}, o), width: 40 },
			{ header: m.report_dnk_count({}, o), width: 10 },
			{ header: m.report_sheet_actions({}, o), width: 60 }
		],
		report.dnk.map((c) => [
			c.code,
			codeTitle(c, locale),
			c.actions.length,
			c.actions.length ? c.actions.map((a) => a.title).join('; ') : m.report_dnk_explain({}, o)
		])
	);

	return new Uint8Array(await book.xlsx.writeBuffer());
}
