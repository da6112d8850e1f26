import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { cellLabel, statusLabel } from '$lib/board/labels';
import { formatDate } from '$lib/board/dates';
import { ideaStateLabel } from '$lib/ideas/labels';
import type { NotificationContent, NotificationKind } from './kinds';

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
		case 'reminder_due_soon':
		case 'reminder_overdue':
		case 'reminder_no_progress': {
			const text = reminderText({ kind, data } as ReminderContent);
			return data.unowned ? `${text} ${m.notification_reminder_unowned()}` : text;
		}
	}
}

type ReminderContent = Extract<
	NotificationContent,
	{ kind: 'reminder_due_soon' | 'reminder_overdue' | 'reminder_no_progress' }
>;

function reminderText({ kind, data }: ReminderContent): string {
	const action = data.actionTitle;
	const days = data.days;
	switch (kind) {
		case 'reminder_due_soon': {
			// `days` is how many days are left; a week, unless the date was set closer than that.
			const date = formatDate(data.dueDate, getLocale());
			return days === 7
				? m.notification_reminder_due_soon({ action, date })
				: m.notification_reminder_due_soon_near({ action, date });
		}
		case 'reminder_overdue': {
			const date = formatDate(data.dueDate, getLocale());
			return days === 1
				? m.notification_reminder_overdue_one({ action, date })
				: m.notification_reminder_overdue({ action, date, days });
		}
		case 'reminder_no_progress':
			if (data.lastProgress === null) {
				return m.notification_reminder_no_progress_never({ action, days });
			}
			return m.notification_reminder_no_progress({
				action,
				days,
				date: formatDate(data.lastProgress, getLocale())
			});
	}
}

const KIND_LABELS: Record<NotificationKind, () => string> = {
	owner_added: m.notification_kind_owner_added,
	owner_removed: m.notification_kind_owner_removed,
	action_progress: m.notification_kind_action_progress,
	action_status: m.notification_kind_action_status,
	action_moved: m.notification_kind_action_moved,
	action_archived: m.notification_kind_action_archived,
	action_due_date: m.notification_kind_action_due_date,
	idea_state: m.notification_kind_idea_state,
	idea_accepted: m.notification_kind_idea_accepted,
	idea_supported: m.notification_kind_idea_supported,
	reminder_due_soon: m.notification_kind_reminder_due_soon,
	reminder_overdue: m.notification_kind_reminder_overdue,
	reminder_no_progress: m.notification_kind_reminder_no_progress
};

/** What a kind is about, in a few words (the settings' rows, an e-mail's footer). */
export function notificationKindLabel(kind: NotificationKind): string {
	return KIND_LABELS[kind]();
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
