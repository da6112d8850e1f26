import { AsyncLocalStorage } from 'node:async_hooks';
import {
	baseLocale,
	cookieName,
	isLocale,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime';

/**
 * The language a request is answered in, where Paraglide's message functions look it up.
 *
 * Paraglide's own middleware copies every request (body included) so that it can rewrite
 * localised URLs. Dreiklang keeps the language in a cookie only, so nothing needs copying: the
 * cookie is read here and the language kept for the rest of the request.
 */
const store = new AsyncLocalStorage<{ locale?: Locale; origin?: string }>();
overwriteServerAsyncLocalStorage(store);

/** The language chosen in the cookie, or German. */
export function requestLocale(cookies: { get(name: string): string | undefined }): Locale {
	const chosen = cookies.get(cookieName);
	return chosen && isLocale(chosen) ? chosen : baseLocale;
}

/** Runs `answer` (and everything it awaits) in `locale`. */
export function inLocale<T>(locale: Locale, origin: string, answer: () => T): T {
	return store.run({ locale, origin }, answer);
}

const PLACEHOLDER = Buffer.from('%lang%');
/** `src/app.html` starts with `<!doctype html>\n<html lang="%lang%">`: the mark is in the first bytes. */
const SEARCH_BYTES = 64;

/**
 * Writes the page's language into `<html lang="%lang%">`.
 *
 * This works on the encoded bytes, not on the page's text: a string replacement would copy the
 * whole page once more (about 3 MB for a fully opened board) and cost a third of its render
 * time. Here only the first part of the body is looked at, and the page's bytes are passed on
 * as they are, around the two letters of the language. Answers that are not HTML pass unchanged.
 */
export async function withHtmlLang(response: Response, locale: Locale): Promise<Response> {
	if (!response.body || !response.headers.get('content-type')?.startsWith('text/html')) {
		return response;
	}
	const reader = response.body.getReader();
	const first = await reader.read();
	const parts = first.done ? [] : aroundMark(first.value, Buffer.from(locale));
	const headers = new Headers(response.headers);
	const length = headers.get('content-length');
	if (parts.length === 3 && length !== null) {
		headers.set('content-length', String(Number(length) - PLACEHOLDER.length + locale.length));
	}
	const etag = headers.get('etag');
	if (etag) headers.set('etag', etag.replace(/"$/, `-${locale}"`));
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const part of parts) controller.enqueue(part);
			if (first.done) controller.close();
		},
		async pull(controller) {
			const next = await reader.read();
			if (next.done) controller.close();
			else controller.enqueue(next.value);
		},
		cancel: (reason) => reader.cancel(reason)
	});
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** The chunk as the bytes before the mark, the language, the bytes after it (or as it is). */
function aroundMark(chunk: Uint8Array, lang: Uint8Array): Uint8Array[] {
	const at = Buffer.from(
		chunk.buffer,
		chunk.byteOffset,
		Math.min(chunk.byteLength, SEARCH_BYTES)
	).indexOf(PLACEHOLDER);
	if (at < 0) return [chunk];
	return [chunk.subarray(0, at), lang, chunk.subarray(at + PLACEHOLDER.length)];
}
