import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { endSessions } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/http/cookies';
import { cookieName as LOCALE_COOKIE } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
};

export const actions: Actions = {
	default: (event) => {
		if (event.locals.session) {
			endSessions(getDb(), { sessionId: event.locals.session.id }, 'signed_out');
		}
		deleteSessionCookie(event);
		// The next person on this browser starts in their own language, not this one's.
		event.cookies.delete(LOCALE_COOKIE, { path: '/' });
		redirect(303, '/login');
	}
};
