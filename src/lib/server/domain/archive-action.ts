import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { actions } from '../db/schema';
import { commitChange } from '../events/commit';
import type { Actor } from './actor';
import { rowForWrite, saveNextVersion, toView } from './action-view';
import { keyAtEnd } from './cell-order';

/**
 * Takes an action off the board (`archived`), or brings it back at the end of its old cell. It
 * stays in the database either way; archiving twice changes nothing.
 */
export function setArchived(
	db: Db,
	actor: Actor,
	id: number,
	archived: boolean,
	version?: number,
	now = new Date()
) {
	return commitChange(db, (change) => {
		const row = rowForWrite(db, id, version);
		if ((row.archivedAt !== null) === archived) return toView(db, row);
		const updated = saveNextVersion(
			db,
			row,
			{
				archivedAt: archived ? now : null,
				...(!archived && { position: keyAtEnd(db, row.boardId, row) })
			},
			now
		);
		change.emit({
			type: archived ? 'archived' : 'restored',
			boardId: row.boardId,
			actionId: id,
			actorId: actor.id,
			data: { version: updated.version },
			createdAt: now
		});
		return toView(db, updated);
	});
}

export const archiveAction = (db: Db, actor: Actor, id: number, version?: number, now?: Date) =>
	setArchived(db, actor, id, true, version, now);

export const restoreAction = (db: Db, actor: Actor, id: number, version?: number, now?: Date) =>
	setArchived(db, actor, id, false, version, now);

/** The board's archived actions, most recently archived first. */
export function listArchived(db: Conn, boardId: number) {
	return db
		.select({
			id: actions.id,
			title: actions.title,
			dimension: actions.dimension,
			horizon: actions.horizon,
			archivedAt: actions.archivedAt,
			version: actions.version
		})
		.from(actions)
		.where(and(eq(actions.boardId, boardId), isNotNull(actions.archivedAt)))
		.orderBy(desc(actions.archivedAt))
		.all();
}
