import { sql } from 'drizzle-orm';
import type { Db } from '../db';

/** Runs a real query; false when the database cannot answer. */
export function databaseIsHealthy(db: Db): boolean {
	try {
		return db.get<{ ok: number }>(sql`select count(*) >= 0 as ok from users`).ok === 1;
	} catch {
		return false;
	}
}
