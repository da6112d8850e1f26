import type { Conn, Db } from '../db';
import { clientOf, prepared } from '../db/prepared';
import { commitChange } from '../events/commit';
import {
	DEFAULT_CHANNELS,
	type DigestChoice,
	type NotificationChannel,
	type NotificationContent,
	type NotificationKind,
	type UnsubscribeTopic
} from '../../notifications/kinds';
import type { Locale } from '../../locales';
import { DomainError } from './errors';

/** How many notifications a list shows: the newest; older ones stay stored. */
export const NOTIFICATION_LIST_LIMIT = 50;

/** One notification as its reader's list shows it (worded later, in the reader's language). */
export type NotificationEntry = NotificationContent & {
	id: number;
	url: string;
	readAt: Date | null;
	createdAt: Date;
};

/** Who hears of a change: the people it concerns, minus whoever made it. */
export interface Delivery {
	recipients: Iterable<number>;
	content: NotificationContent;
	url: string;
	actorId: number | null;
	now: Date;
}

// Hot paths: every change that concerns somebody writes here, every page counts the unread.
const statements = (db: Conn) => {
	const client = clientOf(db);
	return {
		// Inactive people and those who turned the kind off get nothing; the actor never hears of
		// their own change. One statement for all recipients of a change.
		deliver: client
			.prepare(
				`insert into notifications (user_id, kind, data, url, created_at)
			 select u.id, @kind, @data, @url, @now
			 from users u
			 left join notification_settings s on s.user_id = u.id and s.kind = @kind
			 where u.id in (select value from json_each(@ids))
			   and u.active = 1
			   and u.id is not @actor
			   and coalesce(s.channel, @fallback) != 'off'
			 returning user_id`
			)
			.pluck(),
		// Who of them also wants it by e-mail, with what the e-mail needs.
		byEmail: client.prepare(
			`select u.id, u.email, u.name, u.locale
			 from users u
			 left join notification_settings s on s.user_id = u.id and s.kind = @kind
			 where u.id in (select value from json_each(@ids))
			   and coalesce(s.channel, @fallback) = 'email'`
		),
		unread: client
			.prepare('select count(*) from notifications where user_id = ? and read_at is null')
			.pluck(),
		list: client.prepare(
			`select id, kind, data, url, read_at as readAt, created_at as createdAt
			 from notifications where user_id = ? order by id desc limit ?`
		),
		markRead: client.prepare(
			`update notifications set read_at = coalesce(read_at, @now) where id = @id and user_id = @user`
		),
		markAllRead: client.prepare(
			'update notifications set read_at = @now where user_id = @user and read_at is null'
		),
		channel: client
			.prepare('select channel from notification_settings where user_id = ? and kind = ?')
			.pluck()
	};
};

/** Someone who wants a notification by e-mail too. */
export interface EmailRecipient {
	id: number;
	email: string;
	name: string;
	locale: Locale;
}

/**
 * Writes the notifications of one change — inside its transaction (a subscriber's
 * `inTransaction` half), so that they exist exactly when the change does. Returns who got one,
 * and who of them wants it by e-mail too.
 */
export function deliverNotifications(
	db: Conn,
	delivery: Delivery
): { userIds: number[]; byEmail: EmailRecipient[] } {
	const ids = [...new Set(delivery.recipients)];
	if (ids.length === 0) return { userIds: [], byEmail: [] };
	const { kind, data } = delivery.content;
	const q = prepared(db, statements);
	const userIds = q.deliver.all({
		kind,
		data: JSON.stringify(data),
		url: delivery.url,
		now: delivery.now.getTime(),
		ids: JSON.stringify(ids),
		actor: delivery.actorId,
		fallback: DEFAULT_CHANNELS[kind]
	}) as number[];
	if (userIds.length === 0) return { userIds, byEmail: [] };
	const byEmail = q.byEmail.all({
		kind,
		ids: JSON.stringify(userIds),
		fallback: DEFAULT_CHANNELS[kind]
	}) as EmailRecipient[];
	return { userIds, byEmail };
}

/** How many of a person's notifications are unread: read from the index alone, for every page. */
export function unreadCount(db: Conn, userId: number): number {
	return prepared(db, statements).unread.get(userId) as number;
}

type ListRow = { id: number; kind: string; data: string; url: string; readAt: number | null };

/** A person's newest notifications, newest first. */
export function listNotifications(db: Conn, userId: number, limit: number): NotificationEntry[] {
	const rows = prepared(db, statements).list.all(userId, limit) as (ListRow & {
		createdAt: number;
	})[];
	return rows.map(
		(row) =>
			({
				id: row.id,
				kind: row.kind,
				data: JSON.parse(row.data),
				url: row.url,
				readAt: row.readAt === null ? null : new Date(row.readAt),
				createdAt: new Date(row.createdAt)
			}) as NotificationEntry
	);
}

/**
 * Marks one of the person's notifications read (once read, it keeps its first time). Someone
 * else's notification is as unknown as one that never was.
 */
export function markRead(db: Db, userId: number, id: number, now = new Date()) {
	commitChange(db, (change) => {
		const { changes } = prepared(db, statements).markRead.run({
			id,
			user: userId,
			now: now.getTime()
		});
		if (changes === 0) throw new DomainError('not_found');
		change.emit({ type: 'notifications_changed', userIds: [userId] });
	});
}

/** Marks every unread notification of the person read; returns how many there were. */
export function markAllRead(db: Db, userId: number, now = new Date()): number {
	return commitChange(db, (change) => {
		const { changes } = prepared(db, statements).markAllRead.run({
			user: userId,
			now: now.getTime()
		});
		if (changes) change.emit({ type: 'notifications_changed', userIds: [userId] });
		return changes;
	});
}

/** Where a person hears of a kind: their own choice, or the default. */
export function channelFor(db: Conn, userId: number, kind: NotificationKind): NotificationChannel {
	return (
		(prepared(db, statements).channel.get(userId, kind) as NotificationChannel | undefined) ??
		DEFAULT_CHANNELS[kind]
	);
}

/** A person's choice for one kind; choosing the default removes the stored row. */
export function setChannel(
	db: Db,
	userId: number,
	kind: NotificationKind,
	channel: NotificationChannel
) {
	commitChange(db, () => {
		const client = clientOf(db);
		if (channel === DEFAULT_CHANNELS[kind]) {
			client
				.prepare('delete from notification_settings where user_id = ? and kind = ?')
				.run(userId, kind);
		} else {
			client
				.prepare(
					`insert into notification_settings (user_id, kind, channel) values (?, ?, ?)
					 on conflict (user_id, kind) do update set channel = excluded.channel`
				)
				.run(userId, kind, channel);
		}
	});
}

/** Every kind's channel for a person: their choices over the defaults. */
export function channelsOf(
	db: Conn,
	userId: number
): Record<NotificationKind, NotificationChannel> {
	const rows = clientOf(db)
		.prepare('select kind, channel from notification_settings where user_id = ?')
		.all(userId) as { kind: NotificationKind; channel: NotificationChannel }[];
	const channels = { ...DEFAULT_CHANNELS };
	for (const row of rows) if (row.kind in channels) channels[row.kind] = row.channel;
	return channels;
}

/** How often a person gets the digest. */
export function digestOf(db: Conn, userId: number): DigestChoice {
	return (clientOf(db).prepare('select digest from users where id = ?').pluck().get(userId) ??
		'off') as DigestChoice;
}

/** Sets how often a person gets the digest. */
export function setDigest(db: Db, userId: number, digest: DigestChoice) {
	commitChange(db, () => {
		clientOf(db).prepare('update users set digest = ? where id = ?').run(digest, userId);
	});
}

/**
 * An unsubscribe link was followed: that one kind (or the digest) is turned off — by e-mail
 * and in the app. The settings page turns it back on.
 */
export function unsubscribe(db: Db, userId: number, topic: UnsubscribeTopic) {
	commitChange(db, () => {
		const known = clientOf(db).prepare('select 1 from users where id = ?').get(userId);
		if (!known) throw new DomainError('not_found');
		if (topic === 'digest') setDigest(db, userId, 'off');
		else setChannel(db, userId, topic, 'off');
	});
}
