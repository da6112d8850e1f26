import { m } from '$lib/paraglide/messages';
import type { Locale } from '../../locales';
import { reportActions, type ReportModel } from '../../reports/model';
import { reportLookups, reportWords } from '../../reports/wording';
import { toCsv } from './csv';

/**
 * A report as one flat table, one row per action: where it sits, how it stands, who owns it,
 * its dates, goals and codes, and what happened to it in the period. Progress as a number 0–100,
 * dates as `YYYY-MM-DD`, lists joined with "; ".
 */
export function reportCsv(report: ReportModel, locale: Locale): string {
	const o = { locale };
	const words = reportWords(locale);
	const look = reportLookups(report, locale);
	const header = [
		m.report_dimension({}, o),
		m.report_horizon({}, o),
		m.report_action({}, o),
		m.report_status({}, o),
		`${m.report_progress({}, o)} (%)`,
		m.report_owners({}, o),
		m.report_start({}, o),
		m.report_due({}, o),
		m.report_goals({}, o),
		m.report_codes({}, o),
		m.report_happened({}, o),
		m.report_archived({}, o)
	];
	const rows = reportActions(report).map((a) => [
		words.dimension(a.dimension),
		words.horizon(a.horizon),
		a.title,
		words.status(a.status),
		a.progress,
		a.owners.join('; '),
		a.startDate,
		a.dueDate,
		a.goals.map(look.goal).join('; '),
		a.codes.map(look.code).join('; '),
		a.happened.map(words.happening).join('; '),
		a.archived
	]);
	return toCsv(header, rows);
}
