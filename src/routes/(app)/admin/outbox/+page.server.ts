import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { idField } from '$lib/server/domain/action-input';
import { DomainError } from '$lib/server/domain/errors';
import { INTERRUPTED, listOutbox, queueEmail, sendAgain } from '$lib/server/domain/outbox';
import { requirePageUser } from '$lib/server/http/guard';
import { parseForm } from '$lib/server/http/validation';
import { testEmail } from '$lib/server/notify/admin-emails';
import { mailConfig } from '$lib/server/notify/mail-config';
import type { Actions, PageServerLoad } from './$types';

/** How many e-mails the view lists: the newest. */
const SHOWN = 100;

export const load: PageServerLoad = (event) => {
	const me = requirePageUser(event, 'manageUsers');
	const { counts, entries } = listOutbox(getDb(), SHOWN);
	return {
		mailEnabled: mailConfig() !== null,
		myEmail: me.email,
		counts,
		entries: entries.map((entry) => ({ ...entry, interrupted: entry.lastError === INTERRUPTED }))
	};
};

const againInput = z.object({ id: idField });

export const actions: Actions = {
	/** A given-up e-mail waits once more, as if new; a sign-in link never does. */
	again: async (event) => {
		requirePageUser(event, 'manageUsers');
		const form = await parseForm(event.request, againInput);
		if (!form.ok) return fail(400, { again: { message: m.error_invalid() } });
		try {
			sendAgain(getDb(), form.data.id);
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			if (err.code === 'not_found') {
				return fail(404, { again: { id: form.data.id, message: m.error_not_found() } });
			}
			return fail(400, { again: { id: form.data.id, message: m.outbox_cannot_again() } });
		}
		return { again: { id: form.data.id, done: true } };
	},
	/** A short e-mail to the admin's own address, in their language, through the outbox. */
	test: (event) => {
		const me = requirePageUser(event, 'manageUsers');
		const config = mailConfig();
		if (!config) return fail(400, { test: { message: m.error_mail_off() } });
		queueEmail(getDb(), testEmail(me, config.origin));
		return { test: { email: me.email } };
	}
};
