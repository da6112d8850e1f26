import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { actions, boards, events } from '../db/schema';
import { createBoard } from '../domain/boards';
import { createAction } from '../domain/create-action';
import { moveAction } from '../domain/move-action';
import { commitChange } from './commit';
import { subscribe, type Subscriber } from './subscribers';
import type { CommittedEvent } from './types';

let registered: (() => void)[] = [];
afterEach(() => {
	for (const off of registered) off();
	registered = [];
});

function hear(subscriber: Partial<Subscriber> = {}) {
	const heard: CommittedEvent[][] = [];
	registered.push(
		subscribe({
			name: `test-${registered.length}`,
			afterCommit: (committed) => heard.push([...committed]),
			...subscriber
		})
	);
	return heard;
}

describe('the commit seam', () => {
	it('hands each change its committed events, with their history ids, after COMMIT', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const board = createBoard(db, { name: 'A' });
		const seen: boolean[] = [];
		const heard = hear({
			afterCommit: (committed) => {
				// Committed means: the connection is out of the transaction and the rows are there.
				seen.push(db.$client.inTransaction);
				heard.push([...committed]);
			}
		});

		const action = createAction(db, user, board.id, {
			title: 'Solar',
			dimension: 'ecological',
			horizon: 'short'
		});
		moveAction(db, user, action.id, {
			dimension: 'social',
			horizon: 'long',
			index: 0,
			version: action.version
		});

		expect(seen).toEqual([false, false]);
		const stored = db.select({ id: events.id, type: events.type }).from(events).all();
		expect(heard.map((change) => change.map((e) => e.type))).toEqual([['created'], ['moved']]);
		expect(heard.flat().map((e) => ('id' in e ? e.id : null))).toEqual(stored.map((r) => r.id));
		expect(heard[1][0]).toMatchObject({
			type: 'moved',
			boardId: board.id,
			actionId: action.id,
			actorId: user.id,
			data: {
				from: { dimension: 'ecological', horizon: 'short' },
				to: { dimension: 'social', horizon: 'long' },
				index: 0,
				version: 2
			}
		});
	});

	it('stores nothing and tells nobody when the change throws', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const board = createBoard(db, { name: 'A' });
		const heard = hear();
		expect(() =>
			commitChange(db, (change) => {
				db.update(boards).set({ name: 'B' }).where(eq(boards.id, board.id)).run();
				change.emit({
					type: 'frame_changed',
					boardId: board.id,
					actionId: null,
					actorId: user.id,
					data: { changed: ['name'], version: 2 },
					createdAt: new Date()
				});
				throw new Error('rule broken');
			})
		).toThrow('rule broken');
		expect(heard).toEqual([]);
		expect(db.select().from(events).all()).toEqual([]);
		expect(db.select({ name: boards.name }).from(boards).get()?.name).toBe('A');
	});

	it('lets a change call other domain functions: one transaction, one list of events', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const board = createBoard(db, { name: 'A' });
		const heard = hear();
		const cell = { dimension: 'economic', horizon: 'medium' } as const;
		expect(() =>
			commitChange(db, () => {
				createAction(db, user, board.id, { title: 'One', ...cell });
				createAction(db, user, board.id, { title: 'Two', ...cell });
				throw new Error('undo both');
			})
		).toThrow('undo both');
		expect(db.select().from(actions).all()).toEqual([]);

		commitChange(db, () => {
			createAction(db, user, board.id, { title: 'One', ...cell });
			createAction(db, user, board.id, { title: 'Two', ...cell });
		});
		expect(heard).toHaveLength(1);
		expect(heard[0].map((e) => e.type)).toEqual(['created', 'created']);
	});

	it('writes what must exist with the change inside its transaction, and a failure there undoes it', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const board = createBoard(db, { name: 'A' });
		let fail = false;
		const inside: boolean[] = [];
		hear({
			inTransaction: () => {
				inside.push(db.$client.inTransaction);
				if (fail) throw new Error('could not write the notification');
			}
		});
		createAction(db, user, board.id, { title: 'Kept', dimension: 'social', horizon: 'short' });
		fail = true;
		expect(() =>
			createAction(db, user, board.id, { title: 'Undone', dimension: 'social', horizon: 'short' })
		).toThrow('could not write the notification');
		expect(inside).toEqual([true, true]);
		expect(db.select({ title: actions.title }).from(actions).all()).toEqual([{ title: 'Kept' }]);
	});

	it('keeps a stored change when a subscriber fails after the commit', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const board = createBoard(db, { name: 'A' });
		const errors: unknown[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => errors.push(args);
		try {
			hear({
				afterCommit: () => {
					throw new Error('stream gone');
				}
			});
			const later = hear();
			const action = createAction(db, user, board.id, {
				title: 'Stored',
				dimension: 'social',
				horizon: 'short'
			});
			expect(action.title).toBe('Stored');
			expect(later).toHaveLength(1);
			expect(errors).toHaveLength(1);
		} finally {
			console.error = original;
		}
	});

	it('refuses asynchronous work, which would commit half a change', () => {
		const db = createTestDb();
		// @ts-expect-error a change must finish inside its transaction
		const attempt = () => commitChange(db, async () => 1);
		expect(attempt).toBeTypeOf('function');
	});
});
