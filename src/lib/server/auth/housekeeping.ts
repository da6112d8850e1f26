import type { Db } from '../db';
import { purgeExpiredSignInLinks } from '../domain/users';
import { endExpiredSessions } from './session';
import { purgeOldDevices } from './trusted-devices';

const HOUR_MS = 60 * 60 * 1000;

/** Removes what has expired: sessions (their streams close), sign-in links, forgotten devices. */
export function purgeExpired(db: Db, now = new Date()) {
	endExpiredSessions(db, now);
	purgeExpiredSignInLinks(db, now);
	purgeOldDevices(db, now);
}

/** Purges at start and then every hour, for as long as the server runs. */
export function keepTidy(db: Db) {
	const purge = () => {
		try {
			purgeExpired(db);
		} catch (err) {
			console.error('purging expired sessions and links failed', err);
		}
	};
	purge();
	setInterval(purge, HOUR_MS).unref();
}
