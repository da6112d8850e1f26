import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { seedDemo } from './seed';
import { listBoards } from '../domain/boards';
import { listBoardActions } from '../domain/board-actions';
import { listUsers } from '../domain/users';
import { authenticate } from '../auth/sign-in';
import { CELLS, cellKey } from '../../board/cells';
import { progressEntries } from '../db/schema';

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
});
