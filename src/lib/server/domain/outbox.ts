import { randomBytes } from 'node:crypto';
import type { Conn, Db } from '../db';
import { clientOf, prepared } from '../db/prepared';
import type { OUTBOX_STATES, OUTBOX_TOPICS } from '../db/schema';
import { commitChange, type Change } from '../events/commit';
import { DomainError } from './errors';

export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** An e-mail as it goes into the outbox: one recipient, both bodies, already in their language. */
export interface OutgoingEmail {
	userId: number | null;
	to: string;
	topic: OutboxTopic;
	subject: string;
	text: string;
	html: string;
	headers?: Record<string, string>;
	/** Emptied once sent or given up (a sign-in link must not linger in the database). */
	sensitive?: boolean;
}

/** An e-mail the sender has claimed: what it hands to SMTP. */
export interface ClaimedEmail {
	id: number;
	to: string;
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
	messageId: string;
	attempts: number;
}

/** The first retry waits this long; each further one twice as long as the one before … */
export const FIRST_RETRY_MS = 30_000;
/** … but never longer than this. */
export const LONGEST_RETRY_MS = 15 * 60_000;
/** An e-mail that could not go out for this long is given up, with the last reason kept. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
/** The reason kept for an e-mail that was being handed over when the server stopped. */
export const INTERRUPTED = 'interrupted';

/** How long to wait after the `attempts`-th failed attempt. */
export function retryDelay(attempts: number): number {
	return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

const statements = (db: Conn) => {
	const client = clientOf(db);
	return {
		insert: client.prepare(
			`insert into outbox (user_id, to_address, topic, subject, text, html, headers, message_id,
			   sensitive, next_attempt_at, created_at)
			 values (@userId, @to, @topic, @subject, @text, @html, @headers, @messageId, @sensitive,
			   @now, @now)`
		),
		nextDue: client.prepare(
			`select id, to_address as "to", subject, text, html, headers, message_id as messageId,
			   attempts
			 from outbox where state = 'pending' and next_attempt_at <= ?
			 order by next_attempt_at, id limit 1`
		),
		claim: client.prepare(
			`update outbox set state = 'sending', attempts = attempts + 1 where id = ? and state = 'pending'`
		),
		sent: client.prepare(
			`update outbox set state = 'sent', sent_at = @now, last_error = null,
			   text = iif(sensitive, '', text), html = iif(sensitive, '', html)
			 where id = @id and state = 'sending'`
		),
		retry: client.prepare(
			`update outbox set state = 'pending', next_attempt_at = @next, last_error = @error
			 where id = @id and state = 'sending'`
		),
		fail: client.prepare(
			`update outbox set state = 'failed', last_error = @error,
			   text = iif(sensitive, '', text), html = iif(sensitive, '', html)
			 where id = @id and state in ('sending', 'pending')`
		),
		createdAt: client.prepare('select created_at from outbox where id = ?').pluck(),
		interrupted: client.prepare(
			`update outbox set state = 'failed', last_error = '${INTERRUPTED}',
			   text = iif(sensitive, '', text), html = iif(sensitive, '', html)
			 where state = 'sending'`
		),
		earliest: client
			.prepare(`select min(next_attempt_at) from outbox where state = 'pending'`)
			.pluck()
	};
};

/**
 * Puts an e-mail into the outbox, inside the transaction of the change that causes it: it
 * exists exactly when the change does. The sender hears of it once the change is stored.
 */
export function enqueueEmail(db: Conn, change: Change, mail: OutgoingEmail, now: Date): number {
	const id = Number(
		prepared(db, statements).insert.run({
			userId: mail.userId,
			to: mail.to,
			topic: mail.topic,
			subject: mail.subject,
			text: mail.text,
			html: mail.html,
			headers: JSON.stringify(mail.headers ?? {}),
			// Stable across attempts, so that a mail program shows a resent e-mail once.
			messageId: `<${randomBytes(12).toString('hex')}@dreiklang>`,
			sensitive: mail.sensitive ? 1 : 0,
			now: now.getTime()
		}).lastInsertRowid
	);
	change.emit({ type: 'mail_queued', outboxId: id });
	return id;
}

/**
 * Puts an e-mail of its own into the outbox — one that no other change causes, e.g. an admin's
 * test e-mail.
 */
export function queueEmail(db: Db, mail: OutgoingEmail, now = new Date()): number {
	return commitChange(db, (change) => enqueueEmail(db, change, mail, now));
}

type DueRow = Omit<ClaimedEmail, 'headers'> & { headers: string };

/**
 * Claims the next e-mail that is due, marking it `sending` before anything leaves: should the
 * server stop between handing it to SMTP and marking it sent, it is never sent again.
 */
export function claimNextEmail(db: Db, now = new Date()): ClaimedEmail | null {
	return commitChange(db, () => {
		const q = prepared(db, statements);
		const row = q.nextDue.get(now.getTime()) as DueRow | undefined;
		if (!row) return null;
		q.claim.run(row.id);
		return { ...row, headers: JSON.parse(row.headers), attempts: row.attempts + 1 };
	});
}

/** The SMTP server took the e-mail. */
export function markEmailSent(db: Db, id: number, now = new Date()) {
	commitChange(db, () => {
		prepared(db, statements).sent.run({ id, now: now.getTime() });
	});
}

/**
 * An attempt failed: the e-mail waits for its next attempt (backing off), or — when the server
 * refused it for good, or it has been trying for a day — it is given up with the reason kept.
 */
export function markEmailFailed(
	db: Db,
	email: { id: number; attempts: number },
	reason: string,
	{ permanent = false, now = new Date() }: { permanent?: boolean; now?: Date } = {}
) {
	commitChange(db, () => {
		const q = prepared(db, statements);
		const error = reason.slice(0, 500);
		const createdAt = q.createdAt.get(email.id) as number | undefined;
		if (createdAt === undefined) return;
		const next = now.getTime() + retryDelay(email.attempts);
		if (permanent || next - createdAt > GIVE_UP_AFTER_MS) q.fail.run({ id: email.id, error });
		else q.retry.run({ id: email.id, next, error });
	});
}

/**
 * At start-up: e-mails found `sending` were being handed over when the server stopped. Whether
 * they arrived cannot be known; sending them again could send them twice, so they are given up
 * with that reason, and an admin can send one again from the outbox view.
 */
export function giveUpInterrupted(db: Db): number {
	return commitChange(db, () => prepared(db, statements).interrupted.run().changes);
}

/** When the next waiting e-mail is due, or null when none waits. */
export function nextEmailDue(db: Conn): Date | null {
	const at = prepared(db, statements).earliest.get() as number | null;
	return at === null ? null : new Date(at);
}

/** One e-mail as the admin's outbox view shows it: no bodies. */
export interface OutboxEntry {
	id: number;
	to: string;
	topic: OutboxTopic;
	subject: string;
	state: OutboxState;
	attempts: number;
	lastError: string | null;
	/** A sign-in link: emptied once sent or given up, and never sent again. */
	sensitive: boolean;
	nextAttemptAt: Date;
	createdAt: Date;
	sentAt: Date | null;
}

/** The newest e-mails of the outbox, and how many there are in each state. */
export function listOutbox(db: Conn, limit = 100) {
	const client = clientOf(db);
	const rows = client
		.prepare(
			`select id, to_address as "to", topic, subject, state, attempts, last_error as lastError,
			   sensitive, next_attempt_at as nextAttemptAt, created_at as createdAt, sent_at as sentAt
			 from outbox order by id desc limit ?`
		)
		.all(limit) as (Omit<OutboxEntry, 'sensitive' | 'nextAttemptAt' | 'createdAt' | 'sentAt'> & {
		sensitive: number;
		nextAttemptAt: number;
		createdAt: number;
		sentAt: number | null;
	})[];
	const counts = Object.fromEntries(
		(
			client.prepare('select state, count(*) as n from outbox group by state').all() as {
				state: OutboxState;
				n: number;
			}[]
		).map((r) => [r.state, r.n])
	) as Partial<Record<OutboxState, number>>;
	return {
		counts: {
			pending: counts.pending ?? 0,
			sending: counts.sending ?? 0,
			sent: counts.sent ?? 0,
			failed: counts.failed ?? 0
		},
		entries: rows.map((r): OutboxEntry => ({
			...r,
			sensitive: r.sensitive === 1,
			nextAttemptAt: new Date(r.nextAttemptAt),
			createdAt: new Date(r.createdAt),
			sentAt: r.sentAt === null ? null : new Date(r.sentAt)
		}))
	};
}

/**
 * An admin sends a given-up e-mail once more: it waits again as if new (another day of
 * attempts). Sensitive e-mails were emptied when given up and cannot be sent again.
 */
export function sendAgain(db: Db, id: number, now = new Date()) {
	commitChange(db, (change) => {
		const client = clientOf(db);
		const row = client.prepare('select state, sensitive from outbox where id = ?').get(id) as
			{ state: OutboxState; sensitive: number } | undefined;
		if (!row) throw new DomainError('not_found');
		if (row.state !== 'failed' || row.sensitive) throw new DomainError('wrong_state');
		client
			.prepare(
				`update outbox set state = 'pending', attempts = 0, last_error = null,
				   next_attempt_at = @now, created_at = @now where id = @id`
			)
			.run({ id, now: now.getTime() });
		change.emit({ type: 'mail_queued', outboxId: id });
	});
}
