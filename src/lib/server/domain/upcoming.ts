import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { Conn } from '../db';
import { actions } from '../db/schema';
import type { ActionBasics } from '../../board/action-view';
import { HORIZONS, type Horizon } from '../../board/cells';
import { ownersOf } from './board-actions';
import { followedActionIds } from './follows';
import { summarizeMarkdown } from '../markdown';

export interface UpcomingAction extends Omit<ActionBasics, 'startDate'> {
	owners: { id: number; name: string }[];
	/** The description's first sentence or line, without Markdown. */
	summary: string;
	followed: boolean;
}

/** Running and planned actions of every board, soonest due first (undated last). */
export function listUpcoming(db: Conn, userId: number): UpcomingAction[] {
	const rows = db
		.select({
			id: actions.id,
			title: actions.title,
			description: actions.description,
			dimension: actions.dimension,
			horizon: actions.horizon,
			status: actions.status,
			progress: actions.progress,
			dueDate: actions.dueDate
		})
		.from(actions)
		.where(and(isNull(actions.archivedAt), inArray(actions.status, ['planned', 'in_progress'])))
		.orderBy(asc(actions.dueDate), asc(actions.horizon), asc(actions.position))
		.all();
	const owners = ownersOf(
		db,
		rows.map((r) => r.id)
	);
	const followed = followedActionIds(db, userId);
	const list = rows.map(({ description, ...r }) => ({
		...r,
		summary: summarizeMarkdown(description),
		owners: owners.get(r.id) ?? [],
		followed: followed.has(r.id)
	}));
	// SQLite sorts NULL first; undated actions belong at the end.
	return [...list.filter((a) => a.dueDate !== null), ...list.filter((a) => a.dueDate === null)];
}

export interface UpcomingGroups {
	running: UpcomingAction[];
	/** Planned actions with a date, by month (`YYYY-MM`), in order. */
	months: { month: string; actions: UpcomingAction[] }[];
	/** Planned actions without a date, by horizon. */
	later: { horizon: Horizon; actions: UpcomingAction[] }[];
}

/** How many actions `/upcoming` shows at first; each "show more" adds as many again. */
export const UPCOMING_PAGE = 60;

/**
 * The groups cut to the first `limit` actions in the order they are shown (running, then by
 * month, then later), and how many were left out.
 */
export function firstOfGroups(
	groups: UpcomingGroups,
	limit: number
): { groups: UpcomingGroups; hidden: number } {
	let left = limit;
	let hidden = 0;
	const take = <T>(items: T[]) => {
		const part = items.slice(0, Math.max(0, left));
		left -= part.length;
		hidden += items.length - part.length;
		return part;
	};
	const cut = <G extends { actions: UpcomingAction[] }>(list: G[]) =>
		list.map((g) => ({ ...g, actions: take(g.actions) })).filter((g) => g.actions.length > 0);
	const running = take(groups.running);
	const months = cut(groups.months);
	const later = cut(groups.later);
	return { groups: { running, months, later }, hidden };
}

export function groupUpcoming(list: UpcomingAction[]): UpcomingGroups {
	const months = new Map<string, UpcomingAction[]>();
	const later = new Map<Horizon, UpcomingAction[]>(HORIZONS.map((h) => [h, []]));
	const running: UpcomingAction[] = [];
	for (const action of list) {
		if (action.status === 'in_progress') running.push(action);
		else if (action.dueDate) {
			const month = action.dueDate.slice(0, 7);
			months.set(month, [...(months.get(month) ?? []), action]);
		} else later.get(action.horizon)!.push(action);
	}
	return {
		running,
		months: [...months].map(([month, actions]) => ({ month, actions })),
		later: [...later]
			.filter(([, actions]) => actions.length > 0)
			.map(([horizon, actions]) => ({ horizon, actions }))
	};
}
