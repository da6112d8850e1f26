import type { Conn } from '../db';
import type { Change } from '../events/commit';
import { enqueueEmail } from '../domain/outbox';
import type { EmailRecipient } from '../domain/notifications';
import { unsubscribeToken } from '../auth/unsubscribe-token';
import type { NotificationContent, UnsubscribeTopic } from '../../notifications/kinds';
import { composeEmail, inRecipientLocale, notificationParts } from './compose-email';
import { mailConfig } from './mail-config';

/** The link that turns a topic off for a person, without signing in. */
export function unsubscribeUrl(db: Conn, origin: string, userId: number, topic: UnsubscribeTopic) {
	return `${origin}/unsubscribe/${unsubscribeToken(db, userId, topic)}`;
}

/**
 * Puts a notification's e-mails into the outbox — one per person, in their language — inside
 * the transaction that wrote the notification. Without e-mail configured, nothing happens: the
 * notification is in the app.
 */
export function enqueueNotificationEmails(
	db: Conn,
	change: Change,
	recipients: readonly EmailRecipient[],
	content: NotificationContent,
	path: string,
	now: Date
) {
	const config = mailConfig();
	if (!config || recipients.length === 0) return;
	for (const to of recipients) {
		const mail = inRecipientLocale(to.locale, config.origin, () =>
			composeEmail(
				to,
				content.kind,
				notificationParts(
					content,
					config.origin + path,
					unsubscribeUrl(db, config.origin, to.id, content.kind)
				),
				`${config.origin}/settings#notifications`
			)
		);
		enqueueEmail(db, change, mail, now);
	}
}
