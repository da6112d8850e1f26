import type { Cookies } from '@sveltejs/kit';
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
