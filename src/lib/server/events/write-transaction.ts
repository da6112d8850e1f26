import type Database from 'better-sqlite3';
import type { Db } from '../db';

type Runner = (write: () => unknown) => unknown;
const runners = new WeakMap<Database.Database, Runner>();

/**
 * Runs `write` in one `BEGIN IMMEDIATE` transaction: it takes the write lock before it reads, so
 * concurrent writers queue on the busy timeout instead of failing with "database is locked". A
 * throw rolls everything back.
 *
 * The transaction function is made once per connection; drizzle's `db.transaction()` builds a new
 * transaction object (and better-sqlite3 a new wrapper) on every call, which costs more than a
 * short write itself. Inside, queries run on `db` as usual — the connection is in the transaction.
 */
export function writeTransaction<T>(db: Db, write: () => T): T {
	let run = runners.get(db.$client);
	if (!run) {
		run = db.$client.transaction((fn: () => unknown) => fn()).immediate;
		runners.set(db.$client, run);
	}
	return run(write) as T;
}
