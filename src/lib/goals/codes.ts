import { FRAMEWORKS, type Framework } from './kinds';

/** A code of a reporting framework, or one of the organisation's own tags. */
export interface CodeRef {
	framework: Framework;
	code: number;
}

/** A code with its title in the reader's language (own tags have one name for all). */
export interface CodeOption extends CodeRef {
	title: string;
}

/** How a code travels in forms and query strings: `dnk:13`, `sdg:5`, `own:2`. */
export function codeKey({ framework, code }: CodeRef): string {
	return `${framework}:${code}`;
}

/** `dnk:13` → `{framework: 'dnk', code: 13}`; anything else → null. */
export function parseCodeKey(key: string): CodeRef | null {
	if (key.length > 12) return null;
	const [framework, number, extra] = key.split(':');
	if (extra !== undefined || !FRAMEWORKS.includes(framework as Framework)) return null;
	if (!/^[1-9]\d{0,5}$/.test(number ?? '')) return null;
	return { framework: framework as Framework, code: Number(number) };
}

/** Short label as reports and cards show it: "DNK 13", "SDG 5", or the own tag's name. */
export function codeLabel(option: CodeOption): string {
	if (option.framework === 'own') return option.title;
	return `${option.framework.toUpperCase()} ${option.code}`;
}
