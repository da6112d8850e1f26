import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { localeField } from '$lib/server/domain/user-input';
import { setLocale } from '$lib/server/domain/users';
import { setLocaleCookie } from '$lib/server/http/cookies';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import type { RequestHandler } from './$types';

/** Sets the language (cookie, and the profile when signed in), then goes back where the user was. */
export const POST: RequestHandler = async (event) => {
	const data = await event.request.formData().catch(() => new FormData());
	const locale = localeField.safeParse(data.get('locale'));
	if (locale.success) {
		setLocaleCookie(event, locale.data);
		if (event.locals.user) setLocale(getDb(), event.locals.user.id, locale.data);
	}
	redirect(303, safeRedirectTarget(data.get('redirectTo')));
};
