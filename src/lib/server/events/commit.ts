import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { events } from '../db/schema';
import { subscribers } from './subscribers';
import { isBoardChange, type BoardEvent, type Change, type CommittedEvent } from './types';
import { writeTransaction } from './write-transaction';
import { joinGroup, whenStored } from './group-commit';

export type { Change } from './types';

/** A change must finish inside its transaction: an `await` would commit half of it. */
type Sync<T> = T extends PromiseLike<unknown> ? never : T;

let open: { client: Db['$client']; change: Change } | null = null;

/**
 * The commit seam: every write of the domain runs through here. `work` runs in one
 * `BEGIN IMMEDIATE` transaction (the write lock is taken before the first read, so concurrent
 * writers queue on the busy timeout instead of failing with "database is locked"); a throw rolls
 * all of it back. Subscribers' `inTransaction` halves run inside it; once it is committed their
 * `afterCommit` halves hear the committed events, in order.
 *
 * A change that calls another domain function joins it: one transaction, one list of events.
 * On the server, changes that arrive together share one COMMIT (`group-commit.ts`); each is
 * still all or nothing, and subscribers hear of it once it is stored.
 */
export function commitChange<T>(db: Db, work: (change: Change) => Sync<T>): T {
	if (open?.client === db.$client) return work(open.change);
	const committed: CommittedEvent[] = [];
	const change: Change = {
		emit(event) {
			committed.push(isBoardChange(event) ? recordBoardEvent(db, event) : event);
		}
	};
	joinGroup(db.$client);
	open = { client: db.$client, change };
	let result: T;
	try {
		result = writeTransaction(db, () => {
			const value = work(change);
			if (committed.length) {
				for (const s of subscribers()) s.inTransaction?.(committed.slice(), db, change);
			}
			return value;
		});
	} finally {
		open = null;
	}
	whenStored(db.$client, () => announce(db, committed));
	return result;
}

/** Tells the subscribers' `afterCommit` halves about a stored change. */
function announce(db: Db, committed: CommittedEvent[]) {
	if (!committed.length) return;
	for (const s of subscribers()) {
		try {
			s.afterCommit?.(committed, db);
		} catch (err) {
			// The change is stored; one subscriber's failure must not turn it into an error.
			console.error(`subscriber ${s.name} failed after commit`, err);
		}
	}
}

const insertEvent = (db: Db) =>
	db
		.insert(events)
		.values({
			boardId: sql.placeholder('boardId'),
			actionId: sql.placeholder('actionId'),
			actorId: sql.placeholder('actorId'),
			type: sql.placeholder('type'),
			data: sql.placeholder('data'),
			createdAt: sql.placeholder('createdAt')
		})
		.returning({ id: events.id })
		.prepare();

function recordBoardEvent(db: Db, event: BoardEvent): BoardEvent & { id: number } {
	const { id } = prepared(db, insertEvent).get({
		boardId: event.boardId,
		actionId: event.actionId,
		actorId: event.actorId,
		type: event.type,
		data: event.data,
		createdAt: event.createdAt
	})!;
	return { ...event, id };
}
