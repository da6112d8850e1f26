import { localizedCodeTitle } from '../goals/code-titles';
import type { ActionBasics } from '../board/action-view';
import type { Cell, Dimension, Horizon, Status } from '../board/cells';
import type { Framework, GoalDirection } from '../goals/kinds';

/**
 * A report as data: what client and server share. It holds codes and facts, never translated
 * labels — the reader's language words it — except the titles of framework codes, which are data
 * (both languages kept), so that a frozen report renders the same years later.
 */

/** What can happen to an action in a period, in the order a report lists it. */
export const HAPPENINGS = ['planned', 'started', 'done', 'dropped', 'moved'] as const;
export type Happening = (typeof HAPPENINGS)[number];

/** One thing that happened to an action in the period; a move names both cells. */
export interface ReportHappening {
	kind: Happening;
	/** ISO timestamp. */
	at: string;
	from?: Cell;
	to?: Cell;
}

export interface ReportProgressEntry {
	/** ISO timestamp. */
	at: string;
	author: string | null;
	note: string;
	progress: number;
	status: Status | null;
}

/** Status and progress are as they stood when the report was made. */
export interface ReportAction extends ActionBasics {
	/** Archived by the time the report was made (but still on the board during the period). */
	archived: boolean;
	owners: string[];
	/** Ids of the goals it serves (see `ReportModel.goals`). */
	goals: number[];
	/** Framework codes as `framework:code`, e.g. `dnk:3` (titles in `ReportModel.codes`). */
	codes: string[];
	happened: ReportHappening[];
	progressEntries: ReportProgressEntry[];
}

export interface ReportCell {
	dimension: Dimension;
	horizon: Horizon;
	actions: ReportAction[];
}

export interface ReportGoal {
	id: number;
	dimension: Dimension;
	name: string;
	unit: string;
	baseline: { value: number; year: number };
	target: { value: number; year: number };
	direction: GoalDirection;
	/** Values measured in the period, oldest first. */
	values: { value: number; date: string; source: string | null }[];
	/** The newest value up to the period's end, and whether it is on track then. */
	latest: { value: number; date: string } | null;
	onTrack: boolean | null;
	expected: number | null;
}

export interface ReportCode {
	key: string;
	framework: Framework;
	code: number;
	titleDe: string;
	titleEn: string;
}

export interface DnkCriterion {
	code: number;
	titleDe: string;
	titleEn: string;
	/** The actions of the report tagged with it; none means "no action yet — explain". */
	actions: { id: number; title: string }[];
}

export interface ReportModel {
	/** The shape of the model; a frozen snapshot keeps the one it was made with. */
	format: 1;
	period: { from: string; to: string };
	/** ISO timestamp. */
	generatedAt: string;
	board: {
		id: number;
		name: string;
		description: string;
		horizons: Record<Horizon, string>;
		goals: Record<Dimension, string>;
	};
	/** The nine cells, ecological short first, as the board reads. */
	cells: ReportCell[];
	/** How often each kind of happening occurred in the period. */
	totals: Record<Happening, number>;
	goals: ReportGoal[];
	/** Titles of every framework code the report's actions carry. */
	codes: ReportCode[];
	dnk: DnkCriterion[];
}

/** A frozen report in the list of past ones. */
export interface FrozenReportSummary {
	id: number;
	title: string;
	from: string;
	to: string;
	frozenAt: string;
	frozenBy: string | null;
}

/** A code's title in the reader's language; the DNK index's criteria are DNK codes. */
export const codeTitle = (
	c: { framework?: Framework; code: number; titleDe: string; titleEn: string },
	locale: string
) => localizedCodeTitle({ framework: 'dnk', ...c }, locale);

/** Every action of a report, cell after cell. */
export const reportActions = (report: ReportModel) => report.cells.flatMap((c) => c.actions);
