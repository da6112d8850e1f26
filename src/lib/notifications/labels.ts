import { m } from '$lib/paraglide/messages';
import type {
	DigestChoice,
	NotificationChannel,
	NotificationKind,
	UnsubscribeTopic
} from './kinds';
import { notificationKindLabel } from './wording';

const CHANNEL_LABELS: Record<NotificationChannel, () => string> = {
	app: m.notification_channel_app,
	email: m.notification_channel_email,
	off: m.notification_channel_off
};

/** Where a kind goes, as the settings offer it. */
export const channelLabel = (channel: NotificationChannel) => CHANNEL_LABELS[channel]();

const DIGEST_LABELS: Record<DigestChoice, () => string> = {
	weekly: m.digest_weekly,
	monthly: m.digest_monthly,
	off: m.digest_off
};

/** How often the overview comes. */
export const digestLabel = (digest: DigestChoice) => DIGEST_LABELS[digest]();

const GROUP_LABELS = {
	ownership: m.notification_group_ownership,
	actions: m.notification_group_actions,
	ideas: m.notification_group_ideas,
	reminders: m.notification_group_reminders
} as const;

/** The heading of a group of kinds in the settings. */
export const groupLabel = (group: keyof typeof GROUP_LABELS) => GROUP_LABELS[group]();

/** What an unsubscribe link turns off: a kind, or the overview by e-mail. */
export const topicLabel = (topic: UnsubscribeTopic) =>
	topic === 'digest' ? m.email_digest_kind() : notificationKindLabel(topic);

/** What an e-mail in the outbox is about: a notification, the overview, a sign-in link, a test. */
export function emailTopicLabel(topic: NotificationKind | 'digest' | 'sign_in_link' | 'test') {
	if (topic === 'sign_in_link') return m.outbox_topic_sign_in_link();
	if (topic === 'test') return m.outbox_topic_test();
	return topicLabel(topic);
}
