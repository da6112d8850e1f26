import { eq, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { trustedDevices } from '../db/schema';
import { commitChange } from '../events/commit';
import { findUserByEmail } from '../domain/users';
import { newSecretToken, rowOfToken } from './tokens';

export const DEVICE_COOKIE = 'dreiklang_device';
/** A device not used to sign in for this long is forgotten. */
export const DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

/** A device its person signed in on before: its id, and the token of its cookie. */
export interface KnownDevice {
	id: string;
	token: string;
}

/**
 * Remembers this device for the person who just signed in on it; the token goes into a
 * long-lived cookie, only its secret's hash is stored. A device already known for this person
 * (`knownDeviceOf`) keeps its token, and its use is noted.
 */
export function trustDevice(
	db: Db,
	userId: number,
	known: KnownDevice | undefined,
	now = new Date()
) {
	if (known) {
		commitChange(db, () => {
			db.update(trustedDevices)
				.set({ lastUsedAt: now })
				.where(eq(trustedDevices.id, known.id))
				.run();
		});
		return known.token;
	}
	const { id, secretHash, token } = newSecretToken();
	commitChange(db, () => {
		db.insert(trustedDevices)
			.values({ id, secretHash, userId, createdAt: now, lastUsedAt: now })
			.run();
	});
	return token;
}

/**
 * The device a sign-in comes from, when the person with `email` has signed in on it within the
 * last year (`token` is the device cookie); otherwise undefined.
 */
export function knownDeviceOf(
	db: Db,
	email: string,
	token: string | undefined,
	now = new Date()
): KnownDevice | undefined {
	if (!token) return undefined;
	const row = rowOfToken(token, (id) =>
		db.select().from(trustedDevices).where(eq(trustedDevices.id, id)).get()
	);
	const recent = row && now.getTime() - row.lastUsedAt.getTime() < DEVICE_LIFETIME_MS;
	return recent && row.userId === findUserByEmail(db, email)?.id
		? { id: row.id, token }
		: undefined;
}

/** Forgets devices not used for a year. */
export function purgeOldDevices(db: Db, now = new Date()) {
	commitChange(db, () => {
		db.delete(trustedDevices)
			.where(lt(trustedDevices.lastUsedAt, new Date(now.getTime() - DEVICE_LIFETIME_MS)))
			.run();
	});
}
