import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { createSession } from '$lib/server/auth/session';
import { hashPassword } from '$lib/server/auth/password';
import { setupCodeMatches, spendSetupCode } from '$lib/server/auth/setup-code';
import { DomainError } from '$lib/server/domain/errors';
import { createFirstAdmin } from '$lib/server/domain/setup';
import { setupInput } from '$lib/server/domain/user-input';
import { hasAnyUser } from '$lib/server/domain/users';
import { setSessionCookie } from '$lib/server/http/cookies';
import { parseForm } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

/** The form, and the code the server printed: without it nobody becomes the first admin. */
const withSetupCode = setupInput.refine((v) => setupCodeMatches(v.setupCode), {
	message: 'setup_code_wrong',
	path: ['setupCode']
});

/** First run only: once anybody exists, this page is gone. */
function requireEmptyDatabase() {
	if (hasAnyUser(getDb())) redirect(303, '/login');
}

export const load: PageServerLoad = () => {
	requireEmptyDatabase();
};

export const actions: Actions = {
	default: async (event) => {
		// The form is read first: a body left unread would cost the browser its connection.
		const form = await parseForm(event.request, withSetupCode, ['password', 'passwordConfirm']);
		requireEmptyDatabase();
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const db = getDb();
		try {
			const user = createFirstAdmin(
				db,
				{
					name: form.data.name,
					email: form.data.email,
					passwordHash: await hashPassword(form.data.password),
					locale: getLocale()
				},
				m.setup_board_name(),
				{
					horizonShort: m.setup_horizon_short(),
					horizonMedium: m.setup_horizon_medium(),
					horizonLong: m.setup_horizon_long()
				}
			);
			spendSetupCode();
			const session = createSession(db, user.id);
			setSessionCookie(event, session.token, session.expiresAt);
		} catch (err) {
			if (err instanceof DomainError) redirect(303, '/login');
			throw err;
		}
		redirect(303, '/');
	}
};
