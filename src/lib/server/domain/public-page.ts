import { randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { actionOwners, actions, boards, users, type Board } from '../db/schema';
import { commitChange } from '../events/commit';
import { DIMENSIONS, HORIZONS, type Dimension, type Horizon } from '../../board/cells';
import type { BoardChanges } from '../../board/changes';
import type { PublicAction, PublicView } from '../../public/public-view';
import type { Actor } from './actor';
import { liveRowForWrite, saveNextVersion, toView, type ActionView } from './action-view';
import { DomainError } from './errors';
import type { PublicityInput } from './public-page-input';

export type { PublicAction, PublicView };

/** What an admin sees of the board's public page. */
export interface PublicPageSettings {
	enabled: boolean;
	/** Null until the page is first turned on. */
	token: string | null;
	ownerNames: boolean;
}

/** 32 random bytes as base64url: 43 characters, not to be guessed. */
const newToken = () => randomBytes(32).toString('base64url');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function boardRow(db: Conn, boardId: number): Board {
	const board = db.select().from(boards).where(eq(boards.id, boardId)).get();
	if (!board) throw new DomainError('not_found');
	return board;
}

const settingsOf = (board: Board): PublicPageSettings => ({
	enabled: board.publicEnabled,
	token: board.publicToken,
	ownerNames: board.publicOwnerNames
});

export function publicPageSettings(db: Conn, boardId: number): PublicPageSettings {
	return settingsOf(boardRow(db, boardId));
}

/**
 * Changes the page's settings. They are no part of the frame: the board's version stays, so
 * nobody editing the frame meanwhile gets a conflict.
 */
function saveSettings(
	db: Db,
	boardId: number,
	change: (board: Board) => Partial<Board>
): PublicPageSettings {
	return commitChange(db, () => {
		const board = boardRow(db, boardId);
		const updated = db
			.update(boards)
			.set(change(board))
			.where(eq(boards.id, boardId))
			.returning()
			.get();
		return settingsOf(updated);
	});
}

/** Turns the page on; its link is made the first time and kept when it is turned on again. */
export const turnPublicPageOn = (db: Db, boardId: number) =>
	saveSettings(db, boardId, (b) => ({
		publicEnabled: true,
		publicToken: b.publicToken ?? newToken()
	}));

/** Turns the page off: its link answers "not found" until it is turned on again. */
export const turnPublicPageOff = (db: Db, boardId: number) =>
	saveSettings(db, boardId, () => ({ publicEnabled: false }));

/** A new link; the old one answers "not found" at once. */
export const renewPublicToken = (db: Db, boardId: number) =>
	saveSettings(db, boardId, () => ({ publicToken: newToken() }));

/** Whether owners' names show on the public page (hidden unless the organisation allows it). */
export const setPublicOwnerNames = (db: Db, boardId: number, show: boolean) =>
	saveSettings(db, boardId, () => ({ publicOwnerNames: show }));

/**
 * The board whose public page `token` opens — only while the page is on. Every board with a page
 * on is compared in constant time, so that the answer's timing tells nothing about the token.
 */
export function boardOfPublicToken(db: Conn, token: string): Board | undefined {
	if (!TOKEN_SHAPE.test(token)) return undefined;
	const given = Buffer.from(token);
	const candidates = db
		.select()
		.from(boards)
		.where(and(eq(boards.publicEnabled, true), isNotNull(boards.publicToken)))
		.all();
	let found: Board | undefined;
	for (const board of candidates) {
		const stored = Buffer.from(board.publicToken!);
		if (stored.length === given.length && timingSafeEqual(stored, given)) found = board;
	}
	return found;
}

const byOrder = <T extends string>(order: readonly T[]) => new Map(order.map((v, i) => [v, i]));
const HORIZON_ORDER = byOrder(HORIZONS);
const DIMENSION_ORDER = byOrder(DIMENSIONS);

type Placed = { id: number; dimension: Dimension; horizon: Horizon; position: string };
/** Horizon after horizon (the roadmap's order), in each the dimensions, then place in the cell. */
const boardOrder = (a: Placed, b: Placed) =>
	HORIZON_ORDER.get(a.horizon)! - HORIZON_ORDER.get(b.horizon)! ||
	DIMENSION_ORDER.get(a.dimension)! - DIMENSION_ORDER.get(b.dimension)! ||
	(a.position < b.position ? -1 : a.position > b.position ? 1 : a.id - b.id);

/** The public page's content: the frame and the live actions marked public, nothing else. */
export function publicView(db: Conn, board: Board): PublicView {
	const rows = db
		.select({
			id: actions.id,
			title: actions.title,
			dimension: actions.dimension,
			horizon: actions.horizon,
			position: actions.position,
			status: actions.status,
			progress: actions.progress,
			startDate: actions.startDate,
			dueDate: actions.dueDate,
			description: actions.description,
			descriptionPublic: actions.descriptionPublic
		})
		.from(actions)
		.where(
			and(eq(actions.boardId, board.id), eq(actions.isPublic, true), isNull(actions.archivedAt))
		)
		.all()
		.sort(boardOrder);
	const owners = board.publicOwnerNames
		? ownerNames(
				db,
				rows.map((r) => r.id)
			)
		: null;
	return {
		board: {
			name: board.name,
			horizons: { short: board.horizonShort, medium: board.horizonMedium, long: board.horizonLong },
			goals: {
				ecological: board.goalEcological,
				economic: board.goalEconomic,
				social: board.goalSocial
			}
		},
		ownerNames: board.publicOwnerNames,
		actions: rows.map((r): PublicAction => ({
			id: r.id,
			title: r.title,
			dimension: r.dimension,
			horizon: r.horizon,
			status: r.status,
			progress: r.progress,
			startDate: r.startDate,
			dueDate: r.dueDate,
			description: r.descriptionPublic && r.description.trim() ? r.description : null,
			...(owners && { owners: owners.get(r.id) ?? [] })
		}))
	};
}

/** Names only (never e-mail addresses), per action, in alphabetical order. */
function ownerNames(db: Conn, actionIds: number[]): Map<number, string[]> {
	const names = new Map<number, string[]>();
	if (!actionIds.length) return names;
	// SQLite takes at most 32,766 parameters; a board's public actions stay far below.
	const rows = db
		.select({ actionId: actionOwners.actionId, name: users.name })
		.from(actionOwners)
		.innerJoin(users, eq(users.id, actionOwners.userId))
		.where(inArray(actionOwners.actionId, actionIds))
		.orderBy(asc(users.name))
		.all();
	for (const { actionId, name } of rows) {
		const list = names.get(actionId) ?? [];
		list.push(name);
		names.set(actionId, list);
	}
	return names;
}

/** The live actions of a board with their public flags, for the admin's overview. */
export function listActionPublicity(db: Conn, boardId: number) {
	return db
		.select({
			id: actions.id,
			title: actions.title,
			dimension: actions.dimension,
			horizon: actions.horizon,
			position: actions.position,
			isPublic: actions.isPublic,
			descriptionPublic: actions.descriptionPublic
		})
		.from(actions)
		.where(and(eq(actions.boardId, boardId), isNull(actions.archivedAt)))
		.all()
		.sort(boardOrder)
		.map(({ position: _position, ...rest }) => rest);
}

/** An action's public flags, for its page. */
export function actionPublicity(db: Conn, id: number) {
	return db
		.select({ isPublic: actions.isPublic, descriptionPublic: actions.descriptionPublic })
		.from(actions)
		.where(eq(actions.id, id))
		.get();
}

/**
 * Shows an action on the public page or not, and whether its description may be shown there
 * (a flag left out stays as it is). An edit like any other: based on `version`, it raises the
 * version and enters the history.
 */
export function setActionPublicity(
	db: Db,
	actor: Actor,
	id: number,
	input: PublicityInput,
	now = new Date()
): ActionView {
	return commitChange(db, (change) => {
		const row = liveRowForWrite(db, id, input.version);
		const data: Omit<BoardChanges['publicity_changed'], 'version'> = {};
		if (input.isPublic !== undefined && input.isPublic !== row.isPublic) {
			data.isPublic = input.isPublic;
		}
		if (
			input.descriptionPublic !== undefined &&
			input.descriptionPublic !== row.descriptionPublic
		) {
			data.descriptionPublic = input.descriptionPublic;
		}
		if (!Object.keys(data).length) return toView(db, row);
		const saved = saveNextVersion(db, row, data, now);
		change.emit({
			boardId: row.boardId,
			actionId: id,
			actorId: actor.id,
			createdAt: now,
			type: 'publicity_changed',
			data: { ...data, version: saved.version }
		});
		return toView(db, saved);
	});
}
