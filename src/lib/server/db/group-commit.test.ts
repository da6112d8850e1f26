import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { createBoard } from '../domain/boards';
import { createAction, getAction, moveAction } from '../domain/actions';
import { listActionHistory } from '../domain/events';
import { DomainError } from '../domain/errors';
import { GroupCommit, type Outcome } from './group-commit';

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
	it('commits writes that arrive together at once, and a failing one alone is undone', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const board = createBoard(db, { name: 'Board' });
		const [a, b, c] = ['A', 'B', 'C'].map((title) =>
			createAction(db, user, board.id, { title, dimension: 'ecological', horizon: 'short' })
		);
		let commits = 0;
		const group = new GroupCommit(db, () => commits++);
		const outcomes: Outcome<unknown>[] = [];
		const to = { dimension: 'social', horizon: 'long', index: 0 } as const;
		group.add(
			() => moveAction(db, user, a.id, { ...to, version: a.version }),
			(o) => outcomes.push(o)
		);
		// Based on an old version: a conflict, thrown after nothing was written.
		group.add(
			() => moveAction(db, user, b.id, { ...to, version: b.version + 5 }),
			(o) => outcomes.push(o)
		);
		// Throws after it wrote: its savepoint must take the write back.
		group.add(
			() => {
				moveAction(db, user, c.id, { ...to, version: c.version });
				throw new Error('disk trouble');
			},
			(o) => outcomes.push(o)
		);
		expect(outcomes).toHaveLength(0); // nobody hears back before the commit
		await settled();

		expect(commits).toBe(1);
		expect(outcomes.map((o) => o.ok)).toEqual([true, false, false]);
		expect((outcomes[1] as { error: unknown }).error).toBeInstanceOf(DomainError);
		expect(getAction(db, a.id)).toMatchObject({ dimension: 'social', version: a.version + 1 });
		expect(getAction(db, b.id)).toMatchObject({ dimension: 'ecological', version: b.version });
		expect(getAction(db, c.id)).toMatchObject({ dimension: 'ecological', version: c.version });
		expect(listActionHistory(db, c.id).map((e) => e.type)).toEqual(['created']);
		expect(db.$client.inTransaction).toBe(false);
	});

	it('starts a new group for writes that arrive later', async () => {
		const db = createTestDb();
		let commits = 0;
		const group = new GroupCommit(db, () => commits++);
		const results: unknown[] = [];
		group.add(
			() => 1,
			(o) => results.push(o.ok && o.value)
		);
		await settled();
		group.add(
			() => 2,
			(o) => results.push(o.ok && o.value)
		);
		await settled();
		expect(results).toEqual([1, 2]);
		expect(commits).toBe(2);
	});
});
