import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { hashPassword } from '$lib/server/auth/password';
import { DomainError } from '$lib/server/domain/errors';
import { changeRoleInput, newUserInput, userIdInput } from '$lib/server/domain/user-input';
import {
	changeRole,
	createSignInLink,
	createUser,
	emailSignInLink,
	getUser,
	listUsers,
	setActive,
	SIGN_IN_LINK_LIFETIME_DAYS
} from '$lib/server/domain/users';
import { requirePageUser } from '$lib/server/http/guard';
import { parseForm } from '$lib/server/http/validation';
import { signInLinkEmail } from '$lib/server/notify/admin-emails';
import { mailConfig } from '$lib/server/notify/mail-config';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requirePageUser(event, 'manageUsers');
	return { users: listUsers(getDb()), meId: me.id, mailEnabled: mailConfig() !== null };
};

function domainMessage(err: unknown): string {
	if (!(err instanceof DomainError)) throw err;
	switch (err.code) {
		case 'email_taken':
			return m.error_email_taken();
		case 'last_admin':
			return m.error_last_admin();
		case 'self':
			return m.error_deactivate_self();
		default:
			return m.error_not_found();
	}
}

const signInLinkUrl = (origin: string, token: string) => `${origin}/signin/${token}`;

export const actions: Actions = {
	create: async (event) => {
		requirePageUser(event, 'manageUsers');
		const form = await parseForm(event.request, newUserInput, ['password']);
		if (!form.ok) return fail(400, { create: { values: form.values, errors: form.errors } });
		const input = form.data;
		const db = getDb();
		try {
			const passwordHash = input.access === 'password' ? await hashPassword(input.password) : null;
			const user = createUser(db, { ...input, passwordHash });
			const link =
				input.access === 'link'
					? signInLinkUrl(event.url.origin, createSignInLink(db, user.id))
					: null;
			return { create: { created: { id: user.id, name: user.name, email: user.email, link } } };
		} catch (err) {
			const { password: _password, ...values } = form.data as Record<string, string>;
			return fail(400, {
				create: { values, errors: { email: domainMessage(err) } as Record<string, string> }
			});
		}
	},
	role: async (event) => {
		requirePageUser(event, 'manageUsers');
		const form = await parseForm(event.request, changeRoleInput);
		if (!form.ok) return fail(400, { row: { message: m.error_check_fields() } });
		try {
			changeRole(getDb(), form.data.userId, form.data.role);
		} catch (err) {
			return fail(400, { row: { userId: form.data.userId, message: domainMessage(err) } });
		}
		return { row: { userId: form.data.userId, saved: true } };
	},
	deactivate: (event) => toggleActive(event, false),
	reactivate: (event) => toggleActive(event, true),
	link: async (event) => {
		requirePageUser(event, 'manageUsers');
		const form = await parseForm(event.request, userIdInput);
		const db = getDb();
		const user = form.ok ? getUser(db, form.data.userId) : undefined;
		if (!user) return fail(404, { row: { message: m.error_not_found() } });
		const link = signInLinkUrl(event.url.origin, createSignInLink(db, user.id));
		return { row: { userId: user.id, link } };
	},
	/**
	 * A new sign-in link, sent to the person's own address in their language: the link and its
	 * e-mail are stored together. The admin never sees the link.
	 */
	emailLink: async (event) => {
		requirePageUser(event, 'manageUsers');
		const form = await parseForm(event.request, userIdInput);
		if (!form.ok) return fail(400, { row: { message: m.error_check_fields() } });
		const config = mailConfig();
		if (!config)
			return fail(400, { row: { userId: form.data.userId, message: m.error_mail_off() } });
		try {
			const sent = emailSignInLink(getDb(), form.data.userId, ({ user, token }) =>
				signInLinkEmail(
					user,
					signInLinkUrl(config.origin, token),
					SIGN_IN_LINK_LIFETIME_DAYS,
					config.origin
				)
			);
			return {
				row: { userId: sent.id, emailed: { email: sent.email, days: SIGN_IN_LINK_LIFETIME_DAYS } }
			};
		} catch (err) {
			if (err instanceof DomainError && err.code === 'not_found') {
				return fail(404, { row: { message: m.error_not_found() } });
			}
			throw err;
		}
	}
};

async function toggleActive(event: Parameters<Actions[string]>[0], active: boolean) {
	const me = requirePageUser(event, 'manageUsers');
	const form = await parseForm(event.request, userIdInput);
	if (!form.ok) return fail(400, { row: { message: m.error_check_fields() } });
	try {
		setActive(getDb(), me.id, form.data.userId, active);
	} catch (err) {
		return fail(400, { row: { userId: form.data.userId, message: domainMessage(err) } });
	}
	return { row: { userId: form.data.userId, saved: true } };
}
