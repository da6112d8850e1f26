/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Dreiklang on the phone, also without a connection.
 *
 * - The app shell (scripts, styles, icons) is kept at install, for this version of the app.
 * - "What comes next", the board and action pages are fetched from the network first; each answer
 *   is kept, so the last one seen opens offline, with a notice saying from when it is.
 * - Writes are never kept for later: without a connection a form gets a plain "needs a connection"
 *   answer, and nothing is stored anywhere to be sent silently afterwards.
 * - Signing out forgets the kept pages, so the next person on the device sees none of them.
 */
import { build, files, version } from '$service-worker';
import { formatDateTime } from '$lib/board/dates';
import { escapeHtml } from '$lib/html';
import { languageOf, type Locale } from '$lib/locales';
import { isLocale } from '$lib/paraglide/runtime';
import {
	offline_notice,
	offline_page_text,
	offline_page_title,
	offline_write_page_text,
	offline_write_page_title,
	offline_write_refused,
	nav_upcoming
} from '$lib/paraglide/messages';
import {
	OFFLINE_FAILURE_STATUS,
	WRITE_REFUSED_MESSAGE,
	offlineFailureBody
} from '$lib/offline/failure';

const sw = self as unknown as ServiceWorkerGlobalScope;

const SHELL = `dreiklang-shell-${version}`;
const PAGES = `dreiklang-pages-${version}`;
const STORED_AT = 'x-dreiklang-stored-at';
/** The pages kept at most; the oldest go first. */
const MAX_PAGES = 40;
const SHELL_FILES = [...build, ...files.filter((f) => !f.endsWith('.txt'))];
const SHELL_SET = new Set(SHELL_FILES);

/** Pages kept for reading offline: what comes next, a board, an action. */
const KEPT_PAGE = /^\/(?:upcoming|boards\/\d+|actions\/\d+)\/?$/;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((cache) => cache.addAll(SHELL_FILES))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((k) => k !== SHELL && k !== PAGES).map((k) => caches.delete(k)))
			)
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	if (request.method !== 'GET') {
		event.respondWith(write(request, url, event.clientId));
		return;
	}
	if (SHELL_SET.has(url.pathname)) {
		event.respondWith(fromShell(request));
		return;
	}
	if (request.mode === 'navigate') {
		event.respondWith(page(request, url));
		return;
	}
	// Within the app, pages change without loading: the data of a kept page comes alone. Its
	// page is fetched beside it, so that what the person saw last is what opens offline.
	const shown = pageOfData(url);
	if (shown) event.waitUntil(refreshCopy(shown));
});

const DATA_SUFFIX = '/__data.json';

/** The page whose data `url` asks for, if it is one that is kept. */
function pageOfData(url: URL): URL | null {
	if (!url.pathname.endsWith(DATA_SUFFIX)) return null;
	const shown = new URL(url.pathname.slice(0, -DATA_SUFFIX.length) || '/', url.origin);
	for (const [key, value] of url.searchParams)
		if (!key.startsWith('x-sveltekit-')) shown.searchParams.append(key, value);
	return KEPT_PAGE.test(shown.pathname) ? shown : null;
}

async function refreshCopy(url: URL) {
	try {
		const response = await fetch(url.href, { headers: { accept: 'text/html' } });
		if (isKeepable(response)) await store(url, response);
	} catch {
		// Offline: the copy kept stays as it is.
	}
}

/** Scripts, styles and icons of this version: from the shell, or the network if not kept. */
async function fromShell(request: Request): Promise<Response> {
	return (await caches.match(request, { cacheName: SHELL })) ?? fetch(request);
}

/** A page: from the network (keeping a copy of those read offline), else the copy kept. */
async function page(request: Request, url: URL): Promise<Response> {
	const keep = KEPT_PAGE.test(url.pathname);
	try {
		const response = await fetch(request);
		if (keep && isKeepable(response)) await store(url, response.clone());
		return response;
	} catch {
		const kept = keep ? await caches.match(url.href, { cacheName: PAGES }) : undefined;
		return kept ? withOfflineNotice(kept) : offlinePage(preferredLocale());
	}
}

function isKeepable(response: Response): boolean {
	return (
		response.ok &&
		!response.redirected &&
		response.type === 'basic' &&
		(response.headers.get('content-type') ?? '').startsWith('text/html')
	);
}

async function store(url: URL, response: Response) {
	const headers = new Headers(response.headers);
	headers.set(STORED_AT, new Date().toISOString());
	const copy = new Response(await response.blob(), { status: response.status, headers });
	const cache = await caches.open(PAGES);
	await cache.put(url.href, copy);
	const keys = await cache.keys();
	for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(old);
}

/**
 * A write: always to the network. Without one, nothing is kept to be sent later: a form sent by
 * the page's script gets a refusal it shows beside the form (what was typed stays there); a form
 * sent without script gets a page that says so.
 */
async function write(request: Request, url: URL, clientId: string): Promise<Response> {
	const signsOut = url.pathname === '/logout';
	try {
		const response = await fetch(request);
		if (signsOut) await caches.delete(PAGES);
		return response;
	} catch {
		if (signsOut) await caches.delete(PAGES);
		const locale = preferredLocale();
		const client = clientId ? await sw.clients.get(clientId) : undefined;
		client?.postMessage({ type: WRITE_REFUSED_MESSAGE });
		if (request.headers.get('x-sveltekit-action') === 'true') {
			return new Response(offlineFailureBody(), {
				headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
			});
		}
		if (request.mode === 'navigate') {
			return htmlPage(
				locale,
				offline_write_page_title({}, { locale }),
				offline_write_page_text({}, { locale })
			);
		}
		return Response.json(
			{ error: { code: 'offline', message: offline_write_refused({}, { locale }) } },
			{ status: OFFLINE_FAILURE_STATUS, headers: { 'cache-control': 'no-store' } }
		);
	}
}

/** The language the person last read a page in, else the browser's, else German. */
let lastLocale: Locale | null = null;

function preferredLocale(): Locale {
	if (lastLocale) return lastLocale;
	const browser = sw.navigator.language.toLowerCase().slice(0, 2);
	return isLocale(browser) ? browser : 'de';
}

/** The kept page with the notice "offline – shown as of …" at the top of its body. */
async function withOfflineNotice(kept: Response): Promise<Response> {
	const html = await kept.text();
	const lang = /<html lang="([\w-]{2,12})"/.exec(html.slice(0, 200))?.[1] ?? '';
	const locale: Locale = isLocale(lang) ? lang : 'de';
	lastLocale = locale;
	const storedAt = kept.headers.get(STORED_AT) ?? new Date().toISOString();
	const notice = `<p class="offline-notice" role="status" lang="${languageOf(locale)}">${escapeHtml(
		offline_notice({ date: formatDateTime(storedAt, locale) }, { locale })
	)}</p>`;
	const headers = new Headers(kept.headers);
	headers.delete('content-length');
	headers.delete(STORED_AT);
	// The body tag is among the page's first bytes; it is looked for there only.
	const bodyStart = html.indexOf('<body', 0);
	const at = bodyStart < 0 || bodyStart > 4000 ? -1 : html.indexOf('>', bodyStart) + 1;
	const page = at > 0 ? html.slice(0, at) + notice + html.slice(at) : notice + html;
	return new Response(page, { status: 200, headers });
}

/** For a page that was never kept: say that it needs a connection, and what opens offline. */
function offlinePage(locale: Locale): Response {
	return htmlPage(
		locale,
		offline_page_title({}, { locale }),
		offline_page_text({}, { locale }),
		`<p><a href="/upcoming">${escapeHtml(nav_upcoming({}, { locale }))}</a></p>`
	);
}

function htmlPage(locale: Locale, title: string, text: string, more = ''): Response {
	const body =
		`<!doctype html><html lang="${locale}"><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<title>${escapeHtml(title)} · Dreiklang</title>` +
		`<style>body{font:1.125rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:36rem;padding:1.5rem;color:#1b1f24;background:#f6f7f5}` +
		`a{color:#1f5c45;display:inline-block;min-height:44px;padding:.5rem 0}</style>` +
		`<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${more}</main>`;
	return new Response(body, {
		status: OFFLINE_FAILURE_STATUS,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'no-store',
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'"
		}
	});
}
