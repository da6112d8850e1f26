import { migrateDatabase, openDatabase, type Db } from '../db';

/** A fresh in-memory database with the real migrations applied — for tests only. */
export function createTestDb(): Db {
	const db = openDatabase(':memory:');
	migrateDatabase(db);
	return db;
}
