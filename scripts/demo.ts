// `npm run demo`: recreates the demo database with example data, then serves the app.
import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { migrateDatabase, openDatabase } from '../src/lib/server/db/index';
import { DEMO_MARKER, seedDemo } from '../src/lib/server/demo/seed';
// @ts-expect-error plain JavaScript module without types
import { buildIfNeeded, serve } from './serve.js';

const path = resolve((process.env.DATABASE_PATH ||= './data/demo.db'));
const password = process.env.DEMO_PASSWORD || 'dreiklang-demo';

/** True when the file at `path` was made by this script (or is not there at all). */
function madeByDemo(file: string): boolean {
	if (!existsSync(file)) return true;
	try {
		const db = new Database(file, { readonly: true, fileMustExist: true });
		try {
			const row = db.prepare('select value from app_meta where key = ?').get(DEMO_MARKER.key) as
				{ value: string } | undefined;
			return row?.value === DEMO_MARKER.value;
		} finally {
			db.close();
		}
	} catch {
		return false;
	}
}

if (!madeByDemo(path)) {
	console.error(
		`\n${path} was not created by "npm run demo"; it is left untouched.\n` +
			'Set DATABASE_PATH to another file (or remove this one yourself) to run the demo.\n'
	);
	process.exit(1);
}

for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
const db = openDatabase(path);
migrateDatabase(db);
const { people } = await seedDemo(db, password);
db.$client.close();

buildIfNeeded();
await serve();
console.log(
	`\nDemo sign-ins (password: ${password}${process.env.DEMO_PASSWORD ? '' : ', set DEMO_PASSWORD to change it'}):`
);
for (const p of people) console.log(`  ${p.email.padEnd(22)} ${p.role}`);
