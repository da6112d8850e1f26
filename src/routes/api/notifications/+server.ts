import { json } from '@sveltejs/kit';
import { notificationItem } from '$lib/notifications/wording';
import { getDb } from '$lib/server/db';
import {
	listNotifications,
	NOTIFICATION_LIST_LIMIT,
	unreadCount
} from '$lib/server/domain/notifications';
import { apiHandler } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

/** The asking person's newest notifications, worded in their language, and how many are unread. */
export const GET = apiHandler((event) => {
	const user = requireApiUser(event, 'read');
	const db = getDb();
	return json({
		unread: unreadCount(db, user.id),
		items: listNotifications(db, user.id, NOTIFICATION_LIST_LIMIT).map(notificationItem)
	});
});
