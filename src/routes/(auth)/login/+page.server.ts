import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { authenticate } from '$lib/server/auth/sign-in';
import { createSession, endSessions } from '$lib/server/auth/session';
import { signInThrottle } from '$lib/server/auth/sign-in-throttle';
import { localeField, signInInput } from '$lib/server/domain/user-input';
import { setLocale } from '$lib/server/domain/users';
import { cookieName as LOCALE_COOKIE } from '$lib/paraglide/runtime';
import { deleteSessionCookie, setLocaleCookie, setSessionCookie } from '$lib/server/http/cookies';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { parseForm } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return { redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo'), '') };
};

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
		const address = event.getClientAddress();

		const wait = await signInThrottle.retryAfter(email, address);
		if (wait > 0) {
			event.setHeaders({ 'retry-after': String(wait) });
			return fail(429, { values, message: m.login_throttled({ minutes: Math.ceil(wait / 60) }) });
		}

		const db = getDb();
		const user = await authenticate(db, email, password);
		if (!user) {
			await signInThrottle.recordFailure(email, address);
			return fail(400, { values, message: m.login_failed() });
		}
		await signInThrottle.recordSuccess(email);
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
