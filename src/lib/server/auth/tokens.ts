import { createHash, timingSafeEqual } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 24 random bytes as lower-case base32: 120 bits of entropy, safe in URLs and cookies. */
export function generateSecureRandomString(): string {
	const bytes = new Uint8Array(24);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** SHA-256 of a secret; every request hashes its session secret, so Node's native hash. */
export function hashSecret(secret: string): Buffer {
	return createHash('sha256').update(secret).digest();
}

/** Compares a presented secret with a stored hash without leaking timing. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	const hash = hashSecret(secret);
	return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}

/**
 * A new `<id>.<secret>` token (a session, a sign-in link, a known device): the token goes to the
 * person, only the id and the secret's hash are stored.
 */
export function newSecretToken(): { id: string; secretHash: Buffer; token: string } {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

/**
 * The stored row a presented token names, when its secret matches; `byId` looks the row up by
 * the token's id.
 */
export function rowOfToken<R extends { secretHash: Uint8Array }>(
	token: string,
	byId: (id: string) => R | undefined
): R | undefined {
	const parts = splitToken(token);
	if (!parts) return undefined;
	const row = byId(parts.id);
	return row && secretMatches(parts.secret, row.secretHash) ? row : undefined;
}

/** Splits a `<id>.<secret>` token; returns null when it has the wrong shape. */
export function splitToken(token: string): { id: string; secret: string } | null {
	const parts = token.split('.');
	if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 200) return null;
	return { id: parts[0], secret: parts[1] };
}
