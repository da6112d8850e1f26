import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { authenticate } from '$lib/server/auth/sign-in';
import { createSession, endSessions } from '$lib/server/auth/session';
import { signInThrottle, type ThrottleRefusal } from '$lib/server/auth/sign-in-throttle';
import { DEVICE_COOKIE, knownDeviceOf, trustDevice } from '$lib/server/auth/trusted-devices';
import { localeField, signInInput } from '$lib/server/domain/user-input';
import { setLocale } from '$lib/server/domain/users';
import { cookieName as LOCALE_COOKIE } from '$lib/paraglide/runtime';
import {
	deleteSessionCookie,
	setDeviceCookie,
	setLocaleCookie,
	setSessionCookie
} from '$lib/server/http/cookies';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { parseForm } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return { redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo'), '') };
};

function throttledMessage(refusal: ThrottleRefusal): string {
	const seconds = refusal.retryAfterSeconds;
	if (refusal.reason === 'account') {
		return seconds === 1 ? m.login_throttled_account_one() : m.login_throttled_account({ seconds });
	}
	const minutes = Math.ceil(seconds / 60);
	return minutes === 1 ? m.login_throttled_one() : m.login_throttled({ minutes });
}

export const actions: Actions = {
	default: async (event) => {
		// Signing in again (perhaps as someone else) first ends the session this browser has.
		if (event.locals.session) {
			endSessions(getDb(), { sessionId: event.locals.session.id }, 'signed_out');
			deleteSessionCookie(event);
			event.locals.user = null;
			event.locals.session = null;
		}
		const redirectTo = safeRedirectTarget(event.url.searchParams.get('redirectTo'));
		const form = await parseForm(event.request, signInInput, ['password']);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const { email, password } = form.data;
		const values = { email };

		const db = getDb();
		const device = knownDeviceOf(db, email, event.cookies.get(DEVICE_COOKIE));
		const attempt = await signInThrottle.attempt(email, event.getClientAddress(), device?.id, () =>
			authenticate(db, email, password)
		);
		if (!attempt.ok) {
			event.setHeaders({ 'retry-after': String(attempt.retryAfterSeconds) });
			return fail(429, { values, message: throttledMessage(attempt) });
		}
		const user = attempt.value;
		if (!user) return fail(400, { values, message: m.login_failed() });
		setDeviceCookie(event, trustDevice(db, user.id, device));
		const session = createSession(db, user.id);
		setSessionCookie(event, session.token, session.expiresAt);
		// A language picked on the sign-in page wins and becomes the profile's; otherwise the
		// profile's language applies.
		const picked = localeField.safeParse(event.cookies.get(LOCALE_COOKIE));
		if (picked.success && picked.data !== user.locale) setLocale(db, user.id, picked.data);
		setLocaleCookie(event, picked.success ? picked.data : user.locale);
		redirect(303, redirectTo);
	}
};
