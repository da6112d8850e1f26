import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { seedDemo } from './seed';
import { listBoards } from '../domain/boards';
import { listBoardActions } from '../domain/board-actions';
import { listUsers } from '../domain/users';
import { authenticate } from '../auth/sign-in';
import { CELLS, cellKey } from '../../board/cells';
import { progressEntries } from '../db/schema';
import { IDEA_STATES } from '../../ideas/states';
import { listIdeas } from '../domain/ideas';
import { getAction } from '../domain/action-view';
import { listNotifications, unreadCount } from '../domain/notifications';
import { goalOnTrack, listGoals } from '../domain/goals';
import { codesOfAction } from '../domain/framework-codes';

describe('demo data', () => {
	it('fills every cell and lets the four demo users sign in', async () => {
		const db = createTestDb();
		await seedDemo(db, 'demo-password');
		const [board] = listBoards(db);
		const actions = listBoardActions(db, board.id);
		expect(actions.length).toBeGreaterThanOrEqual(12);
		const cells = new Set(actions.map(cellKey));
		expect([...cells].sort()).toEqual(CELLS.map(cellKey).sort());
		expect(actions.some((a) => a.owners.length > 1)).toBe(true);
		expect(db.select().from(progressEntries).all().length).toBeGreaterThan(5);

		const roles = listUsers(db).map((u) => u.role);
		expect(roles).toEqual(expect.arrayContaining(['admin', 'member', 'leader', 'staff']));
		for (const role of ['admin', 'member', 'leader', 'staff']) {
			expect((await authenticate(db, `${role}@example.org`, 'demo-password'))?.role).toBe(role);
		}
	});

	it('has ideas from colleagues in every state but withdrawn, two of them actions on the board', async () => {
		const db = createTestDb();
		await seedDemo(db, 'demo-password');
		const all = listIdeas(db);
		expect(all.length).toBeGreaterThanOrEqual(12);
		const states = new Set(all.map((i) => i.state));
		expect([...states].sort()).toEqual(IDEA_STATES.filter((s) => s !== 'withdrawn').sort());
		expect(all.filter((i) => i.supporters > 0).length).toBeGreaterThan(5);

		const accepted = all.filter((i) => i.state === 'accepted');
		expect(accepted).toHaveLength(2);
		for (const idea of accepted) expect(getAction(db, idea.actionId!)?.archived).toBe(false);
		for (const idea of all.filter((i) => i.state === 'declined' || i.state === 'merged')) {
			expect(idea.reason).toBeTruthy();
		}
		expect(all.find((i) => i.state === 'merged')?.mergedIntoId).not.toBeNull();
		expect(all.find((i) => i.source !== null)).toMatchObject({
			source: 'Frühjahr, 2026-03-12',
			proposer: null
		});
	});

	it('greets the working group with unread notifications and the staff account with an empty bell', async () => {
		const db = createTestDb();
		await seedDemo(db, 'demo-password');
		const byEmail = new Map(listUsers(db).map((u) => [u.email, u.id]));
		const counts = (email: string) => {
			const id = byEmail.get(email)!;
			return { all: listNotifications(db, id, 100).length, unread: unreadCount(db, id) };
		};
		// (The admin's news are the reminders, which the server sends once it runs.)
		for (const role of ['member', 'leader']) {
			expect(counts(`${role}@example.org`).unread, role).toBeGreaterThan(0);
		}
		// Staff have their history, all read: a new notification makes the bell count 1.
		expect(counts('staff@example.org')).toMatchObject({ unread: 0 });
		expect(counts('staff@example.org').all).toBeGreaterThan(0);
	});

	it('has goals with measured values, one of them behind its plan, and tagged actions', async () => {
		const db = createTestDb();
		const now = new Date('2026-11-27T10:00:00Z');
		await seedDemo(db, 'demo-password', now);
		const [board] = listBoards(db);
		const goals = listGoals(db, board.id);
		expect(new Set(goals.map((g) => g.dimension))).toEqual(
			new Set(['ecological', 'economic', 'social'])
		);
		const tracks = goals.map((g) => goalOnTrack(g, '2026-11-27').onTrack);
		expect(tracks).toEqual(expect.arrayContaining([true, false, null]));
		const actions = listBoardActions(db, board.id);
		const green = actions.find((a) => a.title.startsWith('Umstieg auf Ökostrom'))!;
		expect(codesOfAction(db, green.id)).toContainEqual({ framework: 'dnk', code: 13 });
		const rows = db.$client
			.prepare('select count(*) as n from actions where is_public and start_date is null')
			.get() as { n: number };
		expect(rows.n).toBeGreaterThan(0);
	});
});
