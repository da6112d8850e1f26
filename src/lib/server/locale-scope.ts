import { AsyncLocalStorage } from 'node:async_hooks';
import {
	baseLocale,
	getServerAsyncLocalStorage,
	overwriteServerAsyncLocalStorage
} from '$lib/paraglide/runtime';
import { LOCALES, type Locale } from '../locales';

/** The locale a cookie value names, or German (the base) when it names none. */
export const localeFrom = (value: string | undefined): Locale =>
	LOCALES.includes(value as Locale) ? (value as Locale) : baseLocale;

/**
 * Runs `fn` with `locale` as the language of every message it renders — what Paraglide's
 * middleware does for requests that go through SvelteKit, for code that answers outside it.
 */
export function inLocale<T>(locale: Locale, origin: string, fn: () => T): T {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		storage = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(storage);
	}
	return storage.run({ locale, origin, messageCalls: new Set() }, fn);
}
