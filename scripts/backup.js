// `npm run backup -- FILE [--force]`: a consistent copy of the live database at DATABASE_PATH,
// taken while the server runs and writes.
//
// `VACUUM INTO` reads the database in one read transaction, so the copy is the state after one
// commit and before the next, whatever the server writes meanwhile (in WAL mode readers and the
// writer do not wait for each other). The copy is a single self-contained file (rollback journal,
// no -wal beside it). It is written under a temporary name beside FILE, checked with
// `PRAGMA integrity_check`, flushed to the disk and only then given its name.
import Database from 'better-sqlite3';
import { existsSync, linkSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
	databasePath,
	fail,
	formatSize,
	parseArguments,
	problemWith,
	removeCompanions,
	sameFile,
	secondsSince,
	syncToDisk
} from './database-file.js';

const { file: target, force } = parseArguments(
	'Usage: npm run backup -- FILE [--force]\n' +
		'Writes a copy of the database at DATABASE_PATH to FILE; --force replaces an existing FILE.'
);
const source = databasePath();

if (!existsSync(source)) {
	fail(`Backup failed: there is no database at ${source} (set DATABASE_PATH to the server's).`);
}
if (sameFile(source, target)) fail(`Backup failed: ${target} is the live database itself.`);
if (!existsSync(dirname(target)))
	fail(`Backup failed: the folder ${dirname(target)} does not exist.`);
if (existsSync(target) && !force) {
	fail(
		`Backup failed: ${target} exists already. Choose another name, or add --force to replace it.`
	);
}

const started = performance.now();
const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);

try {
	const db = new Database(source, { fileMustExist: true });
	try {
		db.prepare('VACUUM INTO ?').run(temporary);
	} finally {
		db.close();
	}
	const problem = problemWith(temporary);
	if (problem) throw new Error(`the copy does not pass its check: ${problem}`);
	syncToDisk(temporary);
	place(temporary, target);
	syncToDisk(target, { folder: true });
} catch (error) {
	removeCompanions(temporary);
	rmSync(temporary, { force: true });
	fail(`Backup failed: ${/** @type {Error} */ (error).message}`);
}

console.log(
	`Backed up ${source} to ${target}: ${formatSize(statSync(target).size)} in ` +
		`${secondsSince(started)}, integrity check ok.`
);

/**
 * Gives the finished copy its name. Without --force a hard link does it, which fails rather than
 * replace a file that appeared meanwhile; where the file system has no hard links, a rename.
 * @param {string} from
 * @param {string} to
 */
function place(from, to) {
	if (force) {
		// A -wal or -journal of the old file would be applied to the new one when it is opened.
		removeCompanions(to);
		renameSync(from, to);
		return;
	}
	try {
		linkSync(from, to);
		unlinkSync(from);
	} catch (error) {
		const code = /** @type {NodeJS.ErrnoException} */ (error).code;
		if (code === 'EEXIST')
			throw new Error(`${to} appeared while the backup ran; it is left as it is`);
		if (existsSync(to)) throw error;
		renameSync(from, to);
	}
}
