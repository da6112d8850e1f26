import { and, asc, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { writeTransaction } from '../db/write-transaction';
import { liveBoards } from '../live/broker';
import { actionOwners, actions, progressEntries, users, type Action } from '../db/schema';
import { keyBetween, spreadKeys } from '../../board/ordering';
import type { Cell } from '../../board/cells';
import type { ActionView } from '../../board/action-view';
import { DomainError } from './errors';
import { actionQueries } from './action-queries';
import { recordEvent } from './events';
import type {
	CreateActionInput,
	MoveActionInput,
	ProgressInput,
	UpdateActionInput
} from './action-input';

export interface Actor {
	id: number;
	name: string;
}

export type { ActionView };

/**
 * Runs a change in one short `BEGIN IMMEDIATE` transaction — it takes the write lock before it
 * reads, so concurrent writers queue on the busy timeout instead of failing — and, once it is
 * committed, hands the new events to the live boards. Inside a group commit it is a savepoint,
 * and the group hands on the events after its commit.
 */
function change<T>(db: Db, write: (tx: Conn) => T): T {
	const grouped = db.$client.inTransaction;
	const result = writeTransaction(db, () => write(db));
	if (!grouped) liveBoards.publishCommitted(db);
	return result;
}

function findRow(db: Conn, id: number): Action | undefined {
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
function toView(db: Conn, row: Action, place: number | null = null): ActionView {
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
		dueDate: row.dueDate,
		version: row.version,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
		archived: row.archivedAt !== null
	};
}

export function getAction(db: Conn, id: number): ActionView | undefined {
	const row = findRow(db, id);
	return row && toView(db, row);
}

/** The row to change, or the reason it cannot be changed (missing, or based on an old version). */
function rowForWrite(db: Conn, id: number, version?: number): Action {
	const row = findRow(db, id);
	if (!row) throw new DomainError('not_found');
	if (version !== undefined && row.version !== version) {
		throw new DomainError('conflict', { current: toView(db, row) });
	}
	return row;
}

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

function lastKey(db: Conn, boardId: number, cell: Cell, without?: number): string | null {
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

/**
 * The order key for `index` in a cell, and the place the action gets there (null when `index`
 * is past the end: then it is last, and only a count tells where that is). Reads only the two
 * neighbours, so a move costs the same in a cell of five actions or five hundred. Equal
 * neighbours (which Dreiklang never writes, but an import might) are repaired by spreading the
 * cell's keys anew.
 */
function placeAt(
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

function assertActiveOwners(db: Conn, ownerIds: number[]) {
	if (ownerIds.length === 0) return;
	const found = db
		.select({ id: users.id })
		.from(users)
		.where(and(sql`${users.id} in ${ownerIds}`, eq(users.active, true)))
		.all();
	if (found.length !== new Set(ownerIds).size) throw new DomainError('invalid_owner');
}

function replaceOwners(db: Conn, actionId: number, ownerIds: number[]) {
	db.delete(actionOwners).where(eq(actionOwners.actionId, actionId)).run();
	const unique = [...new Set(ownerIds)];
	if (unique.length) {
		db.insert(actionOwners)
			.values(unique.map((userId) => ({ actionId, userId })))
			.run();
	}
}

function currentOwnerIds(db: Conn, actionId: number): number[] {
	return db
		.select({ id: actionOwners.userId })
		.from(actionOwners)
		.where(eq(actionOwners.actionId, actionId))
		.all()
		.map((r) => r.id)
		.sort((a, b) => a - b);
}

/** Creates an action at the end of its cell (or at `index`). */
export function createAction(
	db: Db,
	actor: Actor,
	boardId: number,
	input: CreateActionInput & { index?: number },
	now = new Date()
): ActionView {
	return change(db, (tx) => {
		const cell = { dimension: input.dimension, horizon: input.horizon };
		const owners = input.owners ?? [];
		assertActiveOwners(tx, owners);
		const position =
			input.index === undefined
				? keyBetween(lastKey(tx, boardId, cell), null)
				: placeAt(tx, boardId, cell, input.index).key;
		const row = tx
			.insert(actions)
			.values({
				boardId,
				title: input.title,
				description: input.description ?? '',
				...cell,
				position,
				status: input.status ?? 'planned',
				progress: input.progress ?? 0,
				dueDate: input.dueDate ?? null,
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.returning()
			.get();
		replaceOwners(tx, row.id, owners);
		recordEvent(tx, {
			boardId,
			actionId: row.id,
			actorId: actor.id,
			type: 'created',
			data: { title: row.title, ...cell, version: row.version },
			createdAt: now
		});
		return toView(tx, row);
	});
}

const EDITABLE = ['title', 'description', 'status', 'progress', 'dueDate'] as const;

/** Changes fields and owners of an action based on `version`; a stale version is a conflict. */
export function updateAction(
	db: Db,
	actor: Actor,
	id: number,
	input: UpdateActionInput,
	now = new Date()
): ActionView {
	return change(db, (tx) => {
		const row = rowForWrite(tx, id, input.version);
		if (row.archivedAt) throw new DomainError('archived');
		const changes: Partial<Action> = {};
		const changed: Record<string, { from: unknown; to: unknown }> = {};
		for (const field of EDITABLE) {
			const value = input[field];
			if (value !== undefined && value !== row[field]) {
				Object.assign(changes, { [field]: value });
				changed[field] = { from: row[field], to: value };
			}
		}
		let owners: { from: number[]; to: number[] } | undefined;
		if (input.owners) {
			const before = currentOwnerIds(tx, id);
			const after = [...new Set(input.owners)].sort((a, b) => a - b);
			if (before.join() !== after.join()) {
				// Someone who left may stay an owner, but nobody inactive can be added.
				assertActiveOwners(
					tx,
					after.filter((o) => !before.includes(o))
				);
				replaceOwners(tx, id, after);
				owners = { from: before, to: after };
			}
		}
		const fieldsChanged = Object.keys(changed).length > 0;
		if (!fieldsChanged && !owners) return toView(tx, row);
		// One change, one event: an edit that also changes owners is one "edited" entry.
		recordEvent(tx, {
			boardId: row.boardId,
			actionId: id,
			actorId: actor.id,
			type: fieldsChanged ? 'edited' : 'owners_changed',
			data: fieldsChanged
				? { changed, ...(owners && { owners }), version: row.version + 1 }
				: { ...owners, version: row.version + 1 },
			createdAt: now
		});
		const updated = tx
			.update(actions)
			.set({ ...changes, version: row.version + 1, updatedAt: now })
			.where(eq(actions.id, id))
			.returning()
			.get();
		return toView(tx, updated);
	});
}

/**
 * Moves an action to `index` in a cell. One short immediate transaction that writes only the
 * moved action: a new order key between its new neighbours, the next version, a `moved` event.
 */
export function moveAction(
	db: Db,
	actor: Actor,
	id: number,
	input: MoveActionInput,
	now = new Date()
): ActionView {
	return change(db, (tx) => {
		const row = rowForWrite(tx, id, input.version);
		if (row.archivedAt) throw new DomainError('archived');
		const to = { dimension: input.dimension, horizon: input.horizon };
		const { key, place } = placeAt(tx, row.boardId, to, input.index, id);
		const updated = actionQueries(tx).moveTo.get({
			id,
			...to,
			position: key,
			version: row.version + 1,
			now: now.getTime()
		})!;
		recordEvent(tx, {
			boardId: row.boardId,
			actionId: id,
			actorId: actor.id,
			type: 'moved',
			data: {
				from: { dimension: row.dimension, horizon: row.horizon },
				to,
				index: input.index,
				version: updated.version
			},
			createdAt: now
		});
		return toView(tx, updated, place);
	});
}

/** Logs progress; the action's progress (and status, when given) follow the newest entry. */
export function addProgress(
	db: Db,
	actor: Actor,
	id: number,
	input: ProgressInput,
	now = new Date()
) {
	return change(db, (tx) => {
		const row = rowForWrite(tx, id);
		if (row.archivedAt) throw new DomainError('archived');
		const entry = tx
			.insert(progressEntries)
			.values({
				actionId: id,
				authorId: actor.id,
				note: input.note,
				progress: input.progress,
				status: input.status ?? null,
				createdAt: now
			})
			.returning()
			.get();
		const updated = tx
			.update(actions)
			.set({
				progress: input.progress,
				...(input.status && { status: input.status }),
				version: row.version + 1,
				updatedAt: now
			})
			.where(eq(actions.id, id))
			.returning()
			.get();
		recordEvent(tx, {
			boardId: row.boardId,
			actionId: id,
			actorId: actor.id,
			type: 'progress',
			data: {
				progress: input.progress,
				from: row.progress,
				version: updated.version,
				...(input.status && input.status !== row.status && { status: input.status })
			},
			createdAt: now
		});
		return {
			entry: { ...entry, createdAt: entry.createdAt.toISOString() },
			action: toView(tx, updated)
		};
	});
}

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
	return change(db, (tx) => {
		const row = rowForWrite(tx, id, version);
		if ((row.archivedAt !== null) === archived) return toView(tx, row);
		const updated = tx
			.update(actions)
			.set({
				archivedAt: archived ? now : null,
				...(!archived && { position: keyBetween(lastKey(tx, row.boardId, row), null) }),
				version: row.version + 1,
				updatedAt: now
			})
			.where(eq(actions.id, id))
			.returning()
			.get();
		recordEvent(tx, {
			boardId: row.boardId,
			actionId: id,
			actorId: actor.id,
			type: archived ? 'archived' : 'restored',
			data: { version: updated.version },
			createdAt: now
		});
		return toView(tx, updated);
	});
}

export const archiveAction = (db: Db, actor: Actor, id: number, version?: number, now?: Date) =>
	setArchived(db, actor, id, true, version, now);

export const restoreAction = (db: Db, actor: Actor, id: number, version?: number, now?: Date) =>
	setArchived(db, actor, id, false, version, now);

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

/** The progress log, newest first, with the authors' names. */
export function listProgress(db: Conn, actionId: number) {
	return db
		.select({
			id: progressEntries.id,
			note: progressEntries.note,
			progress: progressEntries.progress,
			status: progressEntries.status,
			createdAt: progressEntries.createdAt,
			author: users.name
		})
		.from(progressEntries)
		.leftJoin(users, eq(users.id, progressEntries.authorId))
		.where(eq(progressEntries.actionId, actionId))
		.orderBy(desc(progressEntries.createdAt), desc(progressEntries.id))
		.all();
}
