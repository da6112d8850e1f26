import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = './data/dreiklang.db';
const MIGRATIONS_FOLDER = resolve(process.env.MIGRATIONS_PATH ?? 'drizzle');

/**
 * Opens a SQLite database with the settings every connection needs: WAL so readers never wait
 * for the writer; `synchronous = FULL` so a stored change survives a power cut, not only a crash
 * of the process (the server shares one disk flush among the changes that arrive together, see
 * events/group-commit.ts); foreign keys enforced; and a busy timeout so concurrent writers queue
 * instead of failing with "database is locked".
 */
export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// Case folding that knows umlauts (SQLite's lower() only folds ASCII), for searching titles.
	sqlite.function('dk_fold', { deterministic: true }, (text) =>
		typeof text === 'string' ? text.toLocaleLowerCase() : text
	);
	return drizzle(sqlite, { schema }) as Db;
}

/** Applies every pending migration from `drizzle/`; throws when one fails. */
export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER) {
	migrate(db, { migrationsFolder });
}

let instance: Db | undefined;

/** The app's one connection, opened (and migrated) on first use at `DATABASE_PATH`. */
export function getDb(): Db {
	if (!instance) {
		instance = openDatabase(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
		migrateDatabase(instance);
	}
	return instance;
}

/**
 * What read helpers take. Writes run on the one connection inside the commit seam's transaction
 * (`src/lib/server/events/commit.ts`), so there is no separate transaction handle.
 */
export type Conn = Db;
