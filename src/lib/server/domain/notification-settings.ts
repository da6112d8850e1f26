import type { Db, Conn } from '../db';
import { commitChange } from '../events/commit';
import {
	NOTIFICATION_KINDS,
	type DigestChoice,
	type NotificationChannel,
	type NotificationKind
} from '../../notifications/kinds';
import { channelsOf, digestOf, setChannel, setDigest } from './notifications';
import { getUser } from './users';
import { DomainError } from './errors';

/** Everything a person chose about notifications: each kind's channel and the digest. */
export interface NotificationChoices {
	channels: Record<NotificationKind, NotificationChannel>;
	digest: DigestChoice;
}

/** A person's choices as their settings show them: their own, the defaults where they chose nothing. */
export function notificationChoicesOf(db: Conn, userId: number): NotificationChoices {
	return { channels: channelsOf(db, userId), digest: digestOf(db, userId) };
}

/**
 * Saves all of a person's choices at once — every kind and the digest, in one transaction: the
 * settings form is one decision, never stored half. A choice equal to the default is kept as no
 * choice, so a default changed later reaches them.
 */
export function saveNotificationChoices(db: Db, userId: number, choices: NotificationChoices) {
	commitChange(db, () => {
		if (!getUser(db, userId)) throw new DomainError('not_found');
		for (const kind of NOTIFICATION_KINDS) setChannel(db, userId, kind, choices.channels[kind]);
		setDigest(db, userId, choices.digest);
	});
}
