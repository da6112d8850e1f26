import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { createBoard } from '../domain/boards';
import { createAction, moveAction } from '../domain/actions';
import { LiveBoards, CATCH_UP_LIMIT } from './broker';
import type { Db } from '../db';
import { events } from '../db/schema';

function listener(boards: LiveBoards, db: Db, boardId: number, user = { id: 1, name: 'Anna' }) {
	const chunks: string[] = [];
	let closed = false;
	const unsubscribe = boards.subscribe(db, {
		boardId,
		user,
		sessionId: `s-${user.id}`,
		send: (chunk) => chunks.push(new TextDecoder().decode(chunk)),
		close: () => {
			closed = true;
			unsubscribe();
		}
	});
	const changes = () =>
		chunks
			.filter((c) => c.startsWith('id: ') && !c.includes('event: '))
			.map((c) => ({
				id: Number(/^id: (\d+)/.exec(c)![1]),
				...JSON.parse(/data: (.*)/.exec(c)![1])
			}));
	return { chunks, changes, unsubscribe, isClosed: () => closed };
}

describe('live boards', () => {
	it('sends each committed change once to every stream of its board, and nothing to others', async () => {
		const db = createTestDb();
		const user = await makeUser(db, { name: 'Anna' });
		const board = createBoard(db, { name: 'A' });
		const other = createBoard(db, { name: 'B' });
		const boards = new LiveBoards();
		const a = listener(boards, db, board.id);
		const b = listener(boards, db, board.id, { id: 2, name: 'Ben' });
		const c = listener(boards, db, other.id);

		const action = createAction(db, user, board.id, {
			title: 'X',
			dimension: 'social',
			horizon: 'short'
		});
		boards.publishCommitted(db);
		moveAction(db, user, action.id, {
			dimension: 'ecological',
			horizon: 'long',
			index: 0,
			version: 1
		});
		boards.publishCommitted(db);
		boards.publishCommitted(db);

		for (const l of [a, b]) {
			expect(l.changes().map((x) => [x.type, x.actionId, x.version, x.by])).toEqual([
				['created', action.id, 1, user.id],
				['moved', action.id, 2, user.id]
			]);
			expect(l.changes()[1].action).toMatchObject({
				dimension: 'ecological',
				horizon: 'long',
				position: 0
			});
		}
		expect(c.changes()).toEqual([]);
	});

	it('tells who is here as people come and go', async () => {
		const db = createTestDb();
		const board = createBoard(db, { name: 'A' });
		const boards = new LiveBoards();
		const a = listener(boards, db, board.id, { id: 1, name: 'Anna' });
		const b = listener(boards, db, board.id, { id: 2, name: 'Ben' });
		expect(boards.presence(board.id).map((p) => p.name)).toEqual(['Anna', 'Ben']);
		b.unsubscribe();
		expect(boards.presence(board.id).map((p) => p.name)).toEqual(['Anna']);
		const last = a.chunks.filter((c) => c.startsWith('event: presence')).at(-1)!;
		expect(JSON.parse(/data: (.*)/.exec(last)![1])).toEqual([{ id: 1, name: 'Anna' }]);
	});

	it('replays exactly what a stream missed, or asks it to reload when that is too much', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const board = createBoard(db, { name: 'A' });
		const boards = new LiveBoards();
		const first = createAction(db, user, board.id, {
			title: 'A',
			dimension: 'social',
			horizon: 'short'
		});
		const seen = db.select({ id: events.id }).from(events).all().at(-1)!.id;
		moveAction(db, user, first.id, { dimension: 'social', horizon: 'long', index: 0, version: 1 });
		createAction(db, user, board.id, { title: 'B', dimension: 'social', horizon: 'short' });

		const missed = boards.catchUp(db, board.id, seen);
		expect(missed.map((c) => JSON.parse(/data: (.*)/.exec(c)![1]).type)).toEqual([
			'moved',
			'created'
		]);
		expect(boards.catchUp(db, board.id, seen + 2)).toEqual([]);

		for (let i = 0; i < CATCH_UP_LIMIT; i++) {
			createAction(db, user, board.id, {
				title: `T${i}`,
				dimension: 'economic',
				horizon: 'medium'
			});
		}
		const tooMuch = boards.catchUp(db, board.id, seen);
		expect(tooMuch).toHaveLength(1);
		expect(tooMuch[0]).toContain('event: reload');
	});

	it('closes the streams of a deactivated person', async () => {
		const db = createTestDb();
		const board = createBoard(db, { name: 'A' });
		const boards = new LiveBoards();
		const anna = listener(boards, db, board.id, { id: 1, name: 'Anna' });
		const ben = listener(boards, db, board.id, { id: 2, name: 'Ben' });
		boards.disconnectUser(1);
		expect(anna.isClosed()).toBe(true);
		expect(ben.isClosed()).toBe(false);
		expect(boards.openStreams).toBe(1);
		ben.unsubscribe();
		expect(boards.openStreams).toBe(0);
	});
});
