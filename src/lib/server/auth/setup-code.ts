import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { hashSecret, secretMatches } from './tokens';

/**
 * The one-time setup code of a server without any user. Whoever reaches a fresh server first
 * could otherwise make themselves its administrator; the code is printed only to the server's
 * console, so only who started the server can set it up. It lives in memory: a restart prints
 * a new one.
 */
let codeHash: Buffer | null = null;

/** Letters and digits only, lower-case: what people type may carry dashes, spaces, capitals. */
const normalize = (code: string) => code.toLowerCase().replace(/[^a-z2-7]/g, '');

/** A new code (80 bits, as `xxxx-xxxx-xxxx-xxxx`) that replaces any earlier one. */
export function issueSetupCode(): string {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	const code = encodeBase32LowerCaseNoPadding(bytes);
	codeHash = hashSecret(code);
	return code.match(/.{4}/g)!.join('-');
}

/** Whether `input` is the current setup code; always false once setup is done. */
export function setupCodeMatches(input: string): boolean {
	if (!codeHash || input.length > 100) return false;
	return secretMatches(normalize(input), codeHash);
}

/** Setup is done: the code is spent. */
export function spendSetupCode() {
	codeHash = null;
}
