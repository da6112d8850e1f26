import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Conn } from '../db';
import { actions } from '../db/schema';
import { keyBetween, spreadKeys } from '../../board/ordering';
import type { Cell } from '../../board/cells';
import { actionQueries } from './action-queries';

/** A cell's live actions, leaving out one (the action being placed). */
function inCell(boardId: number, cell: Cell, without?: number) {
	return and(
		eq(actions.boardId, boardId),
		eq(actions.dimension, cell.dimension),
		eq(actions.horizon, cell.horizon),
		isNull(actions.archivedAt),
		without === undefined ? undefined : ne(actions.id, without)
	);
}

/** The order key of the last action in a cell (null in an empty cell). */
export function lastKey(db: Conn, boardId: number, cell: Cell, without?: number): string | null {
	return (
		db
			.select({ position: actions.position })
			.from(actions)
			.where(inCell(boardId, cell, without))
			.orderBy(desc(actions.position), desc(actions.id))
			.limit(1)
			.get()?.position ?? null
	);
}

/** The order key that puts an action last in a cell. */
export const keyAtEnd = (db: Conn, boardId: number, cell: Cell, without?: number) =>
	keyBetween(lastKey(db, boardId, cell, without), null);

/**
 * The order key for `index` in a cell, and the place the action gets there (null when `index`
 * is past the end: then it is last, and only a count tells where that is). Reads only the two
 * neighbours, so a move costs the same in a cell of five actions or five hundred. Equal
 * neighbours (which Dreiklang never writes, but an import might) are repaired by spreading the
 * cell's keys anew.
 */
export function placeAt(
	db: Conn,
	boardId: number,
	cell: Cell,
	index: number,
	without?: number
): { key: string; place: number | null } {
	const rows = actionQueries(db)
		.neighbours.all({
			board: boardId,
			dimension: cell.dimension,
			horizon: cell.horizon,
			without: without ?? 0,
			limit: 2,
			offset: Math.max(0, index - 1)
		})
		.map((r) => r.position);
	let before: string | null;
	let after: string | null;
	let place: number | null = index;
	if (index === 0) [before, after] = [null, rows[0] ?? null];
	else if (rows.length === 0) {
		[before, after] = [lastKey(db, boardId, cell, without), null];
		place = null;
	} else [before, after] = [rows[0], rows[1] ?? null];
	if (before !== null && after !== null && before >= after) {
		respreadCell(db, boardId, cell, without);
		return placeAt(db, boardId, cell, index, without);
	}
	return { key: keyBetween(before, after), place };
}

function respreadCell(db: Conn, boardId: number, cell: Cell, without?: number) {
	const rows = db
		.select({ id: actions.id })
		.from(actions)
		.where(inCell(boardId, cell, without))
		.orderBy(asc(actions.position), asc(actions.id))
		.all();
	const keys = spreadKeys(rows.length);
	rows.forEach((r, i) =>
		db.update(actions).set({ position: keys[i] }).where(eq(actions.id, r.id)).run()
	);
}
