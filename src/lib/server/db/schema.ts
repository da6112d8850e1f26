import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex,
	blob,
	check,
	foreignKey,
	real,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { DIMENSIONS, HORIZONS, STATUSES } from '../../board/cells';
import { BOARD_CHANGE_KINDS, type BoardChangeData } from '../../board/changes';
import { ROLES } from '../../roles';
import { LOCALES } from '../../locales';
import { IDEA_STATES } from '../../ideas/states';
import { FRAMEWORKS, GOAL_DIRECTIONS } from '../../goals/kinds';
import {
	DIGEST_CHOICES,
	NOTIFICATION_CHANNELS,
	NOTIFICATION_KINDS,
	REMINDER_REASONS,
	type NotificationData
} from '../../notifications/kinds';

/** Milliseconds since the epoch; `Date` objects in TypeScript. */
const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Stored lower-cased; the unique index makes e-mail case-insensitive. */
		email: text('email').notNull(),
		name: text('name').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		locale: text('locale', { enum: LOCALES }).notNull().default('de'),
		/** How often the digest e-mail comes (`notifications/kinds.ts`). */
		digest: text('digest', { enum: DIGEST_CHOICES }).notNull().default('weekly'),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		/** Null until the user has chosen a password through a one-time sign-in link. */
		passwordHash: text('password_hash'),
		/**
		 * Secret part of the user's private calendar URL. Kept readable (not hashed) because the
		 * user must be able to see and copy their link again; it unlocks nothing but a read-only
		 * list of due dates, and renewing it retires the old URL.
		 */
		calendarToken: text('calendar_token'),
		createdAt: timestamp('created_at').notNull(),
		updatedAt: timestamp('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
		uniqueIndex('users_calendar_token_unique').on(t.calendarToken)
	]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		/** SHA-256 of the session secret; the secret itself is only ever in the cookie. */
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at').notNull(),
		expiresAt: timestamp('expires_at').notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * Devices a person has signed in on before (a long-lived cookie holds the token). Failed
 * sign-ins by others slow down new devices only; from a known device the right password works
 * at once, so nobody can lock a person out by guessing at their account.
 */
export const trustedDevices = sqliteTable(
	'trusted_devices',
	{
		id: text('id').primaryKey(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at').notNull(),
		lastUsedAt: timestamp('last_used_at').notNull()
	},
	(t) => [index('trusted_devices_user_idx').on(t.userId)]
);

/** One-time sign-in links an admin hands to a new user (or one who forgot their password). */
export const signInLinks = sqliteTable(
	'sign_in_links',
	{
		id: text('id').primaryKey(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at').notNull(),
		expiresAt: timestamp('expires_at').notNull()
	},
	(t) => [index('sign_in_links_user_idx').on(t.userId)]
);

export const boards = sqliteTable('boards', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	horizonShort: text('horizon_short').notNull().default(''),
	horizonMedium: text('horizon_medium').notNull().default(''),
	horizonLong: text('horizon_long').notNull().default(''),
	goalEcological: text('goal_ecological').notNull().default(''),
	goalEconomic: text('goal_economic').notNull().default(''),
	goalSocial: text('goal_social').notNull().default(''),
	/**
	 * After how many days without a progress entry an action of each horizon reminds its owners:
	 * part of the frame that leadership sets.
	 */
	quietDaysShort: integer('quiet_days_short').notNull().default(30),
	quietDaysMedium: integer('quiet_days_medium').notNull().default(60),
	quietDaysLong: integer('quiet_days_long').notNull().default(180),
	/**
	 * The public read-only page at `/p/<token>`: off by default, turned on by an admin; renewing
	 * the token retires the old link. Owners' names show there only when the organisation allows.
	 */
	publicToken: text('public_token').unique('boards_public_token_idx'),
	publicEnabled: integer('public_enabled', { mode: 'boolean' }).notNull().default(false),
	publicOwnerNames: integer('public_owner_names', { mode: 'boolean' }).notNull().default(false),
	version: integer('version').notNull().default(1),
	createdAt: timestamp('created_at').notNull(),
	updatedAt: timestamp('updated_at').notNull()
});

export const actions = sqliteTable(
	'actions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		boardId: integer('board_id')
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** Markdown; rendered without raw HTML. */
		description: text('description').notNull().default(''),
		dimension: text('dimension', { enum: DIMENSIONS }).notNull(),
		horizon: text('horizon', { enum: HORIZONS }).notNull(),
		/** Fractional ordering key: a move rewrites only the moved action. */
		position: text('position').notNull(),
		status: text('status', { enum: STATUSES }).notNull().default('planned'),
		progress: integer('progress').notNull().default(0),
		/** Calendar date `YYYY-MM-DD`, no time zone. */
		dueDate: text('due_date'),
		/** When work on it starts (optional, `YYYY-MM-DD`): the timeline draws it from here to due. */
		startDate: text('start_date'),
		/** Shown on the board's public page (when the organisation has one). */
		isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
		/** The description may be shown publicly too; otherwise it is internal. */
		descriptionPublic: integer('description_public', { mode: 'boolean' }).notNull().default(false),
		/** Grows with every change: the base of optimistic concurrency. */
		version: integer('version').notNull().default(1),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at').notNull(),
		updatedAt: timestamp('updated_at').notNull(),
		archivedAt: timestamp('archived_at')
	},
	(t) => [
		// The board reads one cell after another in order. Live and archived actions are apart in
		// it (`archived_at` before `position`), so reading, counting or skipping the live cards of
		// a cell — a move, a card's place — never touches the table.
		index('actions_cell_idx').on(t.boardId, t.dimension, t.horizon, t.archivedAt, t.position),
		index('actions_board_due_idx').on(t.boardId, t.dueDate),
		check('actions_progress_range', sql`${t.progress} between 0 and 100`)
	]
);

export const actionOwners = sqliteTable(
	'action_owners',
	{
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.actionId, t.userId] }),
		index('action_owners_user_idx').on(t.userId)
	]
);

/** Who follows which action (for "what comes next" and the calendar feed). */
export const follows = sqliteTable(
	'follows',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.actionId] }),
		index('follows_action_idx').on(t.actionId)
	]
);

export const progressEntries = sqliteTable(
	'progress_entries',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
		note: text('note').notNull().default(''),
		progress: integer('progress').notNull(),
		status: text('status', { enum: STATUSES }),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [index('progress_entries_action_idx').on(t.actionId, t.createdAt)]
);

export const EVENT_TYPES = BOARD_CHANGE_KINDS;
export type EventType = (typeof EVENT_TYPES)[number];

/** History of every change; ids grow, so the live stream can resume from one. */
export const events = sqliteTable(
	'events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		boardId: integer('board_id')
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		actionId: integer('action_id').references(() => actions.id, { onDelete: 'cascade' }),
		actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
		type: text('type', { enum: EVENT_TYPES }).notNull(),
		/** JSON with what changed, e.g. `{from: {dimension, horizon}, to: {…}}` for a move. */
		data: text('data', { mode: 'json' })
			.$type<BoardChangeData['data']>()
			.notNull()
			.default({} as BoardChangeData['data']),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [
		index('events_board_idx').on(t.boardId, t.id),
		index('events_action_idx').on(t.actionId, t.id)
	]
);

/** Small key/value facts about the database itself, e.g. that `npm run demo` created it. */
export const appMeta = sqliteTable('app_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Board = typeof boards.$inferSelect;
export type Action = typeof actions.$inferSelect;
export type ProgressEntry = typeof progressEntries.$inferSelect;
export type Event = typeof events.$inferSelect;
export type Idea = typeof ideas.$inferSelect;

/**
 * An idea from anyone in the organisation. `proposerName` keeps the name as it was when the idea
 * came in (or a workshop's label, when `proposerId` is null), so an idea stays attributed after
 * its proposer leaves. With `showName` false, only the working group sees who proposed it.
 */
export const ideas = sqliteTable(
	'ideas',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		title: text('title').notNull(),
		text: text('text').notNull().default(''),
		/** Null: the proposer did not know which dimension it touches. */
		dimension: text('dimension', { enum: DIMENSIONS }),
		state: text('state', { enum: IDEA_STATES }).notNull().default('submitted'),
		/** The public reason of a decline or merge. */
		reason: text('reason'),
		proposerId: integer('proposer_id').references(() => users.id),
		proposerName: text('proposer_name').notNull(),
		showName: integer('show_name', { mode: 'boolean' }).notNull().default(true),
		mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => ideas.id),
		actionId: integer('action_id').references(() => actions.id),
		version: integer('version').notNull().default(1),
		createdAt: timestamp('created_at').notNull(),
		updatedAt: timestamp('updated_at').notNull(),
		decidedAt: timestamp('decided_at')
	},
	(t) => [
		index('ideas_state_idx').on(t.state, t.createdAt),
		index('ideas_proposer_idx').on(t.proposerId),
		index('ideas_action_idx').on(t.actionId),
		check('ideas_version_positive', sql`${t.version} >= 1`)
	]
);

/** One support per person and idea; who supported is seen by the working group only. */
export const ideaSupports = sqliteTable(
	'idea_supports',
	{
		ideaId: integer('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.ideaId, t.userId] }),
		index('idea_supports_user_idx').on(t.userId)
	]
);

/** The public history of an idea: each state it reached, with the reason and who set it. */
export const ideaHistory = sqliteTable(
	'idea_history',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		ideaId: integer('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		state: text('state', { enum: IDEA_STATES }).notNull(),
		reason: text('reason'),
		actorId: integer('actor_id').references(() => users.id),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [index('idea_history_idea_idx').on(t.ideaId, t.id)]
);

/**
 * What a person hears about (one row per person and change). `data` keeps the facts as they were
 * — titles, names, states, the reason — so that each entry is worded later in the reader's
 * language, also for an e-mail. The index serves the bell's count and the newest-first list.
 */
export const notifications = sqliteTable(
	'notifications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
		data: text('data', { mode: 'json' }).$type<NotificationData>().notNull(),
		url: text('url').notNull(),
		readAt: timestamp('read_at'),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.id)]
);

/**
 * A person's choice per kind, only where it differs from the default (`notifications/kinds.ts`):
 * the defaults can change in code without rewriting anyone's rows.
 */
export const notificationSettings = sqliteTable(
	'notification_settings',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
		channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.kind] })]
);

export type Notification = typeof notifications.$inferSelect;

/** What an e-mail is about: a notification's kind, the digest, a sign-in link or a test. */
export const OUTBOX_TOPICS = [...NOTIFICATION_KINDS, 'digest', 'sign_in_link', 'test'] as const;
export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed'] as const;

/**
 * E-mails on their way out, written in the same transaction as what caused them and sent by
 * one sender (`notify/mail-sender.ts`). A row is claimed (`sending`) before the SMTP call and
 * only then marked `sent`: a row found `sending` after a restart is never sent again.
 * `sensitive` bodies (sign-in links) are emptied once the row is done with.
 */
export const outbox = sqliteTable(
	'outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		toAddress: text('to_address').notNull(),
		topic: text('topic', { enum: OUTBOX_TOPICS }).notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		html: text('html').notNull(),
		/** Extra headers, e.g. `List-Unsubscribe`; JSON. */
		headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		messageId: text('message_id').notNull(),
		state: text('state', { enum: OUTBOX_STATES }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at').notNull(),
		lastError: text('last_error'),
		sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
		createdAt: timestamp('created_at').notNull(),
		sentAt: timestamp('sent_at')
	},
	(t) => [index('outbox_due_idx').on(t.state, t.nextAttemptAt)]
);

/**
 * Which reminder went out: one row per action, reason, the day the reason began and step of
 * the cadence. The key makes each step happen once, also when the job runs twice or late.
 */
export const remindersSent = sqliteTable(
	'reminders_sent',
	{
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		reason: text('reason', { enum: REMINDER_REASONS }).notNull(),
		/** The day (YYYY-MM-DD) the reason began: a new due date or new progress starts anew. */
		since: text('since').notNull(),
		step: integer('step').notNull(),
		sentAt: timestamp('sent_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.actionId, t.reason, t.since, t.step] })]
);

/** Which digest a person got: one per period (`2026-W48`, `2026-11`). */
export const digestsSent = sqliteTable(
	'digests_sent',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		period: text('period').notNull(),
		sentAt: timestamp('sent_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.period] })]
);

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * A goal of a board in one dimension, measured by an indicator: its unit, where it stood
 * (baseline value and year), where it should be (target value and year), and whether more or
 * less is better. Leadership sets it; like actions, a `version` guards against lost updates.
 */
export const goals = sqliteTable(
	'goals',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		boardId: integer('board_id')
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		dimension: text('dimension', { enum: DIMENSIONS }).notNull(),
		name: text('name').notNull(),
		unit: text('unit').notNull().default(''),
		baselineValue: real('baseline_value').notNull(),
		baselineYear: integer('baseline_year').notNull(),
		targetValue: real('target_value').notNull(),
		targetYear: integer('target_year').notNull(),
		direction: text('direction', { enum: GOAL_DIRECTIONS }).notNull(),
		version: integer('version').notNull().default(1),
		createdAt: timestamp('created_at').notNull(),
		updatedAt: timestamp('updated_at').notNull()
	},
	(t) => [
		index('goals_board_idx').on(t.boardId, t.dimension),
		check('goals_years_in_order', sql`${t.targetYear} > ${t.baselineYear}`)
	]
);

/** A measured value of a goal's indicator: on which day, and where the number comes from. */
export const goalValues = sqliteTable(
	'goal_values',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		goalId: integer('goal_id')
			.notNull()
			.references(() => goals.id, { onDelete: 'cascade' }),
		value: real('value').notNull(),
		/** Calendar date `YYYY-MM-DD`, no time zone. */
		date: text('date').notNull(),
		source: text('source'),
		authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [index('goal_values_goal_idx').on(t.goalId, t.date)]
);

/** Which goals an action serves. */
export const actionGoals = sqliteTable(
	'action_goals',
	{
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		goalId: integer('goal_id')
			.notNull()
			.references(() => goals.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.actionId, t.goalId] }),
		index('action_goals_goal_idx').on(t.goalId)
	]
);

/**
 * The codes of the reporting frameworks (DNK criteria 1–20, SDGs 1–17) with their titles in
 * German and English, seeded by the migration that made the table and never changed; beside them
 * the organisation's own tags (framework `own`), numbered as they are made, with one name for
 * both languages.
 */
export const frameworkCodes = sqliteTable(
	'framework_codes',
	{
		framework: text('framework', { enum: FRAMEWORKS }).notNull(),
		code: integer('code').notNull(),
		titleDe: text('title_de').notNull(),
		titleEn: text('title_en').notNull()
	},
	(t) => [primaryKey({ columns: [t.framework, t.code] })]
);

/** Which framework codes an action is tagged with. */
export const actionCodes = sqliteTable(
	'action_codes',
	{
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		framework: text('framework', { enum: FRAMEWORKS }).notNull(),
		code: integer('code').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.actionId, t.framework, t.code] }),
		foreignKey({
			columns: [t.framework, t.code],
			foreignColumns: [frameworkCodes.framework, frameworkCodes.code]
		}).onDelete('cascade'),
		index('action_codes_code_idx').on(t.framework, t.code)
	]
);

/** Which framework codes a goal is tagged with. */
export const goalCodes = sqliteTable(
	'goal_codes',
	{
		goalId: integer('goal_id')
			.notNull()
			.references(() => goals.id, { onDelete: 'cascade' }),
		framework: text('framework', { enum: FRAMEWORKS }).notNull(),
		code: integer('code').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.goalId, t.framework, t.code] }),
		foreignKey({
			columns: [t.framework, t.code],
			foreignColumns: [frameworkCodes.framework, frameworkCodes.code]
		}).onDelete('cascade'),
		index('goal_codes_code_idx').on(t.framework, t.code)
	]
);

/**
 * A frozen report: the report of a period exactly as a leader published it. `snapshot` holds the
 * whole report (JSON) so that later moves, edits and archiving leave it as it was.
 */
export const reports = sqliteTable(
	'reports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		boardId: integer('board_id')
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** The period, calendar dates `YYYY-MM-DD`, both days included. */
		fromDate: text('from_date').notNull(),
		toDate: text('to_date').notNull(),
		snapshot: text('snapshot', { mode: 'json' }).notNull(),
		frozenBy: integer('frozen_by').references(() => users.id, { onDelete: 'set null' }),
		frozenAt: timestamp('frozen_at').notNull()
	},
	(t) => [
		index('reports_board_idx').on(t.boardId, t.frozenAt),
		check('reports_period_in_order', sql`${t.toDate} >= ${t.fromDate}`)
	]
);

export type Goal = typeof goals.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type GoalValue = typeof goalValues.$inferSelect;
