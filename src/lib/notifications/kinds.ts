import type { Cell, Status } from '../board/cells';
import type { IdeaState } from '../ideas/states';

/**
 * What a person can hear about — each one a choice of its own in their settings (the digest is
 * a choice of its own: `DIGEST_CHOICES`).
 */
export const NOTIFICATION_KINDS = [
	'owner_added',
	'owner_removed',
	'action_progress',
	'action_status',
	'action_moved',
	'action_archived',
	'action_due_date',
	'idea_state',
	'idea_accepted',
	'idea_supported',
	'reminder_due_soon',
	'reminder_overdue',
	'reminder_no_progress'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a kind goes: into the app only, into the app and by e-mail, or nowhere. */
export const NOTIFICATION_CHANNELS = ['app', 'email', 'off'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * What everybody hears until they choose otherwise. Only a person's own choices are stored, so
 * a default changed here reaches everyone who never touched it.
 */
export const DEFAULT_CHANNELS: Record<NotificationKind, NotificationChannel> = {
	owner_added: 'email',
	owner_removed: 'email',
	action_progress: 'app',
	action_status: 'app',
	action_moved: 'app',
	action_archived: 'app',
	action_due_date: 'app',
	idea_state: 'email',
	idea_accepted: 'email',
	idea_supported: 'app',
	reminder_due_soon: 'email',
	reminder_overdue: 'email',
	reminder_no_progress: 'email'
};

/** The kinds a person's settings group together, in this order, under one heading each. */
export const NOTIFICATION_GROUPS = {
	ownership: ['owner_added', 'owner_removed'],
	actions: [
		'action_progress',
		'action_status',
		'action_moved',
		'action_archived',
		'action_due_date'
	],
	ideas: ['idea_state', 'idea_accepted', 'idea_supported'],
	reminders: ['reminder_due_soon', 'reminder_overdue', 'reminder_no_progress']
} as const satisfies Record<string, readonly NotificationKind[]>;

/** How often the digest e-mail comes: weekly unless a person chooses otherwise. */
export const DIGEST_CHOICES = ['weekly', 'monthly', 'off'] as const;
export type DigestChoice = (typeof DIGEST_CHOICES)[number];
export const DEFAULT_DIGEST: DigestChoice = 'weekly';

/** Why an action reminds its owners: due in 7 days, overdue, or no progress for too long. */
export const REMINDER_REASONS = ['due_soon', 'overdue', 'no_progress'] as const;
export type ReminderReason = (typeof REMINDER_REASONS)[number];

/** What the unsubscribe link of an e-mail turns off: one kind, or the digest. */
export type UnsubscribeTopic = NotificationKind | 'digest';

interface ActionFacts {
	actionId: number;
	actionTitle: string;
	/** Who made the change, by the name they had then (null: a person since removed). */
	actorName: string | null;
}

interface IdeaFacts {
	ideaId: number;
	ideaTitle: string;
}

/**
 * The facts each kind keeps, enough to word it later in the reader's language (in the app or in
 * an e-mail). Who supported an idea is for the working group only, so `idea_supported` names
 * nobody.
 */
export interface NotificationFacts {
	owner_added: ActionFacts;
	owner_removed: ActionFacts;
	action_progress: ActionFacts & { progress: number; status?: Status };
	action_status: ActionFacts & { status: Status };
	action_moved: ActionFacts & { from: Cell; to: Cell };
	action_archived: ActionFacts;
	action_due_date: ActionFacts & { dueDate: string | null };
	idea_state: IdeaFacts & {
		state: IdeaState;
		reason: string | null;
		actorName: string | null;
		/** Where a merged idea went on. */
		into?: { id: number; title: string };
	};
	idea_accepted: IdeaFacts & { actionId: number; actionTitle: string; actorName: string | null };
	idea_supported: IdeaFacts;
	reminder_due_soon: ReminderFacts & { dueDate: string };
	reminder_overdue: ReminderFacts & { dueDate: string };
	reminder_no_progress: ReminderFacts & {
		/** The last progress entry's day, or null when there was none (counted from its start). */
		lastProgress: string | null;
	};
}

interface ReminderFacts {
	actionId: number;
	actionTitle: string;
	/** True when the action has no owner and the coordinators hear instead. */
	unowned: boolean;
	/** Days since the reason began: how late, or how long without progress (due soon: days left). */
	days: number;
}

/** One kind with its facts, e.g. `{kind: 'action_moved', data: {actionId, …, from, to}}`. */
export type NotificationContent = {
	[K in NotificationKind]: { kind: K; data: NotificationFacts[K] };
}[NotificationKind];

export type NotificationData = NotificationContent['data'];

// Every kind is listed above: adding one to `NotificationFacts` without listing it fails to compile.
type Unlisted = Exclude<keyof NotificationFacts, NotificationKind>;
export const allNotificationKindsListed: Unlisted extends never ? true : never = true;
