import { eq, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { trustedDevices } from '../db/schema';
import { commitChange } from '../events/commit';
import { findUserByEmail } from '../domain/users';
import { generateSecureRandomString, hashSecret, secretMatches, splitToken } from './tokens';

export const DEVICE_COOKIE = 'dreiklang_device';
/** A device not used to sign in for this long is forgotten. */
export const DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Remembers this device for the person who just signed in on it; the token goes into a
 * long-lived cookie, only its secret's hash is stored. A token the device already holds for
 * this person is kept (and its use noted) instead of making a new one.
 */
export function trustDevice(
	db: Db,
	userId: number,
	presented: string | undefined,
	now = new Date()
) {
	const known = presented ? findDevice(db, presented) : undefined;
	if (known && known.userId === userId) {
		commitChange(db, () => {
			db.update(trustedDevices)
				.set({ lastUsedAt: now })
				.where(eq(trustedDevices.id, known.id))
				.run();
		});
		return presented!;
	}
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	commitChange(db, () => {
		db.insert(trustedDevices)
			.values({ id, secretHash: hashSecret(secret), userId, createdAt: now, lastUsedAt: now })
			.run();
	});
	return `${id}.${secret}`;
}

function findDevice(db: Db, token: string) {
	const parts = splitToken(token);
	if (!parts) return undefined;
	const row = db.select().from(trustedDevices).where(eq(trustedDevices.id, parts.id)).get();
	return row && secretMatches(parts.secret, row.secretHash) ? row : undefined;
}

/** Whether `token` (a device cookie) belongs to a device `userId` has signed in on recently. */
export function isTrustedDevice(
	db: Db,
	userId: number | undefined,
	token: string | undefined,
	now = new Date()
): boolean {
	if (!token || userId === undefined) return false;
	const row = findDevice(db, token);
	return (
		!!row && row.userId === userId && now.getTime() - row.lastUsedAt.getTime() < DEVICE_LIFETIME_MS
	);
}

/**
 * The id of the device a sign-in comes from, when the person with `email` has signed in on it
 * before (`token` is the device cookie); otherwise undefined.
 */
export function knownDeviceOf(db: Db, email: string, token: string | undefined) {
	const userId = findUserByEmail(db, email)?.id;
	return isTrustedDevice(db, userId, token) ? splitToken(token!)!.id : undefined;
}

/** Forgets devices not used for a year. */
export function purgeOldDevices(db: Db, now = new Date()) {
	commitChange(db, () => {
		db.delete(trustedDevices)
			.where(lt(trustedDevices.lastUsedAt, new Date(now.getTime() - DEVICE_LIFETIME_MS)))
			.run();
	});
}
