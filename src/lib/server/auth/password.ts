import { hash, verify } from '@node-rs/argon2';

// OWASP's minimum for argon2id (19 MiB, 2 iterations, 1 lane); @node-rs/argon2 defaults to argon2id.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

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
