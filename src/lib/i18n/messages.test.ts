import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EASY_GERMAN, LOCALES } from '$lib/locales';
import { messagesUsedBy, STAFF_PAGES } from './message-usage';

type Variant = { declarations: string[]; selectors: string[]; match: Record<string, string> };
type Message = string | Variant[];

const root = join(import.meta.dirname, '../../..');
const read = (locale: string): Record<string, Message> => {
	const { $schema: _, ...messages } = JSON.parse(
		readFileSync(join(root, 'messages', `${locale}.json`), 'utf8')
	);
	return messages;
};
const settings = JSON.parse(readFileSync(join(root, 'project.inlang/settings.json'), 'utf8'));

/** The texts of a message: the string, or every branch of every variant. */
const texts = (message: Message): string[] =>
	typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match));

/** The inputs a message needs: placeholders, with `xText` and `xPlural` counting as `x`. */
function inputs(message: Message): string[] {
	const names = new Set<string>();
	if (typeof message !== 'string') {
		for (const v of message)
			for (const d of v.declarations) {
				const input = /^input (\w+)$/.exec(d);
				if (input) names.add(input[1]!);
			}
	}
	const locals = new Set(
		typeof message === 'string'
			? []
			: message.flatMap((v) => v.declarations.flatMap((d) => /^local (\w+) =/.exec(d)?.[1] ?? []))
	);
	for (const text of texts(message))
		for (const [, name] of text.matchAll(/\{(\w+)\}/g)) if (!locals.has(name!)) names.add(name!);
	return [...names].sort();
}

/** The app's own source files (not the compiled messages, not the tests). */
function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : sourceFiles(path);
		return /\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

const base = read(settings.baseLocale);
const baseKeys = Object.keys(base);

describe('messages', () => {
	it('has no message the app no longer uses', () => {
		const source = sourceFiles(join(root, 'src'))
			.map((file) => readFileSync(file, 'utf8'))
			.join('\n');
		const used = new Set(source.match(/\b[a-z][a-z0-9_]*\b/g));
		expect(baseKeys.filter((key) => !used.has(key))).toEqual([]);
	});

	it('lists the same languages as the app', () => {
		expect(settings.locales).toEqual([...LOCALES]);
	});

	describe.each(LOCALES.filter((l) => l !== settings.baseLocale && l !== EASY_GERMAN))(
		'%s',
		(locale) => {
			const messages = read(locale);

			it('has every message of the base language, and no other', () => {
				expect(baseKeys.filter((key) => !(key in messages))).toEqual([]);
				expect(Object.keys(messages).filter((key) => !(key in base))).toEqual([]);
			});

			it('has no empty text', () => {
				expect(
					Object.entries(messages)
						.filter(([, m]) => texts(m).some((t) => t.trim() === ''))
						.map(([key]) => key)
				).toEqual([]);
			});

			it('asks for the same inputs as the base language', () => {
				const differing = baseKeys.filter(
					(key) => key in messages && inputs(messages[key]!).join() !== inputs(base[key]!).join()
				);
				expect(differing).toEqual([]);
			});

			it('formats counts and plurals where the base language does', () => {
				const flat = baseKeys.filter(
					(key) => typeof base[key] !== 'string' && typeof messages[key] === 'string'
				);
				expect(flat).toEqual([]);
			});
		}
	);

	describe('Easy German', () => {
		const easy = read(EASY_GERMAN);

		it('covers every message of the pages staff use', () => {
			const used = messagesUsedBy(root, STAFF_PAGES);
			expect([...used].filter((key) => !(key in easy))).toEqual([]);
		});

		it('has only messages the base language has, asking for the same inputs', () => {
			expect(Object.keys(easy).filter((key) => !(key in base))).toEqual([]);
			expect(
				Object.keys(easy).filter(
					(key) => key in base && inputs(easy[key]!).join() !== inputs(base[key]!).join()
				)
			).toEqual([]);
		});
	});
});
