import { asc, eq, sql } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { commitChange } from '../events/commit';
import { prepared } from '../db/prepared';
import { boards, type Board } from '../db/schema';

// Every page asks for these; prepared once per connection.
const boardQueries = (db: Conn) => ({
	byId: db
		.select()
		.from(boards)
		.where(eq(boards.id, sql.placeholder('id')))
		.prepare(),
	first: db.select({ id: boards.id }).from(boards).orderBy(asc(boards.id)).limit(1).prepare()
});

export interface NewBoard {
	name: string;
	description?: string;
	horizonShort?: string;
	horizonMedium?: string;
	horizonLong?: string;
}

/**
 * The horizon texts a new board starts with when none are given (the organisation can change
 * them). Setup gives them in the admin's language (`setup_horizon_*`).
 */
export const DEFAULT_HORIZONS = {
	horizonShort: 'bis 6 Monate',
	horizonMedium: '6–24 Monate',
	horizonLong: 'über 2 Jahre'
};

export function createBoard(db: Db, input: NewBoard, now = new Date()): Board {
	return commitChange(db, () =>
		db
			.insert(boards)
			.values({ ...DEFAULT_HORIZONS, ...input, createdAt: now, updatedAt: now })
			.returning()
			.get()
	);
}

export function listBoards(db: Conn): Pick<Board, 'id' | 'name'>[] {
	return db.select({ id: boards.id, name: boards.name }).from(boards).orderBy(asc(boards.id)).all();
}

export function getBoard(db: Conn, id: number): Board | undefined {
	return prepared(db, boardQueries).byId.get({ id });
}

/** The board people land on: the oldest one. */
export function firstBoardId(db: Conn): number | undefined {
	return prepared(db, boardQueries).first.get()?.id;
}
