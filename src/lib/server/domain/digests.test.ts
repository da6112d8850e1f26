import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { clientOf } from '../db/prepared';
import type { Db } from '../db';
import { createBoard } from './boards';
import { createAction } from './create-action';
import { updateAction } from './edit-action';
import { moveAction } from './move-action';
import { addProgress } from './progress';
import { proposeIdea, withdrawIdea } from './idea-changes';
import { proposeIdeaInput } from './idea-input';
import { setDigest } from './notifications';
import { setActive } from './users';
import {
	digestContent,
	isEmptyDigest,
	isoWeekKey,
	latestDuePeriod,
	sendDueDigests
} from './digests';
import type { CreateActionInput } from './action-input';

/** A moment of the server's time zone. */
const at = (date: string, hour = 9, minute = 0) => {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(y!, m! - 1, d!, hour, minute);
};

const handled = (db: Db) =>
	clientOf(db)
		.prepare('select user_id as userId, period from digests_sent order by rowid')
		.all() as { userId: number; period: string }[];

describe('digest periods', () => {
	it('names ISO weeks by the year of their Thursday', () => {
		expect(isoWeekKey('2026-03-02')).toBe('2026-W10');
		expect(isoWeekKey('2025-12-29')).toBe('2026-W01');
		expect(isoWeekKey('2026-12-28')).toBe('2026-W53');
		expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
	});

	it('is the last whole week from Monday 7 o’clock on, the week before until then', () => {
		expect(latestDuePeriod('weekly', at('2026-03-09', 6, 59))).toEqual({
			key: '2026-W09',
			from: at('2026-02-23', 0),
			to: at('2026-03-02', 0)
		});
		for (const now of [at('2026-03-09', 7), at('2026-03-12'), at('2026-03-16', 6)]) {
			expect(latestDuePeriod('weekly', now)).toEqual({
				key: '2026-W10',
				from: at('2026-03-02', 0),
				to: at('2026-03-09', 0)
			});
		}
		expect(latestDuePeriod('weekly', at('2027-01-04', 8)).key).toBe('2026-W53');
	});

	it('is the last calendar month from the 1st 7 o’clock on', () => {
		expect(latestDuePeriod('monthly', at('2026-03-01', 6))).toEqual({
			key: '2026-01',
			from: at('2026-01-01', 0),
			to: at('2026-02-01', 0)
		});
		expect(latestDuePeriod('monthly', at('2026-03-01', 7))).toEqual({
			key: '2026-02',
			from: at('2026-02-01', 0),
			to: at('2026-03-01', 0)
		});
		expect(latestDuePeriod('monthly', at('2027-01-15')).key).toBe('2026-12');
	});
});

async function people() {
	const db = createTestDb();
	const admin = await makeUser(db, { role: 'admin', name: 'Clara Koordination' });
	const weekly = await makeUser(db, { role: 'staff', name: 'Wanda Woche' });
	const monthly = await makeUser(db, { role: 'leader', name: 'Moritz Monat' });
	const quiet = await makeUser(db, { role: 'staff', name: 'Otto Ohne' });
	const gone = await makeUser(db, { role: 'member', name: 'Greta Gegangen' });
	setDigest(db, admin.id, 'off');
	setDigest(db, monthly.id, 'monthly');
	setDigest(db, quiet.id, 'off');
	setActive(db, admin.id, gone.id, false);
	// Everyone has been here since long before the periods of these tests.
	clientOf(db).prepare('update users set created_at = ?').run(at('2025-01-01').getTime());
	return { db, admin, weekly, monthly, quiet, gone };
}

describe('who gets a digest, and when', () => {
	it('marks each person’s latest period once, weekly or monthly as they chose', async () => {
		const { db, weekly, monthly } = await people();
		const first = sendDueDigests(db, at('2026-03-09', 8));
		expect(first.sent).toEqual([
			{ userId: weekly.id, period: '2026-W10' },
			{ userId: monthly.id, period: '2026-02' }
		]);
		expect(sendDueDigests(db, at('2026-03-09', 9)).sent).toEqual([]);
		expect(sendDueDigests(db, at('2026-03-15', 23)).sent).toEqual([]);
		// Next Monday: the weekly one again, the monthly one not.
		expect(sendDueDigests(db, at('2026-03-16', 6)).sent).toEqual([]);
		expect(sendDueDigests(db, at('2026-03-16', 7)).sent).toEqual([
			{ userId: weekly.id, period: '2026-W11' }
		]);
		expect(handled(db)).toHaveLength(3);
	});

	it('starts a newcomer with the first period that ends after they joined', async () => {
		const { db, weekly } = await people();
		const newcomer = await makeUser(db, { role: 'staff', name: 'Nele Neu' });
		clientOf(db)
			.prepare('update users set created_at = ? where id = ?')
			.run(at('2026-03-10', 12).getTime(), newcomer.id);
		expect(sendDueDigests(db, at('2026-03-10', 13)).sent.map((d) => d.userId)).not.toContain(
			newcomer.id
		);
		expect(sendDueDigests(db, at('2026-03-16', 7)).sent).toEqual([
			{ userId: weekly.id, period: '2026-W11' },
			{ userId: newcomer.id, period: '2026-W11' }
		]);
	});

	it('after downtime sends only the latest period', async () => {
		const { db, weekly, monthly } = await people();
		sendDueDigests(db, at('2026-03-09', 8));
		// Down from 10 March to 2 May: weeks 11 to 17 and March passed unseen.
		expect(sendDueDigests(db, at('2026-05-02', 10)).sent).toEqual([
			{ userId: weekly.id, period: '2026-W17' },
			{ userId: monthly.id, period: '2026-04' }
		]);
		expect(handled(db).map((h) => h.period)).toEqual([
			'2026-W10',
			'2026-02',
			'2026-W17',
			'2026-04'
		]);
	});
});

describe('what a digest tells', () => {
	async function world() {
		const db = createTestDb();
		const member = await makeUser(db, { role: 'member', name: 'Mia Mitglied' });
		const board = createBoard(db, { name: 'Strategie' }, at('2026-01-01'));
		const add = (input: Partial<CreateActionInput>, when = at('2026-02-01')) =>
			createAction(
				db,
				member,
				board.id,
				{ title: 'Maßnahme', dimension: 'social', horizon: 'short', ...input },
				when
			);
		const idea = (title: string, when: Date) =>
			proposeIdea(db, member, proposeIdeaInput.parse({ title }), { now: when });
		return { db, member, add, idea };
	}

	// The week of 2 to 8 March 2026, sent on Monday 9 March.
	const from = at('2026-03-02', 0);
	const to = at('2026-03-09', 0);
	const now = at('2026-03-09', 7, 7);

	it('lists what moved to another cell, what was done, new ideas and what falls due', async () => {
		const { db, member, add, idea } = await world();
		const moved = add({ title: 'Jobräder' });
		const there = moveAction(
			db,
			member,
			moved.id,
			{ dimension: 'ecological', horizon: 'medium', index: 0, version: moved.version },
			at('2026-03-03')
		);
		moveAction(
			db,
			member,
			moved.id,
			{ dimension: 'ecological', horizon: 'long', index: 0, version: there.version },
			at('2026-03-04')
		);
		const back = add({ title: 'Hin und zurück' });
		const away = moveAction(
			db,
			member,
			back.id,
			{ dimension: 'economic', horizon: 'short', index: 0, version: back.version },
			at('2026-03-03')
		);
		moveAction(
			db,
			member,
			back.id,
			{ dimension: 'social', horizon: 'short', index: 0, version: away.version },
			at('2026-03-05')
		);
		const earlier = add({ title: 'Früher verschoben' });
		moveAction(
			db,
			member,
			earlier.id,
			{ dimension: 'economic', horizon: 'long', index: 0, version: earlier.version },
			at('2026-02-27')
		);

		const logged = add({ title: 'Ökostrom' });
		addProgress(
			db,
			member,
			logged.id,
			{ note: 'Vertrag steht', progress: 100, status: 'done' },
			at('2026-03-06')
		);
		const edited = add({ title: 'Recyclingpapier' });
		updateAction(
			db,
			member,
			edited.id,
			{ status: 'done', version: edited.version },
			at('2026-03-08', 23)
		);
		const reopened = add({ title: 'Wieder offen' });
		const closed = updateAction(
			db,
			member,
			reopened.id,
			{ status: 'done', version: reopened.version },
			at('2026-03-03')
		);
		updateAction(
			db,
			member,
			reopened.id,
			{ status: 'in_progress', version: closed.version },
			at('2026-03-04')
		);

		const fresh = idea('Regionales Mittagessen', at('2026-03-02', 0));
		const late = idea('Zu spät', at('2026-03-09', 0));
		const withdrawn = idea('Zurückgezogen', at('2026-03-05'));
		withdrawIdea(db, member, withdrawn.id, withdrawn.version, at('2026-03-06'));
		expect(late.id).toBeGreaterThan(fresh.id);

		const soon = add({ title: 'Fristgerecht', dueDate: '2026-03-23' });
		add({ title: 'Zu weit weg', dueDate: '2026-03-24' });
		add({ title: 'Schon erledigt', dueDate: '2026-03-12', status: 'done' });
		const today = add({ title: 'Heute fällig', dueDate: '2026-03-09' });
		add({ title: 'Gestern fällig', dueDate: '2026-03-08' });

		expect(digestContent(db, from, to, now)).toEqual({
			moved: [
				{
					id: moved.id,
					title: 'Jobräder',
					from: { dimension: 'social', horizon: 'short' },
					to: { dimension: 'ecological', horizon: 'long' }
				}
			],
			done: [
				{ id: logged.id, title: 'Ökostrom' },
				{ id: edited.id, title: 'Recyclingpapier' }
			],
			ideas: [{ id: fresh.id, title: 'Regionales Mittagessen' }],
			dueSoon: [
				{ id: today.id, title: 'Heute fällig', dueDate: '2026-03-09' },
				{ id: soon.id, title: 'Fristgerecht', dueDate: '2026-03-23' }
			]
		});
	});

	it('is empty when nothing happened and nothing falls due', async () => {
		const { db, add } = await world();
		add({ title: 'Irgendwann' });
		add({ title: 'Viel später', dueDate: '2026-06-01' });
		expect(isEmptyDigest(digestContent(db, from, to, now))).toBe(true);
	});
});
