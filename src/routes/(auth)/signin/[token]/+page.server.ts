import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { createSession } from '$lib/server/auth/session';
import { hashPassword } from '$lib/server/auth/password';
import { choosePasswordInput } from '$lib/server/domain/user-input';
import { findSignInLinkUser, redeemSignInLink } from '$lib/server/domain/users';
import { setLocaleCookie, setSessionCookie } from '$lib/server/http/cookies';
import { parseForm } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

/** A link that is used up, expired or unknown is gone for good: 410, with a plain sentence. */
export const load: PageServerLoad = ({ params }) => {
	const user = findSignInLinkUser(getDb(), params.token);
	if (!user) error(410, m.link_invalid_text());
	return { name: user.name, email: user.email };
};

export const actions: Actions = {
	default: async (event) => {
		const db = getDb();
		const user = findSignInLinkUser(db, event.params.token);
		if (!user) return fail(410, { expired: true });
		const form = await parseForm(event.request, choosePasswordInput, [
			'password',
			'passwordConfirm'
		]);
		if (!form.ok) return fail(400, { errors: form.errors });
		// The link is checked again and retired with the new password, so it works exactly once.
		const redeemed = redeemSignInLink(
			db,
			event.params.token,
			await hashPassword(form.data.password)
		);
		if (!redeemed) return fail(410, { expired: true });
		const session = createSession(db, user.id);
		setSessionCookie(event, session.token, session.expiresAt);
		setLocaleCookie(event, user.locale);
		redirect(303, '/');
	}
};
