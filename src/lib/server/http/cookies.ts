import type { Cookies } from '@sveltejs/kit';
import { withHeaders } from './response-headers';
import { SESSION_COOKIE } from '../auth/session';
import { DEVICE_COOKIE, DEVICE_LIFETIME_MS } from '../auth/trusted-devices';
import {
	cookieName as LOCALE_COOKIE,
	cookieMaxAge as LOCALE_MAX_AGE
} from '$lib/paraglide/runtime';
import type { Locale } from '../../locales';

interface CookieEvent {
	cookies: Cookies;
	url: URL;
}

const sessionCookieOptions = (event: CookieEvent) =>
	({
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		path: '/'
	}) as const;

export function setSessionCookie(event: CookieEvent, token: string, expiresAt: Date) {
	event.cookies.set(SESSION_COOKIE, token, { ...sessionCookieOptions(event), expires: expiresAt });
}

export function deleteSessionCookie(event: CookieEvent) {
	event.cookies.delete(SESSION_COOKIE, sessionCookieOptions(event));
}

/**
 * `response` with the session cookie cleared, for answers made outside SvelteKit's cookie jar
 * (a hook's own 401 or redirect); answers that already clear it are left as they are.
 */
export function withSessionCookieCleared(response: Response, event: CookieEvent): Response {
	const cleared = response.headers
		.getSetCookie()
		.some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
	if (cleared) return response;
	const cookie = event.cookies.serialize(SESSION_COOKIE, '', {
		...sessionCookieOptions(event),
		maxAge: 0
	});
	return withHeaders(response, (headers) => headers.append('set-cookie', cookie));
}

/** Marks a device its person signed in on, so that others' guessing never slows them down there. */
export function setDeviceCookie(event: CookieEvent, token: string) {
	event.cookies.set(DEVICE_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: DEVICE_LIFETIME_MS / 1000,
		path: '/'
	});
}

/** The language cookie is read by the page script too, so it is not HttpOnly. */
export function setLocaleCookie(event: CookieEvent, locale: Locale) {
	event.cookies.set(LOCALE_COOKIE, locale, {
		httpOnly: false,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: LOCALE_MAX_AGE,
		path: '/'
	});
}
