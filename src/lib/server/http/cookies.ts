import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/session';
import {
	cookieName as LOCALE_COOKIE,
	cookieMaxAge as LOCALE_MAX_AGE
} from '$lib/paraglide/runtime';
import type { Locale } from '../../locales';

interface CookieEvent {
	cookies: Cookies;
	url: URL;
}

export function setSessionCookie(event: CookieEvent, token: string, expiresAt: Date) {
	event.cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: expiresAt,
		path: '/'
	});
}

export function deleteSessionCookie(event: CookieEvent) {
	event.cookies.delete(SESSION_COOKIE, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
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
