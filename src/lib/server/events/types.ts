import type { BoardChangeData } from '../../board/changes';
import type { NotificationContent, ReminderReason } from '../../notifications/kinds';

/** A change to a board: one entry of its history (the `events` table) and one live event. */
export type BoardEvent = BoardChangeData & {
	boardId: number;
	actionId: number | null;
	actorId: number | null;
	createdAt: Date;
};

/** Why sessions ended; every open stream of an ended session closes. */
export type SessionEndReason = 'signed_out' | 'password_changed' | 'deactivated' | 'expired';

/** Sessions were ended (they are not part of any board's history). */
export interface SessionsEnded {
	type: 'sessions_ended';
	userId: number;
	sessionIds: string[];
	reason: SessionEndReason;
}

/** An idea was proposed, edited, supported (or no longer), or changed its state. */
export interface IdeaChanged {
	type: 'idea_changed';
	ideaId: number;
	change: 'proposed' | 'edited' | 'supported' | 'unsupported' | 'state';
	actorId: number | null;
	version: number;
}

/** People's notifications changed (new ones, or read): their bells count anew. */
export interface NotificationsChanged {
	type: 'notifications_changed';
	userIds: number[];
}

/**
 * A step of an action's reminder cadence is due (`domain/reminders.ts`); `recipients` are its
 * owners, or the coordinators when it has none.
 */
export interface ReminderDue {
	type: 'reminder_due';
	actionId: number;
	reason: ReminderReason;
	step: number;
	recipients: number[];
	content: NotificationContent;
	createdAt: Date;
}

/**
 * A person's digest for a period is due (`domain/digests.ts`): what happened from `from` up to
 * (not including) `to`, and what is due in the two weeks after `createdAt`.
 */
export interface DigestDue {
	type: 'digest_due';
	userId: number;
	period: string;
	from: Date;
	to: Date;
	createdAt: Date;
}

/** An e-mail went into the outbox: the sender looks for work once the change is stored. */
export interface MailQueued {
	type: 'mail_queued';
	outboxId: number;
}

/** Changes that are heard but are no part of any board's history. */
type HeardOnly =
	SessionsEnded | IdeaChanged | NotificationsChanged | ReminderDue | DigestDue | MailQueued;
const HEARD_ONLY = new Set<string>([
	'mail_queued',
	'sessions_ended',
	'idea_changed',
	'notifications_changed',
	'reminder_due',
	'digest_due'
] satisfies HeardOnly['type'][]);

/** What a domain function emits while it changes something. */
export type ChangeEvent = BoardEvent | HeardOnly;

/** What subscribers hear: board events carry their id in the history (ids grow with time). */
export type CommittedEvent = (BoardEvent & { id: number }) | HeardOnly;

export const isBoardEvent = (e: CommittedEvent): e is BoardEvent & { id: number } =>
	!HEARD_ONLY.has(e.type);

/** Board events become entries of the board's history; the others are heard only. */
export const isBoardChange = (e: ChangeEvent): e is BoardEvent => !HEARD_ONLY.has(e.type);

/** What a domain function gets while it changes something: the way to say what changed. */
export interface Change {
	/** Records an event of this change; board events become history entries at once. */
	emit(event: ChangeEvent): void;
}
