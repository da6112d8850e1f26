// What `npm run backup` and `npm run restore` share: where the database is, whether a file is a
// sound Dreiklang database, and writing files so that they survive a power cut.
import Database from 'better-sqlite3';
import {
	closeSync,
	existsSync,
	fsyncSync,
	openSync,
	readFileSync,
	rmSync,
	statSync
} from 'node:fs';
import { dirname, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** Tables every Dreiklang database has, whatever its age. */
const DREIKLANG_TABLES = [
	'__drizzle_migrations',
	'users',
	'sessions',
	'boards',
	'actions',
	'progress_entries',
	'events'
];

/** The server's database: `DATABASE_PATH`, or `./data/dreiklang.db` as `npm start` uses. */
export function databasePath() {
	return resolve(process.env.DATABASE_PATH || './data/dreiklang.db');
}

/**
 * The file name given on the command line and whether `--force` was given.
 * @param {string} usage what to print when the arguments do not fit
 * @returns {{ file: string, force: boolean }}
 */
export function parseArguments(usage) {
	const args = process.argv.slice(2);
	const force = args.includes('--force');
	const files = args.filter((a) => a !== '--force');
	if (files.length !== 1 || files[0].startsWith('-')) fail(usage);
	return { file: resolve(files[0]), force };
}

/**
 * Prints `message` to stderr and ends the process with exit code 1.
 * @param {string} message
 * @returns {never}
 */
export function fail(message) {
	console.error(message);
	process.exit(1);
}

/**
 * True when both paths name the same file (also through links).
 * @param {string} a
 * @param {string} b
 */
export function sameFile(a, b) {
	if (resolve(a) === resolve(b)) return true;
	if (!existsSync(a) || !existsSync(b)) return false;
	const [sa, sb] = [statSync(a), statSync(b)];
	return sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * What is wrong with the database file at `file` — null when it passes SQLite's
 * `PRAGMA integrity_check` and has the tables of a Dreiklang database that this version of
 * Dreiklang can open.
 * @param {string} file
 * @returns {string | null}
 */
export function problemWith(file) {
	/** @type {ReturnType<typeof openReadOnly> | undefined} */
	let opened;
	try {
		opened = openReadOnly(file);
		const { db } = opened;
		const findings = /** @type {string[]} */ (
			db.prepare('PRAGMA integrity_check(10)').pluck().all()
		);
		if (findings.length !== 1 || findings[0] !== 'ok') {
			const found = findings
				.join('; ')
				.replace(/\*\*\* in database \w+ \*\*\*\s*/g, '')
				.replace(/\s+/g, ' ');
			return `SQLite's integrity check found damage: ${found}`;
		}
		const tables = new Set(
			db.prepare("select name from sqlite_master where type = 'table'").pluck().all()
		);
		const missing = DREIKLANG_TABLES.filter((t) => !tables.has(t));
		if (missing.length) {
			return `it is not a Dreiklang database (it has no table ${missing.join(', ')})`;
		}
		const newest = /** @type {number | null} */ (
			db.prepare('select max(created_at) from __drizzle_migrations').pluck().get()
		);
		if (newest !== null && newest > newestKnownMigration()) {
			return 'it was written by a newer version of Dreiklang than this one';
		}
		return null;
	} catch (error) {
		const { code = '', message } = /** @type {Error & { code?: string }} */ (error);
		if (code.startsWith('SQLITE_CORRUPT')) return `it is damaged (SQLite: ${message})`;
		if (code === 'SQLITE_NOTADB') return 'it is not a SQLite database';
		return `it cannot be read (${message})`;
	} finally {
		opened?.close();
	}
}

/**
 * Opens a database file read-only. A read-only connection to a database in WAL mode creates an
 * empty -wal and an -shm beside it that it cannot remove; `close` removes those it created.
 * @param {string} file
 */
export function openReadOnly(file) {
	const created = ['-wal', '-shm'].filter((suffix) => !existsSync(file + suffix));
	const db = new Database(file, { readonly: true, fileMustExist: true });
	return {
		db,
		close() {
			db.close();
			const log = file + '-wal';
			if (created.includes('-wal') && existsSync(log) && statSync(log).size > 0) return;
			for (const suffix of created) rmSync(file + suffix, { force: true });
		}
	};
}

/** The time stamp of the newest migration in `drizzle/` (what drizzle records as `created_at`). */
function newestKnownMigration() {
	const journal = resolve(ROOT, 'drizzle/meta/_journal.json');
	if (!existsSync(journal)) return Infinity;
	/** @type {{ entries: { when: number }[] }} */
	const { entries } = JSON.parse(readFileSync(journal, 'utf8'));
	return Math.max(...entries.map((e) => e.when));
}

/**
 * Flushes a file (or, with `folder`, the folder that lists it) to the disk.
 * @param {string} path
 * @param {{ folder?: boolean }} [options]
 */
export function syncToDisk(path, { folder = false } = {}) {
	const target = folder ? dirname(path) : path;
	let fd;
	try {
		fd = openSync(target, 'r');
		fsyncSync(fd);
	} catch (error) {
		// Some systems cannot flush a folder; the file itself has been flushed before.
		if (!folder) throw error;
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/**
 * Removes a database file's companions that would be wrongly applied to another file of that
 * name: the write-ahead log, its index and a rollback journal.
 * @param {string} file
 */
export function removeCompanions(file) {
	for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/**
 * A size in plain words, e.g. "1.4 MB".
 * @param {number} bytes
 */
export function formatSize(bytes) {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Seconds since `start` (a `performance.now()`), e.g. "0.21 s".
 * @param {number} start
 */
export function secondsSince(start) {
	return `${((performance.now() - start) / 1000).toFixed(2)} s`;
}
