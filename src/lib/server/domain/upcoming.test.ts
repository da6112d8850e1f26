import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { createBoard } from './boards';
import { archiveAction } from './archive-action';
import { createAction } from './create-action';
import { follow } from './follows';
import { firstOfGroups, groupUpcoming, listUpcoming } from './upcoming';
import { calendarActions, calendarOwner, calendarToken, renewCalendarToken } from './calendar';

async function setup() {
	const db = createTestDb();
	const user = await makeUser(db);
	const board = createBoard(db, { name: 'Strategie' });
	const add = (title: string, extra: Record<string, unknown> = {}) =>
		createAction(db, user, board.id, { title, dimension: 'social', horizon: 'medium', ...extra });
	return { db, user, add };
}

describe('what comes next', () => {
	it('shows the first actions in the order of the page and counts the rest', async () => {
		const { db, user, add } = await setup();
		add('Läuft', { status: 'in_progress' });
		add('Juni', { dueDate: '2027-06-01' });
		add('Juli 1', { dueDate: '2027-07-01' });
		add('Juli 2', { dueDate: '2027-07-02' });
		add('Später', { horizon: 'long' });
		const groups = groupUpcoming(listUpcoming(db, user.id));
		const titles = (g: ReturnType<typeof groupUpcoming>) => [
			...g.running.map((a) => a.title),
			...g.months.flatMap((m) => m.actions.map((a) => a.title)),
			...g.later.flatMap((l) => l.actions.map((a) => a.title))
		];
		const first = firstOfGroups(groups, 3);
		expect(titles(first.groups)).toEqual(['Läuft', 'Juni', 'Juli 1']);
		expect(first.groups.later).toEqual([]);
		expect(first.hidden).toBe(2);
		expect(firstOfGroups(groups, 60)).toEqual({ groups, hidden: 0 });
	});

	it('lists running and planned actions, soonest first, grouped by month and then by horizon', async () => {
		const { db, user, add } = await setup();
		add('Mai', { dueDate: '2027-05-20' });
		add('März', { dueDate: '2027-03-02' });
		add('März früh', { dueDate: '2027-03-01' });
		add('Läuft', { status: 'in_progress', dueDate: '2027-04-01' });
		add('Ohne Datum', { horizon: 'long' });
		add('Erledigt', { status: 'done', dueDate: '2027-01-01' });
		const archived = add('Archiviert', { dueDate: '2027-01-01' });
		archiveAction(db, user, archived.id);

		const list = listUpcoming(db, user.id);
		expect(list.map((a) => a.title)).toEqual(['März früh', 'März', 'Läuft', 'Mai', 'Ohne Datum']);
		const groups = groupUpcoming(list);
		expect(groups.running.map((a) => a.title)).toEqual(['Läuft']);
		expect(groups.months.map((g) => [g.month, g.actions.map((a) => a.title)])).toEqual([
			['2027-03', ['März früh', 'März']],
			['2027-05', ['Mai']]
		]);
		expect(groups.later).toMatchObject([{ horizon: 'long', actions: [{ title: 'Ohne Datum' }] }]);
	});

	it('knows what the user follows', async () => {
		const { db, user, add } = await setup();
		const a = add('A');
		add('B');
		follow(db, user.id, a.id);
		follow(db, user.id, a.id);
		expect(listUpcoming(db, user.id).map((x) => [x.title, x.followed])).toEqual([
			['A', true],
			['B', false]
		]);
	});
});

describe('the calendar feed', () => {
	it('has a secret per user that can be renewed, and lists dated actions', async () => {
		const { db, user, add } = await setup();
		const dated = add('Mit Datum', { dueDate: '2027-01-10' });
		add('Ohne Datum');
		add('Erledigt', { status: 'done', dueDate: '2026-01-10' });

		const token = calendarToken(db, user.id);
		expect(calendarToken(db, user.id)).toBe(token);
		expect(calendarOwner(db, token)?.id).toBe(user.id);
		expect(calendarActions(db, user.id, false).map((a) => a.title)).toEqual([
			'Erledigt',
			'Mit Datum'
		]);
		expect(calendarActions(db, user.id, true)).toEqual([]);
		follow(db, user.id, dated.id);
		expect(calendarActions(db, user.id, true).map((a) => a.title)).toEqual(['Mit Datum']);

		const renewed = renewCalendarToken(db, user.id);
		expect(renewed).not.toBe(token);
		expect(calendarOwner(db, token)).toBeUndefined();
		expect(calendarOwner(db, 'NOT A TOKEN')).toBeUndefined();
	});
});
