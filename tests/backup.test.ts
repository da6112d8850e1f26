// `npm run backup` while the server runs and ten clients write, `npm run restore` with the server
// stopped: the backup holds every write acknowledged before it began, in a consistent state, and
// restores exactly; restore refuses damaged and foreign files and a database a server has open,
// and keeps the database it replaces whole.
import { expect, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ownServerPort } from './demo';
import {
	contents,
	firstBoardId,
	inconsistencies,
	integrity,
	memberClients,
	missingWrites,
	openReadOnly,
	removeDatabase,
	runScript,
	stateFile,
	Writers,
	type Ack,
	type ScriptRun
} from './durability';
import { startServer, type StartedServer } from './worker-server';

const CLIENTS = 10;

/** The files beside `file` whose names begin with its name (its -wal, -shm, kept databases). */
function besides(file: string): string[] {
	return readdirSync(dirname(file))
		.filter((entry) => entry.startsWith(basename(file)) && entry !== basename(file))
		.sort();
}

/** Reads a database file, checks it with `PRAGMA integrity_check` and returns every row. */
function soundContents(file: string) {
	const db = openReadOnly(file);
	try {
		expect(integrity(db), `integrity of ${file}`).toEqual(['ok']);
		return contents(db);
	} finally {
		db.close();
	}
}

const live = stateFile('backup-live.db');
const copy = stateFile('backup-copy.db');
const titles = `Sicherung ${Date.now().toString(36)}`;

/** The server the clients write to, while `npm run backup` copies its database to `copy`. */
let writing: StartedServer | undefined;
let clients: APIRequestContext[] = [];
let writers: Writers | undefined;
let boardId = 0;
let backup: ScriptRun;
/** The writes acknowledged before the backup started, and how many more while it ran. */
let beforeBackup: Ack[] = [];
let duringBackup = 0;

test.describe.configure({ mode: 'serial', timeout: 60_000 });

test.beforeAll(async () => {
	removeDatabase(live);
	removeDatabase(copy);
	writing = await startServer('demo', live, ownServerPort(0));
	clients = await memberClients(writing.server.url, CLIENTS);
	boardId = await firstBoardId(clients[0]);
	writers = new Writers(clients, boardId, titles);
	writers.start();

	await writers.acknowledged(40);
	beforeBackup = [...writers.acks];
	backup = await runScript('backup.js', [copy], live);
	duringBackup = writers.acks.length - beforeBackup.length;
	// The clients go on writing after the backup, too.
	await writers.acknowledged(writers.acks.length + 20);
	await writers.stop();
});

test.afterAll(async () => {
	await writers?.stop();
	await Promise.all(clients.map((c) => c.dispose()));
	await writing?.stop();
});

test('the backup holds every write acknowledged before it began, in a consistent state', () => {
	expect(writers!.refused).toEqual([]);
	expect(writers!.unanswered).toEqual([]);
	expect(backup.code, backup.stderr).toBe(0);
	expect(backup.stdout).toMatch(
		/^Backed up \S+ to \S+: [\d.]+ (bytes|KB|MB) in [\d.]+ s, integrity check ok\.\n$/
	);
	expect(duringBackup, 'writes acknowledged while the backup ran').toBeGreaterThan(0);
	expect(besides(copy), 'a backup is one self-contained file').toEqual([]);

	const db = openReadOnly(copy);
	try {
		expect(integrity(db)).toEqual(['ok']);
		expect(db.pragma('foreign_key_check')).toEqual([]);
		expect(inconsistencies(db, titles)).toEqual([]);
		expect(missingWrites(db, beforeBackup)).toEqual([]);
		// … and it is the state of one moment: the writes sent after it are not in it.
		expect(missingWrites(db, writers!.acks).length).toBeGreaterThan(0);
	} finally {
		db.close();
	}
});

test('restored into a fresh file, the backup is there row for row, and the app serves it', async () => {
	const restored = stateFile('backup-restored.db');
	removeDatabase(restored);
	const restore = await runScript('restore.js', [copy], restored);
	expect(restore.code, restore.stderr).toBe(0);
	expect(restore.stdout).toMatch(/^Restored \S+ to \S+: [\d.]+ (bytes|KB|MB) in [\d.]+ s\.\n$/);
	expect(besides(restored)).toEqual([]);
	const backedUp = soundContents(copy);
	expect(soundContents(restored)).toEqual(backedUp);

	const serving = await startServer('empty', restored, ownServerPort(1), { keepDatabase: true });
	let reader: APIRequestContext | undefined;
	try {
		[reader] = await memberClients(serving.server.url, 1);
		const board = (await (await reader.get(`/api/boards/${boardId}`)).json()) as {
			actions: Titled[];
		};
		expect(versionsOf(board.actions)).toEqual(versionsOf(backedUp.actions as Titled[]));

		// While `scripts/start.js` serves it, nothing can be restored over it.
		const whileServed = await runScript('restore.js', [copy], restored);
		expect(whileServed.code).toBe(1);
		expect(whileServed.stderr).toMatch(/^Restore refused: the database \S+ is in use/);
		expect(besides(restored).filter((f) => f.includes('before-restore'))).toEqual([]);
		expect((await reader.get(`/api/boards/${boardId}`)).status()).toBe(200);
	} finally {
		await reader?.dispose();
		await serving.stop();
	}
});

test('restore refuses damaged and foreign files and changes nothing', async () => {
	const target = stateFile('backup-target.db');
	const junk = stateFile('backup-junk.db');
	const brokenPage = stateFile('backup-broken-page.db');
	const brokenIndex = stateFile('backup-broken-index.db');
	const foreign = stateFile('backup-foreign.db');
	for (const file of [target, junk, brokenPage, brokenIndex, foreign]) removeDatabase(file);

	writeFileSync(junk, 'Dies ist keine Datenbank.\n'.repeat(200));
	damage(copy, brokenPage, 'events', (page) => page.fill(0x7f, 0, 16));
	damage(copy, brokenIndex, 'users_email_unique', (page) => {
		// A leaf index page that lists none of its entries: still readable, but it misses rows.
		expect(page[0], 'users_email_unique fits on one leaf page').toBe(0x0a);
		page.writeUInt16BE(0, 3);
	});
	const other = new Database(foreign);
	other.exec('create table notes (id integer primary key, text text)');
	other.close();

	const refusals: [string, RegExp][] = [
		[junk, /it is not a SQLite database/],
		[brokenPage, /it is damaged/],
		[brokenIndex, /SQLite's integrity check found damage: .*users_email_unique/],
		[foreign, /it is not a Dreiklang database/],
		[stateFile('backup-nowhere.db'), /there is no file/]
	];
	for (const [file, reason] of refusals) {
		const run = await runScript('restore.js', [file], target);
		expect(run.code, `restoring ${file}`).toBe(1);
		expect(run.stderr).toMatch(/^Restore refused: /);
		expect(run.stderr).toMatch(reason);
		expect(existsSync(target), `restoring ${file}`).toBe(false);
	}
});

test('restore refuses while the server runs; stopped, it keeps the database it replaces whole', async () => {
	// The live database holds the writes after the backup too, the newest in its write-ahead log.
	const whileRunning = await runScript('restore.js', [copy], live);
	expect(whileRunning.code).toBe(1);
	expect(whileRunning.stderr).toMatch(/^Restore refused: the database \S+ is in use/);
	expect(whileRunning.stderr).toContain('is the server still running?');
	expect(besides(live).filter((f) => f.includes('before-restore'))).toEqual([]);
	expect((await clients[0].get(`/api/boards/${boardId}`)).status()).toBe(200);

	await writing!.stop();
	writing = undefined;
	const restore = await runScript('restore.js', [copy], live);
	expect(restore.code, restore.stderr).toBe(0);
	const kept = /The database it replaced is kept as (\S+)\.\n$/.exec(restore.stdout)?.[1];
	expect(kept, restore.stdout).toMatch(/backup-live\.db\.before-restore-[\dT-]+Z$/);
	// Its log was checkpointed into the kept database; no stale -wal or -shm is left.
	expect(besides(live)).toEqual([basename(kept!)]);
	expect(soundContents(live)).toEqual(soundContents(copy));

	const db = openReadOnly(kept!);
	try {
		expect(integrity(db)).toEqual(['ok']);
		expect(missingWrites(db, writers!.acks)).toEqual([]);
		expect(inconsistencies(db, titles)).toEqual([]);
	} finally {
		db.close();
	}
});

interface Titled {
	id: number;
	title: string;
	version: number;
}

/** The version of each action of this test, by id. */
function versionsOf(actions: Titled[]) {
	return Object.fromEntries(
		actions.filter((a) => a.title.startsWith(titles)).map((a) => [a.id, a.version])
	);
}

/** Writes a copy of `from` to `to` in which the root page of table or index `name` is changed. */
function damage(from: string, to: string, name: string, change: (page: Buffer) => void) {
	const db = openReadOnly(from);
	const root = db.prepare('select rootpage from sqlite_master where name = ?').pluck().get(name);
	const size = db.pragma('page_size', { simple: true }) as number;
	db.close();
	if (typeof root !== 'number') throw new Error(`${from} has no ${name}.`);
	// A backup is one self-contained file: its bytes are the whole database.
	const bytes = readFileSync(from);
	change(bytes.subarray((root - 1) * size, root * size));
	writeFileSync(to, bytes);
}
