import { asc, eq, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { clientOf, prepared } from '../db/prepared';
import { actionOwners, users, type Board } from '../db/schema';
import { CELLS } from '../../board/cells';
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
		/** Days without a progress entry after which an action of each horizon reminds. */
		quietDays: {
			short: board.quietDaysShort,
			medium: board.quietDaysMedium,
			long: board.quietDaysLong
		},
		version: board.version
	};
}
export type BoardView = ReturnType<typeof boardView>;

// One cell in order, straight from the cell index (no sort); prepared once per connection.
const cellRowsQuery = (db: Conn) =>
	clientOf(db).prepare(
		`select id, title, dimension, horizon, status, progress, due_date as dueDate, version
		 from actions
		 where board_id = @board and dimension = @dimension and horizon = @horizon
		   and archived_at is null
		 order by position, id`
	);

/**
 * The board's live actions in board order — cell by cell (short term first, ecological →
 * social in each row), then by place in the cell — with owners. Ten prepared queries.
 */
export function listBoardActions(db: Conn, boardId: number): BoardAction[] {
	const cellRows = prepared(db, cellRowsQuery);
	const owners = ownersOfBoard(db, boardId);
	return CELLS.flatMap((cell) =>
		(cellRows.all({ board: boardId, ...cell }) as Omit<BoardAction, 'position' | 'owners'>[]).map(
			(row, position) => ({ ...row, position, owners: owners.get(row.id) ?? [] })
		)
	);
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

// The ids travel as one JSON array, so one prepared statement serves any number of them.
const ownersOfQuery = (db: Conn) =>
	db
		.select(ownerColumns)
		.from(actionOwners)
		.innerJoin(users, eq(users.id, actionOwners.userId))
		.where(
			sql`${actionOwners.actionId} in (select value from json_each(${sql.placeholder('ids')}))`
		)
		.orderBy(asc(users.name))
		.prepare();

/** Owners of a few actions in one query, by action id. */
export function ownersOf(db: Conn, actionIds: number[]) {
	if (actionIds.length === 0) return new Map<number, Owner[]>();
	return groupOwners(prepared(db, ownersOfQuery).all({ ids: JSON.stringify(actionIds) }));
}

// Unsorted: sorting a few owners per action costs less than sorting the whole board's.
const ownersOfBoardQuery = (db: Conn) =>
	clientOf(db).prepare(
		`select o.action_id as actionId, u.id, u.name
		 from actions a
		 join action_owners o on o.action_id = a.id
		 join users u on u.id = o.user_id
		 where a.board_id = ? and a.archived_at is null`
	);

const byName = (a: Owner, b: Owner) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Owners of every live action of a board in one query, by action id, each list by name. */
export function ownersOfBoard(db: Conn, boardId: number) {
	const owners = groupOwners(
		prepared(db, ownersOfBoardQuery).all(boardId) as ({ actionId: number } & Owner)[]
	);
	for (const list of owners.values()) if (list.length > 1) list.sort(byName);
	return owners;
}
