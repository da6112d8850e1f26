import type { Conn } from '../db';
import { eq } from 'drizzle-orm';
import { actions, type Action } from '../db/schema';
import type { ActionView } from '../../board/action-view';
import { actionQueries } from './action-queries';
import { DomainError } from './errors';

export type { ActionView };

export function findActionRow(db: Conn, id: number): Action | undefined {
	return actionQueries(db).byId.get({ id });
}

/** Place of an action in its cell: how many live actions of the cell come before it. */
function placeInCell(db: Conn, row: Action): number {
	if (row.archivedAt) return 0;
	return actionQueries(db).placeInCell.get({
		board: row.boardId,
		dimension: row.dimension,
		horizon: row.horizon,
		position: row.position,
		id: row.id
	})!.n;
}

/** The action as the API shows it; `place` in its cell is counted unless the caller knows it. */
export function toView(db: Conn, row: Action, place: number | null = null): ActionView {
	return {
		id: row.id,
		boardId: row.boardId,
		title: row.title,
		description: row.description,
		dimension: row.dimension,
		horizon: row.horizon,
		position: place ?? placeInCell(db, row),
		status: row.status,
		progress: row.progress,
		owners: actionQueries(db).owners.all({ id: row.id }),
		startDate: row.startDate,
		dueDate: row.dueDate,
		version: row.version,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
		archived: row.archivedAt !== null
	};
}

export function getAction(db: Conn, id: number): ActionView | undefined {
	const row = findActionRow(db, id);
	return row && toView(db, row);
}

/** The row to change, or the reason it cannot be changed (missing, or based on an old version). */
export function rowForWrite(db: Conn, id: number, version?: number): Action {
	const row = findActionRow(db, id);
	if (!row) throw new DomainError('not_found');
	if (version !== undefined && row.version !== version) {
		throw new DomainError('conflict', { current: toView(db, row) });
	}
	return row;
}

/** Writes `changes` to an action as its next version; returns the row as it now stands. */
export function saveNextVersion(db: Conn, row: Action, changes: Partial<Action>, now: Date) {
	return db
		.update(actions)
		.set({ ...changes, version: row.version + 1, updatedAt: now })
		.where(eq(actions.id, row.id))
		.returning()
		.get();
}

/** Rows of archived actions cannot be changed (only restored). */
export function liveRowForWrite(db: Conn, id: number, version?: number): Action {
	const row = rowForWrite(db, id, version);
	if (row.archivedAt) throw new DomainError('archived');
	return row;
}

/** An action's work cannot begin after it is due. */
export function assertStartNotAfterDue(startDate: string | null, dueDate: string | null) {
	if (startDate && dueDate && startDate > dueDate) throw new DomainError('start_after_due');
}
