import { LIMITS } from '../../board/limits';
import { hash, verify } from '@node-rs/argon2';

// argon2id (@node-rs/argon2's default) with 7 MiB, 5 iterations, 1 lane: one of the settings
// OWASP lists as equally strong as its 19 MiB / 2 iterations minimum, and the one that needs the
// least memory — a sign-in should not be what decides how much memory the server takes.
// Hashes made with other settings keep working: each hash carries its own.
const OPTIONS = { memoryCost: 7168, timeCost: 5, outputLen: 32, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = LIMITS.passwordMin;
export const PASSWORD_MAX_LENGTH = LIMITS.passwordMax;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// A real hash to verify against when the e-mail is unknown, so both cases take the same time.
let dummyHash: Promise<string> | undefined;
export function verifyAgainstDummy(password: string): Promise<boolean> {
	dummyHash ??= hashPassword('not-a-real-password-' + Math.random());
	return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}
