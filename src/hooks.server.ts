import { json, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { escapeHtml } from '$lib/html';
import { getDb } from '$lib/server/db';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import {
	setSessionCookie,
	deleteSessionCookie,
	withSessionCookieCleared
} from '$lib/server/http/cookies';
import { loginUrl } from '$lib/server/http/guard';
import { hasAnyUser } from '$lib/server/domain/users';
import { issueSetupCode } from '$lib/server/auth/setup-code';
import { keepTidy } from '$lib/server/auth/housekeeping';
import { subscribe } from '$lib/server/events/subscribers';
import { durable, groupCommits } from '$lib/server/events/group-commit';
import { liveBoards } from '$lib/server/live/broker';
import { inAppNotifications } from '$lib/server/notify/in-app';
import { digestEmails } from '$lib/server/notify/digest-email';
import { startSchedule } from '$lib/server/notify/schedule';
import { mailConfig } from '$lib/server/notify/mail-config';
import { MailSender } from '$lib/server/notify/mail-sender';
import { onShutdown } from '$lib/server/shutdown';
import { compress } from '$lib/server/http/compression';
import { withSecurityHeaders } from '$lib/server/http/security-headers';
import { isAllowedHost } from '$lib/server/http/allowed-host';
import { ApiError, apiErrorResponse, isTooLarge } from '$lib/server/http/api';
import { inLocale, requestLocale, withHtmlLang } from '$lib/server/http/request-locale';

/**
 * Before the first request: opens the database (applying pending migrations), registers what
 * reacts to committed changes — notifications, digests and the live board streams — starts purging
 * what expires, and starts the hourly reminders and digests (catching up on what came due while
 * the server was down).
 */
export const init: ServerInit = () => {
	const db = getDb();
	groupCommits(db.$client);
	subscribe(inAppNotifications);
	subscribe(liveBoards.subscriber);
	subscribe(digestEmails);
	startMail(db);
	keepTidy(db);
	startSchedule(db);
	if (!hasAnyUser(db)) announceSetupCode();
};

/** With SMTP configured, the outbox is sent; without, e-mail is off and all stays in the app. */
function startMail(db: ReturnType<typeof getDb>) {
	const config = mailConfig();
	if (!config) return;
	const sender = new MailSender(db, config).start();
	subscribe(sender.subscriber);
	onShutdown('mail-sender', () => sender.stop());
	console.log(
		config.transport === 'console'
			? 'E-mails are printed here instead of being sent (SMTP_URL=console).'
			: `E-mails are sent through ${new URL(config.smtpUrl).host} as ${config.from}.`
	);
}

/** A server without any user can be set up only with the code it prints here. */
function announceSetupCode() {
	const code = issueSetupCode();
	console.log(
		`Dreiklang has no administrator yet. Open /setup in the browser and enter this setup code:\n\n    ${code}\n`
	);
}

/**
 * With `ORIGIN` set, a request for any other host is refused, so that a page elsewhere which
 * points its own name at this server (DNS rebinding) cannot use it. `/health` stays open for
 * checks from the machine itself.
 */
const handleHost: Handle = ({ event, resolve }) => {
	if (
		event.url.pathname !== '/health' &&
		!isAllowedHost(event.request.headers.get('host'), process.env.ORIGIN)
	) {
		// Before `handleLocale`: the language is read from the cookie here.
		const locale = requestLocale(event.cookies);
		return new Response(`${m.error_unknown_host({}, { locale })}\n`, {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	return resolve(event);
};

/** The most a request may send (adapter-node's default `BODY_SIZE_LIMIT`). */
const MAX_BODY_BYTES = 512 * 1024;

/**
 * A body that says it is larger than the server takes is refused before any route runs — also
 * where a route would not read it (a sign-out, a redirect). Bodies sent without a length are cut
 * off by the server when read, and the routes answer that with the same 413.
 */
const handleBodyLimit: Handle = ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (!(length > MAX_BODY_BYTES)) return resolve(event);
	const message = m.error_payload_too_large();
	if (event.url.pathname.startsWith('/api/')) {
		return apiErrorResponse(new ApiError(413, 'payload_too_large', message));
	}
	return new Response(plainPage(message), {
		status: 413,
		headers: { 'content-type': 'text/html; charset=utf-8' }
	});
};

/** A page of one sentence and the way home, for answers given before any route runs. */
const plainPage = (message: string) =>
	`<!doctype html><html lang="${getLocale()}"><meta charset="utf-8"><title>${escapeHtml(message)} · Dreiklang</title>` +
	`<h1>${escapeHtml(message)}</h1><p><a href="/">${escapeHtml(m.error_back_home())}</a></p></html>\n`;

/**
 * Who is asking. A cookie whose session is gone (ended, expired, made up) is cleared on every
 * answer — also on the gate's own 401s and redirects, which SvelteKit's cookie jar never sees.
 */
const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return resolve(event);
	const result = validateSessionToken(getDb(), token);
	if (!result) {
		deleteSessionCookie(event);
		return withSessionCookieCleared(await resolve(event), event);
	}
	event.locals.user = result.user;
	event.locals.session = result.session;
	if (result.renewed) setSessionCookie(event, token, result.session.expiresAt);
	return resolve(event);
};

/** Every request is answered in the language of its cookie, pages with `<html lang>` to match. */
const handleLocale: Handle = async ({ event, resolve }) => {
	const locale = requestLocale(event.cookies);
	const response = await inLocale(locale, event.url.origin, () => resolve(event));
	return withHtmlLang(response, locale);
};

/** Paths anyone may open; everything else needs a session. */
/** `/calendar/<secret>.ics` is opened by calendar apps, which have no session: the secret is the key. */
/** `/p/<token>` is the board's public page (and its `.json`, `.csv`): the token is the key. */
const PUBLIC_PATHS = [
	'/p',
	'/login',
	'/setup',
	'/health',
	'/language',
	'/logout',
	'/calendar',
	'/unsubscribe',
	'/accessibility',
	'/manifest.webmanifest'
];
const isPublic = (path: string) =>
	PUBLIC_PATHS.some((p) => path === p || path.startsWith(p + '/')) || path.startsWith('/signin/');

let setupDone = false;

/** A redirect answered (not thrown), so that the outer hooks still add their headers to it. */
const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

/**
 * The outer gate: an empty database leads to /setup, signed-out visitors to /login, signed-out
 * API calls get 401 JSON. Each load, action and endpoint still checks its own permission.
 */
const handleGate: Handle = ({ event, resolve }) => {
	const path = event.url.pathname;
	if (!setupDone) setupDone = hasAnyUser(getDb());
	const needsSetup = !setupDone && path !== '/setup' && path !== '/health' && path !== '/language';
	if (!needsSetup && (event.locals.user || isPublic(path))) return resolve(event);
	if (path.startsWith('/api/')) {
		return apiErrorResponse(new ApiError(401, 'unauthorized', m.error_unauthorized()));
	}
	return seeOther(needsSetup ? '/setup' : loginUrl(event.url));
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses writes that a browser sends from another site. Browsers always send `Origin` with a
 * POST; scripts that send none (curl, `POST /login` from a test) are not a cross-site risk.
 * This replaces SvelteKit's own check, which also refuses scripts without an `Origin` header.
 */
const handleCrossSite: Handle = ({ event, resolve }) => {
	const origin = event.request.headers.get('origin');
	if (!SAFE_METHODS.has(event.request.method) && origin !== null && origin !== event.url.origin) {
		return apiErrorResponse(new ApiError(403, 'forbidden', m.error_cross_site()));
	}
	return resolve(event);
};

/** Every API answer is JSON, also for unknown paths (404) and methods (405). */
const handleApiErrors: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!event.url.pathname.startsWith('/api/') || response.ok) return response;
	if (response.headers.get('content-type')?.includes('application/json')) return response;
	const known = {
		400: ['bad_request', m.error_invalid()],
		404: ['not_found', m.error_not_found()],
		405: ['method_not_allowed', m.error_method_not_allowed()],
		413: ['payload_too_large', m.error_payload_too_large()]
	} as const;
	const [code, message] = known[response.status as keyof typeof known] ?? [
		'internal',
		m.error_internal()
	];
	const headers = new Headers();
	const allow = response.headers.get('allow');
	if (allow) headers.set('allow', allow);
	return json({ error: { code, message } }, { status: response.status, headers });
};

/** No answer leaves before the changes made so far are on disk (see group-commit.ts). */
const handleDurability: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	await durable(getDb().$client);
	return response;
};

/** Every answer gets the security headers (`security-headers.ts`). */
const handleSecurityHeaders: Handle = async ({ event, resolve }) =>
	withSecurityHeaders(await resolve(event));

/**
 * HTML and JSON go out compressed when the client accepts it (event streams never: each event
 * must leave at once). Outermost, so it sees every answer as it finally is.
 */
const handleCompression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (event.request.method === 'HEAD') return response;
	const headers = event.request.headers;
	return compress(response, headers.get('accept-encoding'), headers.get('if-none-match'));
};

export const handle = sequence(
	handleCompression,
	handleSecurityHeaders,
	handleDurability,
	handleHost,
	handleSession,
	handleLocale,
	handleBodyLimit,
	handleCrossSite,
	handleGate,
	handleApiErrors
);

/**
 * Errors that no route answered itself are shown to the user as one plain sentence; unexpected
 * ones are logged here. A body over the size limit is the sender's mistake, not the server's.
 */
export const handleError: HandleServerError = ({ error, status, event }) => {
	if (status === 404) return { message: m.error_not_found(), code: 'not_found' };
	if (status === 413 || isTooLarge(error)) {
		return { message: m.error_payload_too_large(), code: 'payload_too_large' };
	}
	console.error(`${event.request.method} ${event.url.pathname}`, error);
	return { message: m.error_internal(), code: 'internal' };
};
