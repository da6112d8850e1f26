import type { Conn, Db } from '../db';
import type { Change, CommittedEvent } from './types';

/**
 * Something that reacts to committed changes: the live streams, later notifications and e-mail.
 * `inTransaction` writes rows that must exist together with the change (it runs inside the
 * change's transaction, and a throw there undoes the change — and may emit what follows from it,
 * e.g. whose bell counts anew, which later subscribers and every `afterCommit` hear); `afterCommit` does what leaves the
 * process (a stream message, an SMTP call) once the change is stored — nobody hears of a change
 * that was rolled back.
 */
export interface Subscriber {
	name: string;
	inTransaction?: (events: readonly CommittedEvent[], db: Conn, change: Change) => void;
	afterCommit?: (events: readonly CommittedEvent[], db: Db) => void;
}

const registered = new Map<string, Subscriber>();

/**
 * Registers a subscriber (at start-up, in the server's `init` hook). A second registration under
 * the same name replaces the first, so a reloaded hook never reacts twice. Returns what removes it.
 */
export function subscribe(subscriber: Subscriber): () => void {
	registered.set(subscriber.name, subscriber);
	return () => {
		if (registered.get(subscriber.name) === subscriber) registered.delete(subscriber.name);
	};
}

export function subscribers(): Iterable<Subscriber> {
	return registered.values();
}
