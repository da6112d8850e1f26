import type { Conn, Db } from '../db';
import { clientOf, prepared } from '../db/prepared';
import { commitChange } from '../events/commit';
import { addDays, daysBetween, today } from '../../board/dates';
import {
	REMINDER_REASONS,
	type NotificationContent,
	type ReminderReason
} from '../../notifications/kinds';

/** An action reminds once when its due date is this many days away (or closer). */
export const DUE_SOON_DAYS = 7;

/**
 * The cadence of a lasting reason (overdue, no progress), as Kausal Watch reminds of late tasks:
 * on day 1, day 7, then every 30 days (37, 67, …). Returns the step whose day came last — the one
 * to send now — or null before day 1.
 */
export function cadenceStep(days: number): number | null {
	if (days < 1) return null;
	if (days < 7) return 0;
	return 1 + Math.floor((days - 7) / 30);
}

/** The day of a step of the cadence: 1, 7, 37, 67, … */
export function cadenceDay(step: number): number {
	return step === 0 ? 1 : 7 + 30 * (step - 1);
}

/** What the job knows about an action that could remind (one row of `candidates`). */
export interface ReminderCandidate {
	id: number;
	title: string;
	status: 'planned' | 'in_progress';
	dueDate: string | null;
	createdAt: number;
	/** The board's threshold for the action's horizon. */
	quietDays: number;
	/** Running actions only: the newest progress entry. */
	lastProgressAt: number | null;
	/** Running actions only: when its status was last set to in progress by an edit. */
	startedAt: number | null;
}

/** A step of a reason that has come, before anybody is told. */
export interface ReminderStep {
	actionId: number;
	reason: ReminderReason;
	/** The day the reason began (`YYYY-MM-DD`): the due date, or the day the threshold was crossed. */
	since: string;
	step: number;
	/** The content without its recipients (who decide `unowned`). */
	content: (unowned: boolean) => NotificationContent;
}

/**
 * The steps that have come for one action on `day` (a local `YYYY-MM-DD`), at most one per reason:
 * - due soon: once per due date, from 7 days before it up to the day itself;
 * - overdue: from the day after the due date, on the cadence;
 * - no progress (running actions only — a planned one has not started): from the day after the
 *   threshold was crossed, counted from the newest progress entry or, when it went in progress
 *   later or there is none, from that (or its creation). New progress starts a new `since`.
 */
export function reminderSteps(action: ReminderCandidate, day: string): ReminderStep[] {
	const steps: ReminderStep[] = [];
	const facts = (unowned: boolean, days: number) => ({
		actionId: action.id,
		actionTitle: action.title,
		unowned,
		days
	});
	const due = action.dueDate;
	if (due !== null) {
		const left = daysBetween(day, due);
		if (left >= 0 && left <= DUE_SOON_DAYS) {
			steps.push({
				actionId: action.id,
				reason: 'due_soon',
				since: due,
				step: 0,
				content: (unowned) => ({
					kind: 'reminder_due_soon',
					data: { ...facts(unowned, left), dueDate: due }
				})
			});
		}
		const late = -left;
		const step = cadenceStep(late);
		if (step !== null) {
			steps.push({
				actionId: action.id,
				reason: 'overdue',
				since: due,
				step,
				content: (unowned) => ({
					kind: 'reminder_overdue',
					data: { ...facts(unowned, late), dueDate: due }
				})
			});
		}
	}
	if (action.status === 'in_progress') {
		const lastProgress =
			action.lastProgressAt === null ? null : today(new Date(action.lastProgressAt));
		const started = today(new Date(action.startedAt ?? action.createdAt));
		// The newest of both: progress logged while it was still planned does not count against it.
		const counted = lastProgress !== null && lastProgress >= started ? lastProgress : started;
		const quiet = daysBetween(counted, day);
		const since = addDays(counted, action.quietDays);
		const step = cadenceStep(daysBetween(since, day));
		if (step !== null) {
			steps.push({
				actionId: action.id,
				reason: 'no_progress',
				since,
				step,
				content: (unowned) => ({
					kind: 'reminder_no_progress',
					data: {
						...facts(unowned, quiet),
						lastProgress: counted === lastProgress ? counted : null
					}
				})
			});
		}
	}
	return steps;
}

const statements = (db: Conn) => {
	const client = clientOf(db);
	return {
		// Every live action that is planned or running, with what its reminders depend on. The
		// subqueries read the progress and history indexes of running actions only.
		candidates: client.prepare(
			`select a.id, a.title, a.status, a.due_date as dueDate, a.created_at as createdAt,
			   case a.horizon when 'short' then b.quiet_days_short
			     when 'medium' then b.quiet_days_medium else b.quiet_days_long end as quietDays,
			   case when a.status = 'in_progress' then
			     (select max(p.created_at) from progress_entries p where p.action_id = a.id) end
			     as lastProgressAt,
			   case when a.status = 'in_progress' then
			     (select max(e.created_at) from events e
			      where e.action_id = a.id and e.type = 'edited'
			        and json_extract(e.data, '$.changed.status.to') = 'in_progress') end as startedAt
			 from actions a join boards b on b.id = a.board_id
			 where a.archived_at is null and a.status in ('planned', 'in_progress')`
		),
		// Which of the given steps (`[[actionId, reason, since, step], …]`) went out already.
		sent: client.prepare(
			`select r.action_id as actionId, r.reason, r.since, r.step
			 from json_each(@keys) k
			 join reminders_sent r
			   on r.action_id = json_extract(k.value, '$[0]') and r.reason = json_extract(k.value, '$[1]')
			  and r.since = json_extract(k.value, '$[2]') and r.step = json_extract(k.value, '$[3]')`
		),
		activeOwners: client.prepare(
			`select o.action_id as actionId, o.user_id as userId
			 from action_owners o join users u on u.id = o.user_id
			 where u.active = 1 and o.action_id in (select value from json_each(@ids))
			 order by o.action_id, o.user_id`
		),
		coordinators: client
			.prepare(`select id from users where role = 'admin' and active = 1 order by id`)
			.pluck(),
		markSent: client.prepare(
			`insert or ignore into reminders_sent (action_id, reason, since, step, sent_at)
			 values (@actionId, @reason, @since, @step, @now)`
		)
	};
};

const keyOf = (s: { actionId: number; reason: string; since: string; step: number }) =>
	`${s.actionId}|${s.reason}|${s.since}|${s.step}`;

/** A reminder that went out in a run. */
export interface SentReminder {
	actionId: number;
	reason: ReminderReason;
	since: string;
	step: number;
	recipients: number[];
	unowned: boolean;
}

export interface ReminderRun {
	sent: SentReminder[];
	/** Actions whose reminders could not be written; they are tried again on the next run. */
	failed: { actionId: number; error: unknown }[];
}

/**
 * One run of the reminder job at `now` (the server's local calendar day counts). Each reason of
 * each action sends only its current step, and only if that step has not gone out yet: a second
 * run the same day sends nothing, a run after downtime sends the step that has come once and
 * skips those missed entirely. Recipients are the action's active owners, or — when it has none
 * — the active coordinators (admins), told that nobody is responsible.
 *
 * A few set-based queries find what is due; then each action's reminders are marked sent and
 * emitted in one change, so that the notifications (written by the subscriber in the same
 * transaction) exist exactly when the mark does. One action's failure does not stop the others.
 */
export function sendDueReminders(db: Db, now: Date): ReminderRun {
	const q = prepared(db, statements);
	const day = today(now);
	const due = (q.candidates.all() as ReminderCandidate[]).flatMap((a) => reminderSteps(a, day));
	const run: ReminderRun = { sent: [], failed: [] };
	if (due.length === 0) return run;

	const keys = JSON.stringify(due.map((s) => [s.actionId, s.reason, s.since, s.step]));
	const already = new Set(
		(
			q.sent.all({ keys }) as { actionId: number; reason: string; since: string; step: number }[]
		).map(keyOf)
	);
	const byAction = new Map<number, ReminderStep[]>();
	for (const step of due) {
		if (already.has(keyOf(step))) continue;
		const list = byAction.get(step.actionId);
		if (list) list.push(step);
		else byAction.set(step.actionId, [step]);
	}
	if (byAction.size === 0) return run;

	const owners = new Map<number, number[]>();
	const ownerRows = q.activeOwners.all({ ids: JSON.stringify([...byAction.keys()]) }) as {
		actionId: number;
		userId: number;
	}[];
	for (const { actionId, userId } of ownerRows) {
		const list = owners.get(actionId);
		if (list) list.push(userId);
		else owners.set(actionId, [userId]);
	}
	const coordinators = q.coordinators.all() as number[];

	for (const [actionId, steps] of byAction) {
		const own = owners.get(actionId);
		const unowned = !own;
		const recipients = own ?? coordinators;
		steps.sort((a, b) => REMINDER_REASONS.indexOf(a.reason) - REMINDER_REASONS.indexOf(b.reason));
		try {
			const sent = commitChange(db, (change) => {
				const done: SentReminder[] = [];
				for (const step of steps) {
					const { changes } = q.markSent.run({
						actionId,
						reason: step.reason,
						since: step.since,
						step: step.step,
						now: now.getTime()
					});
					if (changes === 0) continue;
					change.emit({
						type: 'reminder_due',
						actionId,
						reason: step.reason,
						step: step.step,
						recipients,
						content: step.content(unowned),
						createdAt: now
					});
					done.push({
						actionId,
						reason: step.reason,
						since: step.since,
						step: step.step,
						recipients,
						unowned
					});
				}
				return done;
			});
			run.sent.push(...sent);
		} catch (error) {
			run.failed.push({ actionId, error });
		}
	}
	return run;
}
