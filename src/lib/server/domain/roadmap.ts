import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { actions } from '../db/schema';
import {
	CELLS,
	DIMENSIONS,
	HORIZONS,
	cellKey,
	type Dimension,
	type Horizon
} from '../../board/cells';
import { today as todayOf } from '../../board/dates';
import { ownersOfBoard, type BoardAction } from './board-actions';

/** The roadmap's rules, in one place: what counts as next, recent and neglected. */
export const ROADMAP_RULES = {
	/** "Next up": running, or due within this many days. */
	nextUpDays: 90,
	/** "Recently done": finished within this many days. */
	recentlyDoneDays: 90,
	/** "Needs attention": overdue, or running without a progress entry for this many days. */
	staleDays: 60
} as const;

/**
 * How many actions each list shows at most. A working group's roadmap shows everything; on a
 * board of thousands the lists show the first ones and say how many more the board holds.
 */
export const ROADMAP_LIST_LIMITS = { short: 15, horizon: 30 } as const;

/** The first `max` items of a list, and how many were left out. */
export interface Shortlist<T> {
	actions: T[];
	more: number;
}

const shortlist = <T>(items: T[], max: number): Shortlist<T> => ({
	actions: items.slice(0, max),
	more: Math.max(0, items.length - max)
});

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RoadmapAction extends BoardAction {
	startDate: string | null;
	updatedAt: string;
	/** When the latest progress entry was made (or the action created, without one). */
	lastActivityAt: string;
	overdue: boolean;
	stale: boolean;
}

export interface DimensionSummary {
	dimension: Dimension;
	total: number;
	done: number;
	running: number;
	planned: number;
	dropped: number;
	/** Average progress in whole percent over the actions that are not dropped. */
	averageProgress: number;
}

/** Live actions of a board with what the roadmap needs to judge them, in board order. */
export function listRoadmapActions(db: Conn, boardId: number, now = new Date()): RoadmapAction[] {
	// Written out in full: inside a select from `actions`, drizzle leaves column names unqualified,
	// which would tie the subquery to the wrong table.
	const lastEntry = sql<
		number | null
	>`(select max(pe.created_at) from progress_entries pe where pe.action_id = "actions"."id")`;
	const rows = db
		.select({
			id: actions.id,
			title: actions.title,
			dimension: actions.dimension,
			horizon: actions.horizon,
			status: actions.status,
			progress: actions.progress,
			startDate: actions.startDate,
			dueDate: actions.dueDate,
			version: actions.version,
			createdAt: actions.createdAt,
			updatedAt: actions.updatedAt,
			lastEntry
		})
		.from(actions)
		.where(and(eq(actions.boardId, boardId), isNull(actions.archivedAt)))
		.orderBy(asc(actions.dimension), asc(actions.horizon), asc(actions.position), asc(actions.id))
		.all();
	const owners = ownersOfBoard(db, boardId);
	const today = todayOf(now);
	const staleBefore = now.getTime() - ROADMAP_RULES.staleDays * DAY_MS;
	const byCell = new Map<string, RoadmapAction[]>(CELLS.map((c) => [cellKey(c), []]));
	for (const { lastEntry: last, createdAt, updatedAt, ...row } of rows) {
		const list = byCell.get(cellKey(row))!;
		const lastActivity = last ?? createdAt.getTime();
		const open = row.status === 'planned' || row.status === 'in_progress';
		list.push({
			...row,
			position: list.length,
			owners: owners.get(row.id) ?? [],
			updatedAt: updatedAt.toISOString(),
			lastActivityAt: new Date(lastActivity).toISOString(),
			overdue: open && row.dueDate !== null && row.dueDate < today,
			// Only running work goes stale; a planned action waits for its time without alarm.
			stale: row.status === 'in_progress' && lastActivity < staleBefore
		});
	}
	return [...byCell.values()].flat();
}

function summarizeDimension(dimension: Dimension, list: RoadmapAction[]): DimensionSummary {
	const count = (status: string) => list.filter((a) => a.status === status).length;
	const counted = list.filter((a) => a.status !== 'dropped');
	const average = counted.length
		? Math.round(counted.reduce((sum, a) => sum + a.progress, 0) / counted.length)
		: 0;
	return {
		dimension,
		total: list.length,
		done: count('done'),
		running: count('in_progress'),
		planned: count('planned'),
		dropped: count('dropped'),
		averageProgress: average
	};
}

/** Everything the roadmap shows, from the board's live actions (optionally one dimension only). */
export function buildRoadmap(all: RoadmapAction[], now = new Date(), only?: Dimension) {
	const list = only ? all.filter((a) => a.dimension === only) : all;
	const today = todayOf(now);
	const nextUpUntil = todayOf(new Date(now.getTime() + ROADMAP_RULES.nextUpDays * DAY_MS));
	const doneSince = now.getTime() - ROADMAP_RULES.recentlyDoneDays * DAY_MS;
	const byDue = (a: RoadmapAction, b: RoadmapAction) =>
		(a.dueDate ?? '9999') < (b.dueDate ?? '9999')
			? -1
			: (a.dueDate ?? '9999') > (b.dueDate ?? '9999')
				? 1
				: 0;

	return {
		dimensions: (only ? [only] : DIMENSIONS).map((d) =>
			summarizeDimension(
				d,
				list.filter((a) => a.dimension === d)
			)
		),
		horizons: HORIZONS.map((horizon: Horizon) => ({
			horizon,
			...shortlist(
				list.filter((a) => a.horizon === horizon),
				ROADMAP_LIST_LIMITS.horizon
			)
		})),
		nextUp: shortlist(
			list
				.filter(
					(a) =>
						a.status === 'in_progress' ||
						(a.status === 'planned' &&
							a.dueDate !== null &&
							a.dueDate >= today &&
							a.dueDate <= nextUpUntil)
				)
				.sort(byDue),
			ROADMAP_LIST_LIMITS.short
		),
		recentlyDone: shortlist(
			list
				.filter((a) => a.status === 'done' && new Date(a.updatedAt).getTime() >= doneSince)
				.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
			ROADMAP_LIST_LIMITS.short
		),
		needsAttention: shortlist(
			list.filter((a) => a.overdue || a.stale).sort(byDue),
			ROADMAP_LIST_LIMITS.short
		)
	};
}
export type Roadmap = ReturnType<typeof buildRoadmap>;
