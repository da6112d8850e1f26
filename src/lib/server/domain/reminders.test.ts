import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { subscribe } from '../events/subscribers';
import { clientOf } from '../db/prepared';
import type { Db } from '../db';
import { inAppNotifications } from '../notify/in-app';
import { createBoard } from './boards';
import { createAction } from './create-action';
import { updateAction } from './edit-action';
import { addProgress } from './progress';
import { archiveAction } from './archive-action';
import { updateFrame } from './frame';
import { setActive } from './users';
import { listNotifications, setChannel } from './notifications';
import { cadenceDay, cadenceStep, sendDueReminders } from './reminders';
import type { CreateActionInput } from './action-input';
import type { Board } from '../db/schema';
import type { NotificationContent } from '../../notifications/kinds';

let off: (() => void) | undefined;
beforeEach(() => {
	off = subscribe(inAppNotifications);
});
afterEach(() => off?.());

/** A moment on a calendar day of the server's time zone (9 o'clock unless said). */
const on = (date: string, hour = 9) => {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(y!, m! - 1, d!, hour);
};

/** The local calendar days from `from` to `to`, both included. */
function* days(from: string, to: string) {
	for (
		let day = on(from);
		day <= on(to);
		day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1, 9)
	) {
		yield day;
	}
}

const ymd = (d: Date) =>
	`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

async function setup() {
	const db = createTestDb();
	const coordinator = await makeUser(db, { role: 'admin', name: 'Clara Koordination' });
	const owner = await makeUser(db, { role: 'member', name: 'Ole Owner' });
	const colleague = await makeUser(db, { role: 'member', name: 'Kim Kollegin' });
	const board = createBoard(db, { name: 'Strategie' }, on('2025-12-01'));
	const add = (input: Partial<CreateActionInput>, at = '2026-01-01') =>
		createAction(
			db,
			coordinator,
			board.id,
			{ title: 'Solardach', dimension: 'ecological', horizon: 'short', ...input },
			on(at)
		);
	/** The reminders a person got, oldest first (being made an owner is no reminder). */
	const told = (userId: number) =>
		listNotifications(db, userId, 200)
			.filter((n) => n.kind.startsWith('reminder_'))
			.map((n) => ({ kind: n.kind, data: n.data as ReminderData }))
			.reverse();
	return { db, coordinator, owner, colleague, board, add, told };
}

type ReminderData = Extract<
	NotificationContent,
	{ kind: 'reminder_due_soon' | 'reminder_overdue' | 'reminder_no_progress' }
>['data'];

const marks = (db: Db) =>
	clientOf(db)
		.prepare('select action_id as actionId, reason, since, step from reminders_sent order by rowid')
		.all();

describe('the cadence', () => {
	it('reminds on day 1, day 7, then every 30 days', () => {
		expect([0, 1, 6, 7, 36, 37, 66, 67, 97].map(cadenceStep)).toEqual([
			null,
			0,
			0,
			1,
			1,
			2,
			2,
			3,
			4
		]);
		expect([0, 1, 2, 3].map(cadenceDay)).toEqual([1, 7, 37, 67]);
	});
});

describe('overdue and due soon', () => {
	it('sends one reminder per step, day after day, and once when it is due soon', async () => {
		const { db, owner, add, told } = await setup();
		const action = add({ owners: [owner.id], dueDate: '2026-03-10' });
		const sentOn: string[] = [];
		for (const day of days('2026-02-20', '2026-05-20')) {
			const { sent, failed } = sendDueReminders(db, day);
			expect(failed).toEqual([]);
			for (const s of sent) sentOn.push(`${ymd(day)} ${s.reason} ${s.step}`);
		}
		expect(sentOn).toEqual([
			'2026-03-03 due_soon 0',
			'2026-03-11 overdue 0',
			'2026-03-17 overdue 1',
			'2026-04-16 overdue 2',
			'2026-05-16 overdue 3'
		]);
		expect(told(owner.id)).toEqual([
			{
				kind: 'reminder_due_soon',
				data: {
					actionId: action.id,
					actionTitle: 'Solardach',
					unowned: false,
					days: 7,
					dueDate: '2026-03-10'
				}
			},
			...[1, 7, 37, 67].map((late) => ({
				kind: 'reminder_overdue',
				data: {
					actionId: action.id,
					actionTitle: 'Solardach',
					unowned: false,
					days: late,
					dueDate: '2026-03-10'
				}
			}))
		]);
	});

	it('sends nothing new on a second run the same day', async () => {
		const { db, owner, add, told } = await setup();
		add({ owners: [owner.id], dueDate: '2026-03-10' });
		expect(sendDueReminders(db, on('2026-03-11', 7)).sent).toHaveLength(1);
		expect(sendDueReminders(db, on('2026-03-11', 8)).sent).toEqual([]);
		expect(sendDueReminders(db, on('2026-03-11', 23)).sent).toEqual([]);
		expect(told(owner.id)).toHaveLength(1);
	});

	it('after downtime sends the step that has come once, and skips those missed entirely', async () => {
		const { db, owner, add, told } = await setup();
		add({ owners: [owner.id], dueDate: '2026-03-10' });
		sendDueReminders(db, on('2026-03-11'));
		// Down from day 2 to day 40: day 7 and day 37 passed unseen.
		const back = sendDueReminders(db, on('2026-04-19'));
		expect(back.sent.map((s) => [s.reason, s.step])).toEqual([['overdue', 2]]);
		expect(sendDueReminders(db, on('2026-04-19', 15)).sent).toEqual([]);
		expect(sendDueReminders(db, on('2026-04-20')).sent).toEqual([]);
		expect(told(owner.id).map((n) => n.data.days)).toEqual([1, 40]);
	});

	it('reminds of a date set closer than a week once, and anew for a new date', async () => {
		const { db, owner, add, told } = await setup();
		const action = add({ owners: [owner.id], dueDate: '2026-03-05' });
		for (const day of days('2026-03-02', '2026-03-05')) sendDueReminders(db, day);
		updateAction(
			db,
			owner,
			action.id,
			{ dueDate: '2026-03-20', version: action.version },
			on('2026-03-05', 10)
		);
		for (const day of days('2026-03-06', '2026-03-20')) sendDueReminders(db, day);
		expect(told(owner.id).map((n) => [n.kind, n.data.days])).toEqual([
			['reminder_due_soon', 3],
			['reminder_due_soon', 7]
		]);
	});

	it('ends with done and dropped actions, and archived ones', async () => {
		const { db, owner, add } = await setup();
		add({ owners: [owner.id], dueDate: '2026-03-10', status: 'done' });
		add({ owners: [owner.id], dueDate: '2026-03-10', status: 'dropped' });
		const archived = add({ owners: [owner.id], dueDate: '2026-03-10', status: 'in_progress' });
		archiveAction(db, owner, archived.id, archived.version, on('2026-02-01'));
		expect(sendDueReminders(db, on('2026-03-11')).sent).toEqual([]);
	});
});

describe('no progress', () => {
	it('counts from the start of a running action, and anew from each progress entry', async () => {
		const { db, owner, add, told } = await setup();
		const action = add({ owners: [owner.id], status: 'in_progress' }, '2026-01-01');
		// Short term: 30 quiet days are fine, the 31st reminds.
		expect(sendDueReminders(db, on('2026-01-31')).sent).toEqual([]);
		expect(sendDueReminders(db, on('2026-02-01')).sent).toMatchObject([
			{ reason: 'no_progress', since: '2026-01-31', step: 0 }
		]);
		addProgress(
			db,
			owner,
			action.id,
			{ note: 'Angebote liegen vor', progress: 20 },
			on('2026-02-03')
		);
		for (const day of days('2026-02-02', '2026-03-05')) {
			expect(sendDueReminders(db, day).sent).toEqual([]);
		}
		expect(sendDueReminders(db, on('2026-03-06')).sent).toMatchObject([
			{ reason: 'no_progress', since: '2026-03-05', step: 0 }
		]);
		expect(sendDueReminders(db, on('2026-03-12')).sent).toMatchObject([
			{ reason: 'no_progress', since: '2026-03-05', step: 1 }
		]);
		expect(told(owner.id)).toEqual([
			{
				kind: 'reminder_no_progress',
				data: {
					actionId: action.id,
					actionTitle: 'Solardach',
					unowned: false,
					days: 31,
					lastProgress: null
				}
			},
			{
				kind: 'reminder_no_progress',
				data: {
					actionId: action.id,
					actionTitle: 'Solardach',
					unowned: false,
					days: 31,
					lastProgress: '2026-02-03'
				}
			},
			{
				kind: 'reminder_no_progress',
				data: {
					actionId: action.id,
					actionTitle: 'Solardach',
					unowned: false,
					days: 37,
					lastProgress: '2026-02-03'
				}
			}
		]);
	});

	it('never reminds of a planned action, which has not started', async () => {
		const { db, owner, add } = await setup();
		add({ owners: [owner.id] }, '2025-01-01');
		for (const day of ['2025-03-01', '2025-06-01', '2026-01-01', '2027-01-01']) {
			expect(sendDueReminders(db, on(day)).sent).toEqual([]);
		}
	});

	it('counts from the day a planned action went in progress', async () => {
		const { db, owner, add } = await setup();
		const action = add({ owners: [owner.id] }, '2025-06-01');
		updateAction(
			db,
			owner,
			action.id,
			{ status: 'in_progress', version: action.version },
			on('2026-01-10')
		);
		expect(sendDueReminders(db, on('2026-02-09')).sent).toEqual([]);
		expect(sendDueReminders(db, on('2026-02-10')).sent).toMatchObject([
			{ reason: 'no_progress', since: '2026-02-09', step: 0 }
		]);
	});

	it('takes each horizon’s threshold from the board’s frame', async () => {
		const { db, coordinator, owner, board, add } = await setup();
		frame(db, coordinator, board, { quietDaysShort: 10, quietDaysMedium: 20, quietDaysLong: 40 });
		const ids = Object.fromEntries(
			(['short', 'medium', 'long'] as const).map((horizon) => [
				add({ owners: [owner.id], status: 'in_progress', horizon }, '2026-01-01').id,
				horizon
			])
		);
		const firstReminder: Record<string, string> = {};
		for (const day of days('2026-01-01', '2026-03-01')) {
			for (const s of sendDueReminders(db, day).sent) {
				if (s.step === 0) firstReminder[ids[s.actionId]!] = ymd(day);
			}
		}
		expect(firstReminder).toEqual({
			short: '2026-01-12',
			medium: '2026-01-22',
			long: '2026-02-11'
		});
	});
});

describe('who is reminded', () => {
	it('tells the coordinators when nobody is responsible', async () => {
		const { db, coordinator, owner, add, told } = await setup();
		const retired = await makeUser(db, { role: 'admin', name: 'Rita Ruhestand' });
		setActive(db, coordinator.id, retired.id, false);
		add({ dueDate: '2026-03-10' });
		const [sent] = sendDueReminders(db, on('2026-03-11')).sent;
		expect(sent).toMatchObject({ recipients: [coordinator.id], unowned: true });
		expect(told(coordinator.id)).toMatchObject([
			{ kind: 'reminder_overdue', data: { unowned: true, days: 1 } }
		]);
		expect(told(owner.id)).toEqual([]);
		expect(told(retired.id)).toEqual([]);
	});

	it('skips owners who are no longer active, and falls back when none is left', async () => {
		const { db, coordinator, owner, colleague, add, told } = await setup();
		add({ owners: [owner.id, colleague.id], dueDate: '2026-03-10' });
		add({ title: 'Jobräder', owners: [colleague.id], dueDate: '2026-03-10' });
		setActive(db, coordinator.id, colleague.id, false);
		const { sent } = sendDueReminders(db, on('2026-03-11'));
		expect(sent.map((s) => [s.recipients, s.unowned])).toEqual([
			[[owner.id], false],
			[[coordinator.id], true]
		]);
		expect(told(owner.id).map((n) => n.data)).toMatchObject([{ actionTitle: 'Solardach' }]);
		expect(told(coordinator.id).map((n) => n.data)).toMatchObject([
			{ actionTitle: 'Jobräder', unowned: true }
		]);
		expect(told(colleague.id)).toEqual([]);
	});

	it('respects a person who turned the kind off, and still counts the step as done', async () => {
		const { db, owner, colleague, add, told } = await setup();
		add({ owners: [owner.id, colleague.id], dueDate: '2026-03-10' });
		setChannel(db, owner.id, 'reminder_overdue', 'off');
		sendDueReminders(db, on('2026-03-11'));
		expect(told(owner.id)).toEqual([]);
		expect(told(colleague.id)).toHaveLength(1);
		expect(sendDueReminders(db, on('2026-03-12')).sent).toEqual([]);
	});
});

describe('a failure', () => {
	it('leaves no sent mark without its notifications, and the next run tries again', async () => {
		const { db, owner, add, told } = await setup();
		add({ owners: [owner.id], dueDate: '2026-03-10' });
		const broken = subscribe({
			name: 'broken',
			inTransaction(events) {
				if (events.some((e) => e.type === 'reminder_due')) throw new Error('disk full');
			}
		});
		const run = sendDueReminders(db, on('2026-03-11'));
		broken();
		expect(run.sent).toEqual([]);
		expect(run.failed).toHaveLength(1);
		expect(marks(db)).toEqual([]);
		expect(told(owner.id)).toEqual([]);
		expect(sendDueReminders(db, on('2026-03-11', 10)).sent).toHaveLength(1);
		expect(told(owner.id)).toHaveLength(1);
	});
});

function frame(
	db: Db,
	actor: { id: number; name: string },
	board: Board,
	days: { quietDaysShort: number; quietDaysMedium: number; quietDaysLong: number }
) {
	updateFrame(db, actor, board.id, {
		name: board.name,
		description: board.description,
		horizonShort: board.horizonShort,
		horizonMedium: board.horizonMedium,
		horizonLong: board.horizonLong,
		goalEcological: board.goalEcological,
		goalEconomic: board.goalEconomic,
		goalSocial: board.goalSocial,
		...days,
		version: board.version
	});
}
