// `npm run restore -- FILE`: puts a backup back as the database at DATABASE_PATH, with the
// server stopped.
//
// 1. FILE must pass `PRAGMA integrity_check` and be a Dreiklang database this version can open.
// 2. FILE is copied beside the database under a temporary name (SQLite's online backup API, so a
//    backup that still has its -wal beside it is copied whole).
// 3. Nobody may have the database open. SQLite itself tells: every connection to a database in
//    WAL mode — the server's among them — holds a shared lock on the file for as long as it is
//    open, so a connection in `locking_mode = EXCLUSIVE` cannot even read it then and gets
//    SQLITE_BUSY. When it can, it holds the database alone, checkpoints its write-ahead log into
//    it and, closing, removes the log.
// 4. The database it replaces is kept as `<database>.before-restore-<time>` (self-contained, its
//    log checkpointed into it), the copy takes its place and stale -wal/-shm files are removed.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import {
	databasePath,
	fail,
	formatSize,
	openReadOnly,
	parseArguments,
	problemWith,
	removeCompanions,
	sameFile,
	secondsSince,
	syncToDisk
} from './database-file.js';

/** A reason not to restore that is no failure of the restore itself. */
class Refusal extends Error {}

const { file } = parseArguments(
	'Usage: npm run restore -- FILE\n' +
		'Replaces the database at DATABASE_PATH with the backup FILE; stop the server first.'
);
const target = databasePath();

if (!existsSync(file)) fail(`Restore refused: there is no file ${file}.`);
if (sameFile(file, target))
	fail(`Restore refused: ${file} is the database at DATABASE_PATH itself.`);
const problem = problemWith(file);
if (problem) fail(`Restore refused: ${file} cannot be restored, ${problem}. Nothing was changed.`);

const started = performance.now();
mkdirSync(dirname(target), { recursive: true });
const temporary = `${target}.restore-${process.pid}.partial`;

/** @type {string | null} */
let kept = null;
try {
	const backup = openReadOnly(file);
	try {
		await backup.db.backup(temporary);
	} finally {
		backup.close();
	}
	syncToDisk(temporary);

	if (existsSync(target)) {
		if (inUse(target)) {
			throw new Refusal(
				`Restore refused: the database ${target} is in use — is the server still running? ` +
					'Stop it (and any other program that has the database open), then restore again. ' +
					'Nothing was changed.'
			);
		}
		kept = keepAside(target);
	}
	removeCompanions(target);
	renameSync(temporary, target);
	syncToDisk(target, { folder: true });
} catch (error) {
	removeCompanions(temporary);
	rmSync(temporary, { force: true });
	if (error instanceof Refusal) fail(error.message);
	fail(`Restore failed: ${/** @type {Error} */ (error).message}`);
}

console.log(
	`Restored ${file} to ${target}: ${formatSize(statSync(target).size)} in ${secondsSince(started)}.` +
		(kept ? ` The database it replaced is kept as ${kept}.` : '')
);

/**
 * True when another connection — the server's, a backup's — has the database open. When nobody
 * has, the write-ahead log is checkpointed into the database file on the way (and removed when
 * this connection closes), so that the file alone holds everything.
 * @param {string} path
 */
function inUse(path) {
	const db = new Database(path, { fileMustExist: true, timeout: 1000 });
	try {
		db.pragma('locking_mode = EXCLUSIVE');
		// The first access takes the lock: in WAL mode an exclusive one on the database file,
		// which no other connection's shared lock allows.
		db.exec('BEGIN EXCLUSIVE; COMMIT');
		if (db.pragma('journal_mode', { simple: true }) === 'wal') {
			db.pragma('wal_checkpoint(TRUNCATE)');
		}
		return false;
	} catch (error) {
		const code = /** @type {{ code?: string }} */ (error).code ?? '';
		if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return true;
		// Not a database (any more): nothing can serve it, and it is kept aside as it is.
		if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return false;
		throw error;
	} finally {
		db.close();
	}
}

/**
 * Renames the database to `<path>.before-restore-<time>`, with a write-ahead log or rollback
 * journal that is still there (a checkpoint has emptied the log normally); the log's index
 * (-shm) is rebuilt from the log by SQLite and is removed.
 * @param {string} path
 */
function keepAside(path) {
	const time = new Date()
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replace(/:/g, '-');
	let name = `${path}.before-restore-${time}`;
	for (let n = 2; existsSync(name); n++) name = `${path}.before-restore-${time}-${n}`;
	renameSync(path, name);
	for (const suffix of ['-wal', '-journal']) {
		if (existsSync(path + suffix) && statSync(path + suffix).size > 0) {
			renameSync(path + suffix, name + suffix);
		}
	}
	rmSync(path + '-shm', { force: true });
	return name;
}
