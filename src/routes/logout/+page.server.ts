import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/http/cookies';
import { liveBoards } from '$lib/server/live/broker';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
};

export const actions: Actions = {
	default: (event) => {
		if (event.locals.session) {
			invalidateSession(getDb(), event.locals.session.id);
			liveBoards.disconnectSession(event.locals.session.id);
		}
		deleteSessionCookie(event);
		redirect(303, '/login');
	}
};
