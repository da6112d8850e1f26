import type Database from 'better-sqlite3';
import type { Conn } from './index';

const cache = new WeakMap<Database.Database, Map<unknown, unknown>>();

/** The better-sqlite3 connection under a drizzle handle. */
export function clientOf(conn: Conn): Database.Database {
	return conn.$client;
}

/**
 * Queries built once per connection with `build` (drizzle `.prepare()` with placeholders). On hot
 * paths, building the SQL and compiling a statement anew on every request costs more than
 * running it.
 */
export function prepared<T>(conn: Conn, build: (conn: Conn) => T): T {
	const client = clientOf(conn);
	let byBuilder = cache.get(client);
	if (!byBuilder) cache.set(client, (byBuilder = new Map()));
	let queries = byBuilder.get(build) as T | undefined;
	if (queries === undefined) {
		queries = build(conn);
		byBuilder.set(build, queries);
	}
	return queries;
}
