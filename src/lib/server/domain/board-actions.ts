import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Conn } from '../db';
import { actionOwners, actions, users, type Board } from '../db/schema';
import { CELLS, cellKey } from '../../board/cells';
import type { BoardAction } from '../../board/action-view';

export type { BoardAction };

/** A board as the API and the pages show it. */
export function boardView(board: Board) {
	return {
		id: board.id,
		name: board.name,
		description: board.description,
		horizons: { short: board.horizonShort, medium: board.horizonMedium, long: board.horizonLong },
		goals: {
			ecological: board.goalEcological,
			economic: board.goalEconomic,
			social: board.goalSocial
		},
		version: board.version
	};
}
export type BoardView = ReturnType<typeof boardView>;

/**
 * The board's live actions in board order — cell by cell (short term first, ecological →
 * social in each row), then by place in the cell — with owners. Two queries for the whole board.
 */
export function listBoardActions(db: Conn, boardId: number): BoardAction[] {
	const rows = db
		.select({
			id: actions.id,
			title: actions.title,
			dimension: actions.dimension,
			horizon: actions.horizon,
			status: actions.status,
			progress: actions.progress,
			dueDate: actions.dueDate,
			version: actions.version
		})
		.from(actions)
		.where(and(eq(actions.boardId, boardId), isNull(actions.archivedAt)))
		.orderBy(asc(actions.dimension), asc(actions.horizon), asc(actions.position), asc(actions.id))
		.all();
	const owners = ownersOfBoard(db, boardId);
	const byCell = new Map<string, BoardAction[]>(CELLS.map((c) => [cellKey(c), []]));
	for (const row of rows) {
		const list = byCell.get(cellKey(row))!;
		list.push({ ...row, position: list.length, owners: owners.get(row.id) ?? [] });
	}
	return [...byCell.values()].flat();
}

type Owner = { id: number; name: string };

function groupOwners(rows: ({ actionId: number } & Owner)[]) {
	const byAction = new Map<number, Owner[]>();
	for (const { actionId, ...owner } of rows) {
		const list = byAction.get(actionId);
		if (list) list.push(owner);
		else byAction.set(actionId, [owner]);
	}
	return byAction;
}

const ownerColumns = { actionId: actionOwners.actionId, id: users.id, name: users.name };

/** Owners of a few actions in one query, by action id. */
export function ownersOf(db: Conn, actionIds: number[]) {
	if (actionIds.length === 0) return new Map<number, Owner[]>();
	return groupOwners(
		db
			.select(ownerColumns)
			.from(actionOwners)
			.innerJoin(users, eq(users.id, actionOwners.userId))
			.where(inArray(actionOwners.actionId, actionIds))
			.orderBy(asc(users.name))
			.all()
	);
}

/** Owners of every live action of a board in one query, by action id. */
export function ownersOfBoard(db: Conn, boardId: number) {
	return groupOwners(
		db
			.select(ownerColumns)
			.from(actionOwners)
			.innerJoin(actions, eq(actions.id, actionOwners.actionId))
			.innerJoin(users, eq(users.id, actionOwners.userId))
			.where(and(eq(actions.boardId, boardId), isNull(actions.archivedAt)))
			.orderBy(asc(users.name))
			.all()
	);
}
