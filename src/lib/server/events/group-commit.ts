import type Database from 'better-sqlite3';

interface Group {
	/** Runs after COMMIT, in the order the changes were made. */
	afterCommit: (() => void)[];
	committed: Promise<void>;
	resolve: () => void;
	reject: (error: unknown) => void;
}

const enabled = new WeakSet<Database.Database>();
const open = new WeakMap<Database.Database, Group>();

/**
 * Lets the changes on `client` that arrive together share one COMMIT. With
 * `synchronous = FULL` every COMMIT waits for the disk (an fsync, milliseconds); writes that
 * arrive while one is flushed are gathered and stored with the next, so the disk is asked once
 * per group instead of once per change. Nobody hears of a change before it is stored: the
 * callers answer only once `durable()` has resolved.
 */
export function groupCommits(client: Database.Database) {
	enabled.add(client);
}

/**
 * Opens the group transaction of `client` if grouping is on and none is open: the change that
 * follows runs inside it (its own transaction becomes a savepoint, so a throw undoes this change
 * only).
 */
export function joinGroup(client: Database.Database) {
	if (enabled.has(client) && !open.has(client)) begin(client);
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

function begin(client: Database.Database): Group {
	client.prepare('BEGIN IMMEDIATE').run();
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
	setImmediate(() => commit(client, group));
	return group;
}

function commit(client: Database.Database, group: Group) {
	open.delete(client);
	try {
		client.prepare('COMMIT').run();
	} catch (error) {
		if (client.inTransaction) client.prepare('ROLLBACK').run();
		group.reject(error);
		return;
	}
	for (const after of group.afterCommit) after();
	group.resolve();
}
