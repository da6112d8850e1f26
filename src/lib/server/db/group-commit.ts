import type { Db } from './index';
import { writeTransaction } from './write-transaction';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Pending {
	write: () => unknown;
	done: (outcome: Outcome<unknown>) => void;
}

/**
 * Group commit: writes that arrive together are committed together. Each write runs in its own
 * savepoint — one that fails is rolled back alone and reports its own error — and all of them in
 * one transaction that is committed once, at the end of the current turn of the event loop.
 * Nobody hears back before the commit, so an answer still means "stored".
 *
 * One commit costs the same for one write or ten (the lock, the log pages, the checkpoints that
 * follow), so under load each write gets cheaper instead of waiting behind the others' commits.
 * `afterCommit` runs once per commit, e.g. to hand the new events to the live boards.
 */
export class GroupCommit {
	#pending: Pending[] = [];
	#scheduled = false;

	constructor(
		private readonly db: Db,
		private readonly afterCommit: () => void = () => {}
	) {}

	/** Queues `write`; `done` hears its result (or error) once the group is committed. */
	add<T>(write: () => T, done: (outcome: Outcome<T>) => void) {
		this.#pending.push({ write, done: done as Pending['done'] });
		if (!this.#scheduled) {
			this.#scheduled = true;
			setImmediate(() => this.#flush());
		}
	}

	#flush() {
		const group = this.#pending;
		this.#pending = [];
		this.#scheduled = false;
		let outcomes: Outcome<unknown>[] = [];
		try {
			writeTransaction(this.db, () => {
				for (const { write } of group) {
					try {
						// Nested, so a savepoint: a throw undoes this write only.
						outcomes.push({ ok: true, value: writeTransaction(this.db, write) });
					} catch (error) {
						outcomes.push({ ok: false, error });
					}
				}
			});
		} catch (error) {
			// The commit itself failed: nothing of the group is stored.
			outcomes = group.map(() => ({ ok: false, error }));
		}
		this.afterCommit();
		group.forEach(({ done }, i) => done(outcomes[i]));
	}
}
