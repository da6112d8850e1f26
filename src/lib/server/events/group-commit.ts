import type Database from 'better-sqlite3';

interface Group {
	/** Runs after COMMIT, in the order the changes were made. */
	afterCommit: (() => void)[];
	committed: Promise<void>;
	resolve: () => void;
	reject: (error: unknown) => void;
}

/** The statements of a connection that groups its commits, prepared once. */
interface Statements {
	begin: Database.Statement;
	commit: Database.Statement;
	rollback: Database.Statement;
}

const enabled = new WeakMap<Database.Database, Statements>();
const open = new WeakMap<Database.Database, Group>();

/**
 * Lets the changes on `client` that arrive together share one COMMIT. With
 * `synchronous = FULL` every COMMIT waits for the disk (an fsync, milliseconds); writes that
 * arrive while one is flushed are gathered and stored with the next, so the disk is asked once
 * per group instead of once per change. Nobody hears of a change before it is stored: the
 * callers answer only once `durable()` has resolved.
 */
export function groupCommits(client: Database.Database) {
	enabled.set(client, {
		begin: client.prepare('BEGIN IMMEDIATE'),
		commit: client.prepare('COMMIT'),
		rollback: client.prepare('ROLLBACK')
	});
}

/**
 * Opens the group transaction of `client` if grouping is on and none is open: the change that
 * follows runs inside it (its own transaction becomes a savepoint, so a throw undoes this change
 * only).
 */
export function joinGroup(client: Database.Database) {
	const statements = enabled.get(client);
	if (statements && !open.has(client)) begin(client, statements);
}

/** Runs `announce` once the changes made so far are stored: at once without an open group. */
export function whenStored(client: Database.Database, announce: () => void) {
	const group = open.get(client);
	if (group) group.afterCommit.push(announce);
	else announce();
}

/** Resolves once every change made so far on `client` is stored; rejects if storing failed. */
export function durable(client: Database.Database): Promise<void> {
	return open.get(client)?.committed ?? Promise.resolve();
}

function begin(client: Database.Database, statements: Statements): Group {
	statements.begin.run();
	let resolve!: () => void;
	let reject!: (error: unknown) => void;
	const committed = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	// Awaited by the requests that wrote; a failure nobody awaits must not end the process.
	committed.catch(() => {});
	const group: Group = { afterCommit: [], committed, resolve, reject };
	open.set(client, group);
	// After this turn of the event loop: every request whose write ran in it joins the group.
	setImmediate(() => commit(client, statements, group));
	return group;
}

function commit(client: Database.Database, statements: Statements, group: Group) {
	open.delete(client);
	try {
		statements.commit.run();
	} catch (error) {
		if (client.inTransaction) statements.rollback.run();
		group.reject(error);
		return;
	}
	for (const after of group.afterCommit) after();
	group.resolve();
}
