import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { cellLabel, statusLabel } from '$lib/board/labels';
import { formatDate } from '$lib/board/dates';
import { ideaStateLabel } from '$lib/ideas/labels';
import type { NotificationContent } from './kinds';

/**
 * A notification in plain words, in the current language (a request's, or — for an e-mail —
 * the recipient's, when the sender runs it in theirs). Rows keep facts, not sentences, so the
 * same row reads right in every language.
 */
export function describeNotification({ kind, data }: NotificationContent): string {
	const actor = ('actorName' in data && data.actorName) || m.someone();
	switch (kind) {
		case 'owner_added':
			return m.notification_owner_added({ actor, action: data.actionTitle });
		case 'owner_removed':
			return m.notification_owner_removed({ actor, action: data.actionTitle });
		case 'action_progress':
			return data.status
				? m.notification_action_progress_status({
						actor,
						action: data.actionTitle,
						progress: data.progress,
						status: statusLabel(data.status)
					})
				: m.notification_action_progress({
						actor,
						action: data.actionTitle,
						progress: data.progress
					});
		case 'action_status':
			return m.notification_action_status({
				actor,
				action: data.actionTitle,
				status: statusLabel(data.status)
			});
		case 'action_moved':
			return m.notification_action_moved({
				actor,
				action: data.actionTitle,
				from: cellLabel(data.from),
				to: cellLabel(data.to)
			});
		case 'action_archived':
			return m.notification_action_archived({ actor, action: data.actionTitle });
		case 'action_due_date':
			return data.dueDate
				? m.notification_action_due_date({
						actor,
						action: data.actionTitle,
						date: formatDate(data.dueDate, getLocale())
					})
				: m.notification_action_due_date_removed({ actor, action: data.actionTitle });
		case 'idea_state':
			switch (data.state) {
				case 'in_review':
					return m.notification_idea_in_review({ idea: data.ideaTitle });
				case 'declined':
					return m.notification_idea_declined({ idea: data.ideaTitle, reason: data.reason ?? '' });
				case 'merged':
					return m.notification_idea_merged({
						idea: data.ideaTitle,
						into: data.into?.title ?? '',
						reason: data.reason ?? ''
					});
				default:
					return m.notification_idea_state({
						idea: data.ideaTitle,
						state: ideaStateLabel(data.state)
					});
			}
		case 'idea_accepted':
			return m.notification_idea_accepted({ idea: data.ideaTitle, action: data.actionTitle });
		case 'idea_supported':
			return m.notification_idea_supported({ idea: data.ideaTitle });
	}
}

/** The bell's name for screen readers: how many are unread, in words. */
export function unreadLabel(count: number): string {
	if (count === 0) return m.notification_bell();
	return count === 1 ? m.notification_bell_unread_one() : m.notification_bell_unread({ count });
}

/** A notification as the API and the page hand it out: worded, with its link and whether it is read. */
export function notificationItem(
	entry: NotificationContent & { id: number; url: string; readAt: Date | null; createdAt: Date }
) {
	return {
		id: entry.id,
		kind: entry.kind,
		text: describeNotification(entry),
		url: entry.url,
		read: entry.readAt !== null,
		createdAt: entry.createdAt.toISOString()
	};
}
export type NotificationItem = ReturnType<typeof notificationItem>;
