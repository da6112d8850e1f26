import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { createBoard } from '../domain/boards';
import { createAction } from '../domain/create-action';
import { moveAction } from '../domain/move-action';
import { LiveBoards, CATCH_UP_LIMIT } from './broker';
import { events } from '../db/schema';
import { subscribe } from '../events/subscribers';
import { createSession, validateSessionToken } from '../auth/session';
import { setActive, setPasswordHash } from '../domain/users';
import { markAllRead } from '../domain/notifications';
import { inAppNotifications } from '../notify/in-app';

// Each test's broker hears the commit seam, as the server's one broker does after start-up.
let unsubscribeAll: (() => void)[] = [];
afterEach(() => {
	for (const u of unsubscribeAll) u();
	unsubscribeAll = [];
});
function liveBoards() {
	const boards = new LiveBoards();
	unsubscribeAll.push(subscribe(boards.subscriber));
	return boards;
}

function listener(
	boards: LiveBoards,
	boardId: number,
	user = { id: 1, name: 'Anna' },
	sessionId = `s-${user.id}`
) {
	const chunks: string[] = [];
	let closed = false;
	const unsubscribe = boards.subscribe({
		boardId,
		user,
		sessionId,
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
	it('sends each committed change once, after its commit, to every stream of its board and nothing to others', async () => {
		const db = createTestDb();
		const user = await makeUser(db, { name: 'Anna' });
		const board = createBoard(db, { name: 'A' });
		const other = createBoard(db, { name: 'B' });
		const boards = liveBoards();
		const a = listener(boards, board.id);
		const b = listener(boards, board.id, { id: 2, name: 'Ben' });
		const c = listener(boards, other.id);

		const action = createAction(db, user, board.id, {
			title: 'X',
			dimension: 'social',
			horizon: 'short'
		});
		moveAction(db, user, action.id, {
			dimension: 'ecological',
			horizon: 'long',
			index: 0,
			version: 1
		});

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
		const boards = liveBoards();
		const a = listener(boards, board.id, { id: 1, name: 'Anna' });
		const b = listener(boards, board.id, { id: 2, name: 'Ben' });
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
		const boards = liveBoards();
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

	it('closes the streams of sessions that end: new password, sign-out elsewhere, deactivation', async () => {
		const db = createTestDb();
		const admin = await makeUser(db, { role: 'admin' });
		const anna = await makeUser(db, { name: 'Anna' });
		const ben = await makeUser(db, { name: 'Ben' });
		const board = createBoard(db, { name: 'A' });
		const boards = liveBoards();
		const sessionOf = (token: string) => validateSessionToken(db, token)!.session.id;
		const annaPhone = listener(boards, board.id, anna, sessionOf(createSession(db, anna.id).token));
		const annaDesk = listener(boards, board.id, anna, sessionOf(createSession(db, anna.id).token));
		const benDesk = listener(boards, board.id, ben, sessionOf(createSession(db, ben.id).token));

		setPasswordHash(db, anna.id, 'new-hash');
		expect(annaPhone.isClosed()).toBe(true);
		expect(annaDesk.isClosed()).toBe(true);
		expect(benDesk.isClosed()).toBe(false);
		expect(boards.openStreams).toBe(1);

		setActive(db, admin.id, ben.id, false);
		expect(benDesk.isClosed()).toBe(true);
		expect(boards.openStreams).toBe(0);
	});
});

describe("a person's bell", () => {
	it('hears the unread count of its person only, when notifications come and when they are read', async () => {
		const db = createTestDb();
		const member = await makeUser(db, { role: 'member' });
		const staff = await makeUser(db, { role: 'staff' });
		const other = await makeUser(db, { role: 'staff' });
		const board = createBoard(db, { name: 'A' });
		const boards = liveBoards();
		unsubscribeAll.push(subscribe(inAppNotifications));
		const heard = (userId: number) => {
			const counts: number[] = [];
			unsubscribeAll.push(
				boards.subscribeBell(userId, {
					sessionId: `s-${userId}`,
					send: (chunk) =>
						counts.push(JSON.parse(/data: (.*)/.exec(new TextDecoder().decode(chunk))![1]).unread),
					close: () => {}
				})
			);
			return counts;
		};
		const staffBell = heard(staff.id);
		const otherBell = heard(other.id);

		const action = createAction(db, member, board.id, {
			title: 'Solardach',
			dimension: 'ecological',
			horizon: 'short',
			owners: [staff.id]
		});
		expect(staffBell).toEqual([1]);
		markAllRead(db, staff.id);
		expect(staffBell).toEqual([1, 0]);
		moveAction(db, member, action.id, {
			dimension: 'social',
			horizon: 'short',
			index: 0,
			version: action.version
		});
		expect(staffBell).toEqual([1, 0, 1]);
		expect(otherBell).toEqual([]);
	});
});
