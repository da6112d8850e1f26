import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Conn } from '../db';
import { actionOwners, actions, users } from '../db/schema';
import type { Dimension, Horizon, Status } from '../../board/cells';

export interface BoardAction {
	id: number;
	title: string;
	dimension: Dimension;
	horizon: Horizon;
	position: string;
	status: Status;
	progress: number;
	owners: { id: number; name: string }[];
	dueDate: string | null;
	version: number;
}

/** The board's live actions in board order (cell by cell, then position), owners included. */
export function listBoardActions(db: Conn, boardId: number): BoardAction[] {
	const rows = db
		.select({
			id: actions.id,
			title: actions.title,
			dimension: actions.dimension,
			horizon: actions.horizon,
			position: actions.position,
			status: actions.status,
			progress: actions.progress,
			dueDate: actions.dueDate,
			version: actions.version
		})
		.from(actions)
		.where(and(eq(actions.boardId, boardId), isNull(actions.archivedAt)))
		.orderBy(asc(actions.dimension), asc(actions.horizon), asc(actions.position), asc(actions.id))
		.all();
	const owners = ownersOf(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, owners: owners.get(r.id) ?? [] }));
}

/** Owners of many actions in one query, by action id. */
export function ownersOf(db: Conn, actionIds: number[]) {
	const byAction = new Map<number, { id: number; name: string }[]>();
	if (actionIds.length === 0) return byAction;
	const rows = db
		.select({ actionId: actionOwners.actionId, id: users.id, name: users.name })
		.from(actionOwners)
		.innerJoin(users, eq(users.id, actionOwners.userId))
		.where(inArray(actionOwners.actionId, actionIds))
		.orderBy(asc(users.name))
		.all();
	for (const { actionId, ...owner } of rows) {
		const list = byAction.get(actionId) ?? [];
		list.push(owner);
		byAction.set(actionId, list);
	}
	return byAction;
}
