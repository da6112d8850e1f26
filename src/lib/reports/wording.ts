import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/locales';
import type { Cell, Dimension, Horizon, Status } from '$lib/board/cells';
import type { GoalDirection } from '$lib/goals/kinds';
import { codeTitle, type ReportHappening, type ReportModel } from './model';

/**
 * A report's codes in the words of one language: the same for the page, the CSV and the XLSX,
 * whichever language the reader chose (exports are worded on the server, for the reader).
 */
export function reportWords(locale: Locale) {
	const o = { locale };
	const dimension = (d: Dimension) =>
		({
			ecological: m.dimension_ecological,
			economic: m.dimension_economic,
			social: m.dimension_social
		})[d]({}, o);
	const horizon = (h: Horizon) =>
		({ short: m.horizon_short, medium: m.horizon_medium, long: m.horizon_long })[h]({}, o);
	const cell = (c: Cell) =>
		m.report_cell({ dimension: dimension(c.dimension), horizon: horizon(c.horizon) }, o);
	const status = (s: Status) =>
		({
			planned: m.status_planned,
			in_progress: m.status_in_progress,
			done: m.status_done,
			dropped: m.status_dropped
		})[s]({}, o);
	const happening = (h: ReportHappening) =>
		h.kind === 'moved' && h.from && h.to
			? m.report_moved_detail({ from: cell(h.from), to: cell(h.to) }, o)
			: {
					planned: m.report_happening_planned,
					started: m.report_happening_started,
					done: m.report_happening_done,
					dropped: m.report_happening_dropped,
					moved: m.report_happening_moved
				}[h.kind]({}, o);
	const direction = (d: GoalDirection) =>
		(d === 'up' ? m.report_direction_up : m.report_direction_down)({}, o);
	const onTrack = (v: boolean | null) =>
		(v === null ? m.report_on_track_unknown : v ? m.report_on_track_yes : m.report_on_track_no)(
			{},
			o
		);
	return { locale, dimension, horizon, cell, status, happening, direction, onTrack };
}
export type ReportWords = ReturnType<typeof reportWords>;

/** Lookups a report's parts need: goal names and code titles by their keys. */
export function reportLookups(report: ReportModel, locale: Locale) {
	const goalNames = new Map(report.goals.map((g) => [g.id, g.name]));
	const codeNames = new Map(
		report.codes.map((c) => [
			c.key,
			`${c.framework === 'own' ? '' : `${c.framework.toUpperCase()} ${c.code} `}${codeTitle(c, locale)}`
		])
	);
	return {
		goal: (id: number) => goalNames.get(id) ?? `#${id}`,
		code: (key: string) => codeNames.get(key) ?? key
	};
}

/** The file name of a report's download, e.g. `dreiklang-bericht-2026-01-01-bis-2026-06-30.csv`. */
export const reportFileName = (report: ReportModel, locale: Locale, ext: 'csv' | 'xlsx') =>
	`${m.report_file_name({ from: report.period.from, to: report.period.to }, { locale })}.${ext}`;
