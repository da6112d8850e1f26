import { describe, expect, it } from 'vitest';
import { requestLocale, withHtmlLang } from './request-locale';

const encoder = new TextEncoder();
const page =
	'<!doctype html>\n<html lang="%lang%">\n<head></head><body>Grüße – überall</body></html>';

function htmlResponse(body: BodyInit, headers: Record<string, string> = {}) {
	return new Response(body, { headers: { 'content-type': 'text/html', ...headers } });
}

/** A streamed answer: its parts arrive one by one. */
function streamed(parts: string[]) {
	return new ReadableStream<Uint8Array>({
		start(controller) {
			for (const part of parts) controller.enqueue(encoder.encode(part));
			controller.close();
		}
	});
}

describe('the language of a request', () => {
	const cookies = (value?: string) => ({ get: () => value });

	it('is the one in the cookie when Dreiklang speaks it, else German', () => {
		expect(requestLocale(cookies('en'))).toBe('en');
		expect(requestLocale(cookies('de'))).toBe('de');
		expect(requestLocale(cookies('xx'))).toBe('de');
		expect(requestLocale(cookies(undefined))).toBe('de');
	});
});

describe('<html lang>', () => {
	it('is written into a page, with its length and a language-specific ETag', async () => {
		const bytes = encoder.encode(page);
		const res = await withHtmlLang(
			htmlResponse(bytes, { 'content-length': String(bytes.byteLength), etag: '"abc"' }),
			'en'
		);
		const text = await res.text();
		expect(text).toBe(page.replace('%lang%', 'en'));
		expect(res.headers.get('content-length')).toBe(String(encoder.encode(text).byteLength));
		expect(res.headers.get('etag')).toBe('"abc-en"');
	});

	it('is written into the first part of a streamed page; the other parts pass as they are', async () => {
		const res = await withHtmlLang(
			htmlResponse(streamed([page, '<script>später</script>', '\n'])),
			'de'
		);
		expect(res.headers.get('content-length')).toBeNull();
		expect(await res.text()).toBe(`${page.replace('%lang%', 'de')}<script>später</script>\n`);
	});

	it('leaves answers alone that are not HTML, or have no body', async () => {
		const json = new Response('{"lang":"%lang%"}', {
			headers: { 'content-type': 'application/json' }
		});
		expect(await withHtmlLang(json, 'en')).toBe(json);
		const empty = new Response(null, { status: 304, headers: { 'content-type': 'text/html' } });
		expect(await withHtmlLang(empty, 'en')).toBe(empty);
	});

	it('keeps a page without the mark as it was', async () => {
		const res = await withHtmlLang(htmlResponse('<p>kein Platzhalter</p>'), 'en');
		expect(await res.text()).toBe('<p>kein Platzhalter</p>');
	});
});
