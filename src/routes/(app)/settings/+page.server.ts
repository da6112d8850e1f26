import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { createSession } from '$lib/server/auth/session';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { changePasswordInput, profileInput } from '$lib/server/domain/user-input';
import { notificationChoicesInput } from '$lib/server/domain/notification-input';
import {
	notificationChoicesOf,
	saveNotificationChoices
} from '$lib/server/domain/notification-settings';
import { mailEnabled } from '$lib/server/notify/mail-config';
import { getUser, setPasswordHash, updateProfile } from '$lib/server/domain/users';
import { setLocaleCookie, setSessionCookie } from '$lib/server/http/cookies';
import { requirePageUser } from '$lib/server/http/guard';
import { parseForm } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event);
	return {
		profile: { name: user.name, email: user.email, locale: user.locale },
		notifications: notificationChoicesOf(getDb(), user.id),
		mailEnabled: mailEnabled()
	};
};

export const actions: Actions = {
	profile: async (event) => {
		const user = requirePageUser(event);
		const form = await parseForm(event.request, profileInput);
		if (!form.ok) return fail(400, { profile: { values: form.values, errors: form.errors } });
		updateProfile(getDb(), user.id, form.data);
		setLocaleCookie(event, form.data.locale);
		// A fresh page load shows the new language everywhere.
		redirect(303, '/settings?saved=profile');
	},
	password: async (event) => {
		const user = requirePageUser(event);
		const secret = ['currentPassword', 'password', 'passwordConfirm'];
		const form = await parseForm(event.request, changePasswordInput, secret);
		if (!form.ok) return fail(400, { password: { errors: form.errors } });
		const db = getDb();
		const stored = getUser(db, user.id);
		if (
			!stored?.passwordHash ||
			!(await verifyPassword(stored.passwordHash, form.data.currentPassword))
		) {
			return fail(400, { password: { errors: { currentPassword: m.error_current_password() } } });
		}
		// A new password ends every session, this one included; the user stays signed in here.
		setPasswordHash(db, user.id, await hashPassword(form.data.password));
		const session = createSession(db, user.id);
		setSessionCookie(event, session.token, session.expiresAt);
		return { password: { saved: true } };
	},
	/** Every kind's channel and the overview's rhythm, saved together. */
	notifications: async (event) => {
		const user = requirePageUser(event);
		const form = await parseForm(event.request, notificationChoicesInput);
		if (!form.ok) {
			return fail(400, { notifications: { values: form.values, errors: form.errors } });
		}
		saveNotificationChoices(getDb(), user.id, form.data);
		redirect(303, '/settings?saved=notifications#notifications');
	}
};
