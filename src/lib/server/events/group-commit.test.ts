import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { actions } from '../db/schema';
import { createBoard } from '../domain/boards';
import { createAction } from '../domain/create-action';
import { commitChange } from './commit';
import { durable, groupCommits } from './group-commit';
import { subscribe } from './subscribers';
import type { CommittedEvent } from './types';

let off: (() => void) | undefined;
afterEach(() => off?.());

describe('group commit', () => {
	it('stores the changes of one turn with one COMMIT; subscribers hear of them only after it', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const board = createBoard(db, { name: 'A' });
		const heard: { types: string[]; inTransaction: boolean }[] = [];
		off = subscribe({
			name: 'test-group',
			afterCommit: (committed: readonly CommittedEvent[]) =>
				heard.push({ types: committed.map((e) => e.type), inTransaction: db.$client.inTransaction })
		});
		groupCommits(db.$client);

		const add = (title: string) =>
			createAction(db, user, board.id, { title, dimension: 'social', horizon: 'short' });
		add('Eins');
		expect(() =>
			commitChange(db, () => {
				add('Zurückgerollt');
				throw new Error('this change fails');
			})
		).toThrow('this change fails');
		add('Zwei');

		// Still one open transaction: nothing is heard, the failed change alone is undone.
		expect(db.$client.inTransaction).toBe(true);
		expect(heard).toEqual([]);
		expect(
			db
				.select({ title: actions.title })
				.from(actions)
				.all()
				.map((a) => a.title)
		).toEqual(['Eins', 'Zwei']);

		await durable(db.$client);
		expect(db.$client.inTransaction).toBe(false);
		expect(heard).toEqual([
			{ types: ['created'], inTransaction: false },
			{ types: ['created'], inTransaction: false }
		]);
		// The next change opens the next group.
		add('Drei');
		expect(db.$client.inTransaction).toBe(true);
		await durable(db.$client);
		expect(heard).toHaveLength(3);
	});

	it('is resolved at once when nothing waits to be stored', async () => {
		const db = createTestDb();
		groupCommits(db.$client);
		await expect(durable(db.$client)).resolves.toBeUndefined();
	});
});
