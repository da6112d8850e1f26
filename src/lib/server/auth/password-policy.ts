import { createRequire } from 'node:module';

/** Why a new password is refused, if it is. */
export type PasswordProblem = 'common' | 'personal' | 'simple';

let common: Set<string> | undefined;

/**
 * The 50,000 passwords guessed first (from `@zxcvbn-ts/language-common`), lower-cased. Loaded on
 * the first check, not at start: passwords are set seldom, and the list costs memory.
 */
function commonPasswords(): Set<string> {
	if (!common) {
		const require = createRequire(import.meta.url);
		const { dictionary } = require('@zxcvbn-ts/language-common') as {
			dictionary: Record<string, string[]>;
		};
		common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
	}
	return common;
}

/** The password without what people tack on to a common word: digits and signs at the end. */
const core = (password: string) => password.replace(/[\d\W_]{1,8}$/, '');

/** Few different characters, or a run up or down a row of characters (abcdefgh, 98765432). */
function isSimple(password: string): boolean {
	const chars = [...password.toLowerCase()];
	if (new Set(chars).size < 5) return true;
	const steps = chars.slice(1).map((c, i) => c.codePointAt(0)! - chars[i].codePointAt(0)!);
	return steps.every((s) => s === 1) || steps.every((s) => s === -1);
}

/** Parts of who the person is (name, e-mail) that are long enough to guess from. */
function personalWords(person: { name?: string; email?: string }): string[] {
	const words = [
		...(person.name ?? '').split(/\s+/),
		...(person.email ?? '').split(/[@.+_-]/),
		'dreiklang'
	];
	return words.map((w) => w.toLowerCase()).filter((w) => w.length >= 4);
}

/** Whether little is left of the password once the person's name and e-mail are taken out. */
function isPersonal(lower: string, person: { name?: string; email?: string }): boolean {
	let rest = lower;
	for (const word of personalWords(person)) rest = rest.replaceAll(word, '');
	return rest !== lower && rest.replace(/[\d\W_]/g, '').length < 6;
}

/**
 * What is wrong with a new password, or null. As NIST and OWASP advise, no rules of character
 * classes: a password is refused when it is one that is guessed early — a common one (also with
 * digits and signs added at the end), one made mostly of the person's name or e-mail, or a simple
 * run of characters. The length is checked by the schema. Inputs are at most 200 characters.
 */
export function passwordProblem(
	password: string,
	person: { name?: string; email?: string } = {}
): PasswordProblem | null {
	const lower = password.toLowerCase().slice(0, 200);
	if (isSimple(lower)) return 'simple';
	const list = commonPasswords();
	if (list.has(lower) || list.has(core(lower))) return 'common';
	if (isPersonal(lower, person)) return 'personal';
	return null;
}
