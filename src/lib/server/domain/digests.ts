import type { Conn, Db } from '../db';
import { clientOf, prepared } from '../db/prepared';
import { commitChange } from '../events/commit';
import { addDays, today } from '../../board/dates';
import type { Cell } from '../../board/cells';

/** The digest is due from this hour (server time) on its Monday or first of the month. */
export const DIGEST_HOUR = 7;
/** The digest lists what falls due within this many days. */
export const DIGEST_DUE_DAYS = 14;

export type DigestFrequency = 'weekly' | 'monthly';

/** A digest's period: `2026-W48` or `2026-11`, from its first moment up to (not including) `to`. */
export interface DigestPeriod {
	key: string;
	from: Date;
	to: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO week of the week starting on `monday` (`YYYY-MM-DD`): `2026-W48`. */
export function isoWeekKey(monday: string): string {
	// The ISO week belongs to the year of its Thursday and counts from that year's first Thursday.
	const thursday = addDays(monday, 3);
	const year = Number(thursday.slice(0, 4));
	const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000;
	return `${year}-W${pad(Math.floor(dayOfYear / 7) + 1)}`;
}

/**
 * The latest period whose digest is due at `now` (server time): the last whole ISO week once
 * Monday 07:00 has come, the last calendar month once the 1st 07:00 has come. Before that hour
 * it is the period before. Only this one is sent, also after downtime.
 */
export function latestDuePeriod(frequency: DigestFrequency, now: Date): DigestPeriod {
	const y = now.getFullYear();
	const mo = now.getMonth();
	const d = now.getDate();
	if (frequency === 'monthly') {
		const back = now < new Date(y, mo, 1, DIGEST_HOUR) ? 1 : 0;
		const from = new Date(y, mo - 1 - back, 1);
		return {
			key: `${from.getFullYear()}-${pad(from.getMonth() + 1)}`,
			from,
			to: new Date(y, mo - back, 1)
		};
	}
	const sinceMonday = (now.getDay() + 6) % 7;
	let monday = d - sinceMonday;
	if (now < new Date(y, mo, monday, DIGEST_HOUR)) monday -= 7;
	const from = new Date(y, mo, monday - 7);
	return { key: isoWeekKey(today(from)), from, to: new Date(y, mo, monday) };
}

const statements = (db: Conn) => {
	const client = clientOf(db);
	return {
		// Who gets a digest and has not had the one of their latest period.
		due: client.prepare(
			`select u.id, u.digest from users u
			 where u.active = 1 and u.digest in ('weekly', 'monthly') and trim(u.email) != ''
			   -- Who joined after the period ended starts with the next one.
			   and u.created_at < iif(u.digest = 'weekly', @weekEnd, @monthEnd)
			   and not exists (
			     select 1 from digests_sent d
			     where d.user_id = u.id and d.period = iif(u.digest = 'weekly', @week, @month))
			 order by u.id`
		),
		markSent: client.prepare(
			`insert or ignore into digests_sent (user_id, period, sent_at) values (@userId, @period, @now)`
		),
		moves: client.prepare(
			`select e.action_id as id, a.title, e.data from events e
			 join actions a on a.id = e.action_id
			 where e.type = 'moved' and e.created_at >= @from and e.created_at < @to
			   and a.archived_at is null
			 order by e.id`
		),
		done: client.prepare(
			`select a.id, a.title from actions a
			 where a.status = 'done' and a.archived_at is null
			   and exists (
			     select 1 from events e
			     where e.action_id = a.id and e.created_at >= @from and e.created_at < @to
			       and ((e.type = 'edited' and json_extract(e.data, '$.changed.status.to') = 'done')
			         or (e.type = 'progress' and json_extract(e.data, '$.status') = 'done')))
			 order by a.id`
		),
		ideas: client.prepare(
			`select id, title from ideas
			 where created_at >= @from and created_at < @to and state != 'withdrawn'
			 order by created_at, id`
		),
		dueSoon: client.prepare(
			`select id, title, due_date as dueDate from actions
			 where archived_at is null and status in ('planned', 'in_progress')
			   and due_date between @today and @until
			 order by due_date, id`
		)
	};
};

/** A person's digest of a period is due: in the digest's change, for its subscriber to send. */
export interface DueDigest {
	userId: number;
	period: string;
}

/**
 * One run of the digest job at `now`: everyone active with an address, whose choice is weekly or
 * monthly and whose latest due period has not been handled, gets it — the period is marked and
 * `digest_due` emitted in one change, so the e-mail (written by the subscriber in the same
 * transaction) exists exactly when the mark does. Only call it while e-mail is on: a handled
 * period is never sent again.
 */
export function sendDueDigests(db: Db, now: Date): { sent: DueDigest[]; failed: unknown[] } {
	const q = prepared(db, statements);
	const periods = {
		weekly: latestDuePeriod('weekly', now),
		monthly: latestDuePeriod('monthly', now)
	};
	const people = q.due.all({
		week: periods.weekly.key,
		month: periods.monthly.key,
		weekEnd: periods.weekly.to.getTime(),
		monthEnd: periods.monthly.to.getTime()
	}) as {
		id: number;
		digest: DigestFrequency;
	}[];
	const run = { sent: [] as DueDigest[], failed: [] as unknown[] };
	for (const person of people) {
		const period = periods[person.digest];
		try {
			const marked = commitChange(db, (change) => {
				const { changes } = q.markSent.run({
					userId: person.id,
					period: period.key,
					now: now.getTime()
				});
				if (changes === 0) return false;
				change.emit({
					type: 'digest_due',
					userId: person.id,
					period: period.key,
					from: period.from,
					to: period.to,
					createdAt: now
				});
				return true;
			});
			if (marked) run.sent.push({ userId: person.id, period: period.key });
		} catch (error) {
			run.failed.push(error);
		}
	}
	return run;
}

/** What a digest tells: titles and ids only — nobody's name or address. */
export interface DigestContent {
	/** Actions that ended the period in another cell than they began it in. */
	moved: { id: number; title: string; from: Cell; to: Cell }[];
	/** Actions set to done in the period (and done still). */
	done: { id: number; title: string }[];
	/** Ideas proposed in the period (not withdrawn). */
	ideas: { id: number; title: string }[];
	/** Planned and running actions due from today to 14 days ahead. */
	dueSoon: { id: number; title: string; dueDate: string }[];
}

export const isEmptyDigest = (c: DigestContent) =>
	!c.moved.length && !c.done.length && !c.ideas.length && !c.dueSoon.length;

/** What happened from `from` up to `to` on every board, and what falls due after `now`. */
export function digestContent(db: Conn, from: Date, to: Date, now: Date): DigestContent {
	const q = prepared(db, statements);
	const range = { from: from.getTime(), to: to.getTime() };
	const moved = new Map<number, DigestContent['moved'][number]>();
	for (const row of q.moves.all(range) as { id: number; title: string; data: string }[]) {
		const data = JSON.parse(row.data) as { from: Cell; to: Cell };
		const seen = moved.get(row.id);
		// Several moves in one period: where it began and where it ended up.
		moved.set(row.id, { id: row.id, title: row.title, from: seen?.from ?? data.from, to: data.to });
	}
	const start = today(now);
	return {
		moved: [...moved.values()].filter(
			(m) => m.from.dimension !== m.to.dimension || m.from.horizon !== m.to.horizon
		),
		done: q.done.all(range) as DigestContent['done'],
		ideas: q.ideas.all(range) as DigestContent['ideas'],
		dueSoon: q.dueSoon.all({
			today: start,
			until: addDays(start, DIGEST_DUE_DAYS)
		}) as DigestContent['dueSoon']
	};
}
