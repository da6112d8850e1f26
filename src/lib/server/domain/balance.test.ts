import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import type { Dimension, Horizon, Status } from '../../board/cells';
import { archiveAction } from './archive-action';
import { buildBalance } from './balance';
import { createBoard } from './boards';
import { createAction } from './create-action';
import { listRoadmapActions } from './roadmap';

describe('the balance of the nine cells', () => {
	it('counts live actions and their average progress per cell and flags empty cells', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const board = createBoard(db, { name: 'Strategie' });
		const add = (dimension: Dimension, horizon: Horizon, status: Status, progress: number) =>
			createAction(db, user, board.id, { title: 'M', dimension, horizon, status, progress });
		add('ecological', 'short', 'done', 100);
		add('ecological', 'short', 'in_progress', 25);
		add('ecological', 'short', 'planned', 0);
		add('social', 'medium', 'in_progress', 40);
		add('economic', 'long', 'dropped', 10);
		const archived = add('social', 'long', 'planned', 0);
		archiveAction(db, user, archived.id, archived.version);

		const balance = buildBalance(listRoadmapActions(db, board.id));
		const cell = (d: Dimension, h: Horizon) =>
			balance.cells.find((c) => c.dimension === d && c.horizon === h)!;
		expect(balance.cells).toHaveLength(9);
		expect(cell('ecological', 'short')).toEqual({
			dimension: 'ecological',
			horizon: 'short',
			count: 3,
			done: 1,
			averageProgress: 42,
			empty: false
		});
		expect(cell('social', 'medium')).toMatchObject({ count: 1, averageProgress: 40 });
		// Dropped and archived actions leave a cell empty.
		expect(cell('economic', 'long')).toMatchObject({ count: 0, averageProgress: 0, empty: true });
		expect(cell('social', 'long').empty).toBe(true);
		expect(balance.emptyCells).toBe(7);
		expect(balance.dimensions.ecological).toEqual({ count: 3, averageProgress: 42 });
		expect(balance.horizons.medium).toEqual({ count: 1, averageProgress: 40 });
		expect(balance.horizons.long).toEqual({ count: 0, averageProgress: 0 });
	});
});
