import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { notificationItem } from '$lib/notifications/wording';
import { getDb } from '$lib/server/db';
import { idField } from '$lib/server/domain/action-input';
import { DomainError } from '$lib/server/domain/errors';
import {
	listNotifications,
	markAllRead,
	markRead,
	NOTIFICATION_LIST_LIMIT,
	unreadCount
} from '$lib/server/domain/notifications';
import { requirePageUser } from '$lib/server/http/guard';
import { parseForm } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event, 'read');
	// The bell's stream reloads this list when a notification comes in.
	event.depends('app:notifications');
	const db = getDb();
	return {
		unread: unreadCount(db, user.id),
		items: listNotifications(db, user.id, NOTIFICATION_LIST_LIMIT).map(notificationItem)
	};
};

const readInput = z.object({ id: idField });

export const actions: Actions = {
	/** One notification read (it stays in the list, no longer marked new). */
	read: async (event) => {
		const user = requirePageUser(event, 'read');
		const form = await parseForm(event.request, readInput);
		if (!form.ok) return fail(400, { read: { failed: true } });
		try {
			markRead(getDb(), user.id, form.data.id);
		} catch (err) {
			// Someone else's notification is as unknown as one that never was.
			if (err instanceof DomainError && err.code === 'not_found') {
				return fail(404, { read: { failed: true } });
			}
			throw err;
		}
		return { read: { id: form.data.id } };
	},
	/** Everything read at once. */
	readAll: (event) => {
		const user = requirePageUser(event, 'read');
		markAllRead(getDb(), user.id);
		return { readAll: { done: true } };
	}
};
