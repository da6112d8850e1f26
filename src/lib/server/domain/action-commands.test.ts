import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import type { Db } from '../db';
import { createBoard } from './boards';
import { listBoardActions } from './board-actions';
import { addProgress, listProgress } from './progress';
import { archiveAction, listArchived, restoreAction } from './archive-action';
import { createAction } from './create-action';
import { getAction } from './action-view';
import { moveAction } from './move-action';
import { updateAction } from './edit-action';
import { listActionHistory } from './action-history';
import { DomainError } from './errors';
import type { Dimension, Horizon } from '../../board/cells';

async function setup() {
	const db = createTestDb();
	const user = await makeUser(db, { name: 'Anna' });
	const board = createBoard(db, { name: 'Strategie' });
	const add = (title: string, dimension: Dimension = 'ecological', horizon: Horizon = 'short') =>
		createAction(db, user, board.id, { title, dimension, horizon });
	return { db, user, board, add };
}

const titlesIn = (db: Db, boardId: number, dimension: Dimension, horizon: Horizon) =>
	listBoardActions(db, boardId)
		.filter((a) => a.dimension === dimension && a.horizon === horizon)
		.map((a) => a.title);

describe('creating actions', () => {
	it('adds to the end of the cell and records who created it', async () => {
		const { db, board, add } = await setup();
		add('A');
		add('B');
		const c = add('C');
		expect(titlesIn(db, board.id, 'ecological', 'short')).toEqual(['A', 'B', 'C']);
		expect(c).toMatchObject({ position: 2, version: 1, status: 'planned', progress: 0 });
		expect(listActionHistory(db, c.id)).toMatchObject([{ type: 'created', actor: 'Anna' }]);
	});
});

describe('moving actions', () => {
	it('moves to the top, the end and between, in the same and in other cells', async () => {
		const { db, user, board, add } = await setup();
		const [a, b, c] = [add('A'), add('B'), add('C')];
		add('X', 'social', 'long');

		moveAction(db, user, c.id, { dimension: 'ecological', horizon: 'short', index: 0, version: 1 });
		expect(titlesIn(db, board.id, 'ecological', 'short')).toEqual(['C', 'A', 'B']);

		moveAction(db, user, c.id, {
			dimension: 'ecological',
			horizon: 'short',
			index: 99,
			version: 2
		});
		expect(titlesIn(db, board.id, 'ecological', 'short')).toEqual(['A', 'B', 'C']);

		moveAction(db, user, a.id, { dimension: 'social', horizon: 'long', index: 1, version: 1 });
		expect(titlesIn(db, board.id, 'social', 'long')).toEqual(['X', 'A']);

		const moved = moveAction(db, user, b.id, {
			dimension: 'social',
			horizon: 'long',
			index: 1,
			version: 1
		});
		expect(titlesIn(db, board.id, 'social', 'long')).toEqual(['X', 'B', 'A']);
		expect(moved).toMatchObject({ position: 1, version: 2, dimension: 'social', horizon: 'long' });
		expect(titlesIn(db, board.id, 'ecological', 'short')).toEqual(['C']);
	});

	it('moves into an empty cell and records from where to where', async () => {
		const { db, user, board, add } = await setup();
		const a = add('A');
		moveAction(db, user, a.id, { dimension: 'economic', horizon: 'medium', index: 3, version: 1 });
		expect(titlesIn(db, board.id, 'economic', 'medium')).toEqual(['A']);
		expect(listActionHistory(db, a.id)[0]).toMatchObject({
			type: 'moved',
			data: {
				from: { dimension: 'ecological', horizon: 'short' },
				to: { dimension: 'economic', horizon: 'medium' }
			}
		});
	});

	it('keeps the order a reload would show over many moves', async () => {
		const { db, user, board, add } = await setup();
		const actions = Array.from({ length: 8 }, (_, i) => add(`T${i}`));
		const expected = actions.map((a) => a.title);
		const versions = new Map(actions.map((a) => [a.id, 1]));
		let seed = 7;
		for (let step = 0; step < 120; step++) {
			seed = (seed * 48271) % 2147483647;
			const from = seed % expected.length;
			const to = (seed >> 3) % expected.length;
			const action = actions.find((a) => a.title === expected[from])!;
			moveAction(db, user, action.id, {
				dimension: 'ecological',
				horizon: 'short',
				index: to,
				version: versions.get(action.id)!
			});
			versions.set(action.id, versions.get(action.id)! + 1);
			const [title] = expected.splice(from, 1);
			expected.splice(to, 0, title);
		}
		expect(titlesIn(db, board.id, 'ecological', 'short')).toEqual(expected);
	});

	it('refuses a move based on an old version and returns the current action', async () => {
		const { db, user, add } = await setup();
		const a = add('A');
		moveAction(db, user, a.id, { dimension: 'social', horizon: 'short', index: 0, version: 1 });
		try {
			moveAction(db, user, a.id, { dimension: 'economic', horizon: 'long', index: 0, version: 1 });
			expect.unreachable();
		} catch (err) {
			expect(err).toBeInstanceOf(DomainError);
			expect((err as DomainError).code).toBe('conflict');
			expect((err as DomainError).details?.current).toMatchObject({
				dimension: 'social',
				version: 2
			});
		}
	});
});

describe('editing, owners and progress', () => {
	it('keeps a start date that is never after the due date, in one version', async () => {
		const { db, user, add } = await setup();
		const a = add('A');
		const dated = updateAction(db, user, a.id, {
			startDate: '2027-01-10',
			dueDate: '2027-06-30',
			version: 1
		});
		expect(dated).toMatchObject({ startDate: '2027-01-10', dueDate: '2027-06-30', version: 2 });
		expect(listActionHistory(db, a.id)[0].data).toMatchObject({
			changed: { startDate: { from: null, to: '2027-01-10' } }
		});
		// Either date alone is checked against the other as it stands.
		for (const change of [{ dueDate: '2027-01-09' }, { startDate: '2027-07-01' }]) {
			expect(() => updateAction(db, user, a.id, { ...change, version: 2 })).toThrow(
				expect.objectContaining({ code: 'start_after_due' })
			);
		}
		expect(getAction(db, a.id)).toMatchObject({ startDate: '2027-01-10', version: 2 });
		expect(updateAction(db, user, a.id, { dueDate: null, version: 2 }).dueDate).toBeNull();
	});

	it('edits fields and owners in one new version and tells what changed', async () => {
		const { db, user, add } = await setup();
		const lena = await makeUser(db, { name: 'Lena' });
		const a = add('A');
		const edited = updateAction(db, user, a.id, {
			title: 'A, better',
			dueDate: '2027-03-01',
			owners: [lena.id, user.id],
			version: 1
		});
		expect(edited).toMatchObject({ title: 'A, better', dueDate: '2027-03-01', version: 2 });
		expect(edited.owners.map((o) => o.name)).toEqual(['Anna', 'Lena']);
		const history = listActionHistory(db, a.id).map((h) => h.type);
		expect(history).toEqual(['edited', 'created']);
		expect(listActionHistory(db, a.id)[0].data).toMatchObject({
			owners: { from: [], to: [user.id, lena.id].sort((x, y) => x - y) },
			version: 2
		});
		expect(() => updateAction(db, user, a.id, { title: 'B', version: 1 })).toThrow(DomainError);
		expect(getAction(db, a.id)?.title).toBe('A, better');
	});

	it('refuses inactive or unknown owners and changes nothing then', async () => {
		const { db, user, add } = await setup();
		const a = add('A');
		expect(() => updateAction(db, user, a.id, { owners: [9999], title: 'Z', version: 1 })).toThrow(
			/invalid_owner/
		);
		expect(getAction(db, a.id)).toMatchObject({ title: 'A', version: 1, owners: [] });
	});

	it('lets progress and status follow the newest entry', async () => {
		const { db, user, add } = await setup();
		const a = add('A');
		addProgress(db, user, a.id, { note: 'Angefangen', progress: 20, status: 'in_progress' });
		const { action } = addProgress(db, user, a.id, { note: 'Fast fertig', progress: 90 });
		expect(action).toMatchObject({ progress: 90, status: 'in_progress', version: 3 });
		expect(listProgress(db, a.id).map((p) => p.note)).toEqual(['Fast fertig', 'Angefangen']);
	});
});

describe('archiving', () => {
	it('takes an action off the board and brings it back at the end of its cell', async () => {
		const { db, user, board, add } = await setup();
		const a = add('A');
		add('B');
		archiveAction(db, user, a.id, 1);
		expect(titlesIn(db, board.id, 'ecological', 'short')).toEqual(['B']);
		expect(listArchived(db, board.id).map((x) => x.title)).toEqual(['A']);
		expect(() =>
			moveAction(db, user, a.id, { dimension: 'social', horizon: 'short', index: 0, version: 2 })
		).toThrow(/archived/);
		restoreAction(db, user, a.id, 2);
		expect(titlesIn(db, board.id, 'ecological', 'short')).toEqual(['B', 'A']);
		expect(listArchived(db, board.id)).toEqual([]);
	});
});

describe('the answer to a move', () => {
	it('tells the place the action really got, for any index (past the end too)', async () => {
		const { db, user, board, add } = await setup();
		const cells = [
			['ecological', 'short'],
			['ecological', 'long'],
			['social', 'short']
		] as const;
		const ids = Array.from({ length: 12 }, (_, i) => {
			const [dimension, horizon] = cells[i % 3];
			return add(`A${i}`, dimension, horizon).id;
		});
		let seed = 7;
		const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
		for (let i = 0; i < 200; i++) {
			const id = ids[random(ids.length)];
			const [dimension, horizon] = cells[random(cells.length)];
			const before = getAction(db, id)!;
			const moved = moveAction(db, user, id, {
				dimension,
				horizon,
				index: random(16),
				version: before.version
			});
			expect(moved.position).toBe(getAction(db, id)!.position);
			const cell = titlesIn(db, board.id, dimension, horizon);
			expect(cell[moved.position]).toBe(moved.title);
		}
	});
});
