import type { ActionBasics } from '../board/action-view';
import { DIMENSIONS, type Dimension, type Horizon, type Status } from '../board/cells';
import { addDays, daysBetween } from '../board/dates';

/**
 * The roadmap in time: where each dated action sits between the first and the last quarter it
 * needs. Plain data and arithmetic, so the page only draws what this module has placed.
 */

/**
 * Where the short and the medium term end, in months from today. A board names its horizons in
 * words ("bis 6 Monate"), which cannot be read reliably; these are the cluster model's usual
 * spans (short: up to half a year, medium: up to two years). The long term has no end.
 */
export const TIMELINE_RULES = {
	horizonMonths: { short: 6, medium: 24 }
} as const;

export type TimelineAction = ActionBasics;

export interface Quarter {
	/** e.g. `2027-Q1` */
	key: string;
	year: number;
	quarter: 1 | 2 | 3 | 4;
	/** First and last day, `YYYY-MM-DD`. */
	from: string;
	to: string;
	/** Where it begins and how wide it is, in percent of the timeline. */
	left: number;
	width: number;
}

export interface YearSpan {
	year: number;
	left: number;
	width: number;
}

export interface PlacedAction<T extends TimelineAction> {
	action: T & { dueDate: string };
	/** The due date's place, in percent. */
	at: number;
	/** Running work with a start: a bar from start to due, in percent. */
	bar: { left: number; width: number; from: string } | null;
	overdue: boolean;
	quarter: string;
}

export interface Milestone {
	horizon: Extract<Horizon, 'short' | 'medium'>;
	date: string;
	at: number;
}

export interface Timeline<T extends TimelineAction> {
	from: string;
	to: string;
	quarters: Quarter[];
	years: YearSpan[];
	today: { date: string; at: number };
	milestones: Milestone[];
	lanes: { dimension: Dimension; items: PlacedAction<T>[] }[];
	/** The same placed actions, by the quarter they are due in (quarters without any left out). */
	byQuarter: { quarter: Quarter; items: PlacedAction<T>[] }[];
	/** Actions without a due date, in the order given. */
	undated: T[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) =>
	new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar date `months` after `date`; the 31st becomes the month's last day where needed. */
export function addMonths(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const index = y * 12 + (m - 1) + months;
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** The quarter a date falls in: its year, number and first and last day. */
export function quarterOf(date: string) {
	const year = Number(date.slice(0, 4));
	const quarter = (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
	const firstMonth = (quarter - 1) * 3 + 1;
	return {
		key: `${year}-Q${quarter}`,
		year,
		quarter,
		from: `${year}-${pad(firstMonth)}-01`,
		to: `${year}-${pad(firstMonth + 2)}-${pad(daysInMonth(year, firstMonth + 2))}`
	};
}

const round = (n: number) => Math.round(n * 100) / 100;

const isOpen = (status: Status) => status === 'planned' || status === 'in_progress';

const byDue = <T extends TimelineAction>(a: PlacedAction<T>, b: PlacedAction<T>) =>
	a.action.dueDate.localeCompare(b.action.dueDate) || a.action.id - b.action.id;

/**
 * Places every dated action at its due date, from the current quarter (or an earlier one that a
 * past date or a running action's start needs) to the quarter of the last due date — and at
 * least to the end of the medium term, so the horizons' milestones are always on the chart.
 */
export function buildTimeline<T extends TimelineAction>(
	actions: readonly T[],
	today: string
): Timeline<T> {
	const dated = actions.filter((a): a is T & { dueDate: string } => a.dueDate !== null);
	const hasBar = (a: T & { dueDate: string }) =>
		a.status === 'in_progress' && a.startDate !== null && a.startDate <= a.dueDate;
	const milestoneDates = {
		short: addMonths(today, TIMELINE_RULES.horizonMonths.short),
		medium: addMonths(today, TIMELINE_RULES.horizonMonths.medium)
	};

	let first = today;
	let last = milestoneDates.medium;
	for (const a of dated) {
		const begins = hasBar(a) ? a.startDate! : a.dueDate;
		if (begins < first) first = begins;
		if (a.dueDate > last) last = a.dueDate;
	}
	const from = quarterOf(first).from;
	const to = quarterOf(last).to;
	const total = daysBetween(from, to) + 1;
	const at = (date: string) => round((daysBetween(from, date) / total) * 100);
	const span = (a: string, b: string) => round(((daysBetween(a, b) + 1) / total) * 100);

	const quarters: Quarter[] = [];
	for (let q = quarterOf(from); q.from <= to; q = quarterOf(addDays(q.to, 1))) {
		quarters.push({ ...q, left: at(q.from), width: span(q.from, q.to) });
	}
	const years: YearSpan[] = [];
	for (const q of quarters) {
		const year = years.at(-1);
		if (year?.year === q.year) year.width = round(year.width + q.width);
		else years.push({ year: q.year, left: q.left, width: q.width });
	}

	const placed = dated.map((action): PlacedAction<T> => ({
		action,
		at: at(action.dueDate),
		bar: hasBar(action)
			? {
					left: at(action.startDate!),
					width: span(action.startDate!, action.dueDate),
					from: action.startDate!
				}
			: null,
		overdue: isOpen(action.status) && action.dueDate < today,
		quarter: quarterOf(action.dueDate).key
	}));
	placed.sort(byDue);

	return {
		from,
		to,
		quarters,
		years,
		today: { date: today, at: at(today) },
		milestones: (['short', 'medium'] as const).map((horizon) => ({
			horizon,
			date: milestoneDates[horizon],
			at: at(milestoneDates[horizon])
		})),
		lanes: DIMENSIONS.map((dimension) => ({
			dimension,
			items: placed.filter((p) => p.action.dimension === dimension)
		})),
		byQuarter: quarters
			.map((quarter) => ({ quarter, items: placed.filter((p) => p.quarter === quarter.key) }))
			.filter((group) => group.items.length > 0),
		undated: actions.filter((a) => a.dueDate === null)
	};
}
