import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { createBoard } from './boards';
import { addProgress } from './progress';
import { createAction } from './create-action';
import { updateAction } from './edit-action';
import { listBoardActions } from './board-actions';
import { buildRoadmap, listRoadmapActions, ROADMAP_LIST_LIMITS, ROADMAP_RULES } from './roadmap';

const DAY = 24 * 60 * 60 * 1000;

async function setup() {
	const db = createTestDb();
	const user = await makeUser(db);
	const board = createBoard(db, { name: 'Strategie' });
	return { db, user, board };
}

describe('the roadmap', () => {
	it('counts per dimension exactly what the board holds', async () => {
		const { db, user, board } = await setup();
		const now = new Date('2026-06-01T10:00:00Z');
		createAction(
			db,
			user,
			board.id,
			{ title: 'A', dimension: 'ecological', horizon: 'short', status: 'done', progress: 100 },
			now
		);
		createAction(
			db,
			user,
			board.id,
			{ title: 'B', dimension: 'ecological', horizon: 'long', status: 'in_progress', progress: 50 },
			now
		);
		createAction(
			db,
			user,
			board.id,
			{ title: 'C', dimension: 'ecological', horizon: 'long', status: 'dropped', progress: 10 },
			now
		);
		createAction(db, user, board.id, { title: 'D', dimension: 'social', horizon: 'medium' }, now);

		const roadmap = buildRoadmap(listRoadmapActions(db, board.id, now), now);
		const eco = roadmap.dimensions.find((d) => d.dimension === 'ecological')!;
		expect(eco).toMatchObject({
			total: 3,
			done: 1,
			running: 1,
			planned: 0,
			dropped: 1,
			averageProgress: 75
		});
		expect(roadmap.dimensions.find((d) => d.dimension === 'economic')).toMatchObject({
			total: 0,
			averageProgress: 0
		});
		const totals = roadmap.dimensions.reduce((n, d) => n + d.total, 0);
		expect(totals).toBe(listBoardActions(db, board.id).length);
		expect(roadmap.horizons.map((h) => h.actions.map((a) => a.title))).toEqual([
			['A'],
			['D'],
			['B', 'C']
		]);
	});

	it('sorts actions into next up, recently done and needs attention', async () => {
		const { db, user, board } = await setup();
		const now = new Date('2026-06-01T10:00:00Z');
		const long = new Date(now.getTime() - (ROADMAP_RULES.staleDays + 5) * DAY);
		const running = createAction(
			db,
			user,
			board.id,
			{ title: 'läuft', dimension: 'social', horizon: 'short', status: 'in_progress' },
			now
		);
		addProgress(db, user, running.id, { note: '', progress: 10 }, now);
		createAction(
			db,
			user,
			board.id,
			{ title: 'bald', dimension: 'social', horizon: 'short', dueDate: '2026-07-15' },
			now
		);
		createAction(
			db,
			user,
			board.id,
			{ title: 'später', dimension: 'social', horizon: 'long', dueDate: '2027-07-15' },
			now
		);
		createAction(
			db,
			user,
			board.id,
			{ title: 'überfällig', dimension: 'economic', horizon: 'short', dueDate: '2026-05-01' },
			now
		);
		createAction(
			db,
			user,
			board.id,
			{ title: 'vergessen', dimension: 'economic', horizon: 'medium', status: 'in_progress' },
			long
		);
		const done = createAction(
			db,
			user,
			board.id,
			{ title: 'fertig', dimension: 'ecological', horizon: 'short' },
			long
		);
		updateAction(db, user, done.id, { status: 'done', progress: 100, version: 1 }, now);

		const roadmap = buildRoadmap(listRoadmapActions(db, board.id, now), now);
		expect(roadmap.nextUp.actions.map((a) => a.title)).toEqual(['bald', 'läuft', 'vergessen']);
		expect(roadmap.recentlyDone.actions.map((a) => a.title)).toEqual(['fertig']);
		expect(roadmap.needsAttention.actions.map((a) => a.title).sort()).toEqual([
			'vergessen',
			'überfällig'
		]);

		const social = buildRoadmap(listRoadmapActions(db, board.id, now), now, 'social');
		expect(social.dimensions).toHaveLength(1);
		expect(social.needsAttention).toEqual({ actions: [], more: 0 });
	});

	it('shows the first actions of a long list and counts the rest, with every number whole', async () => {
		const { db, user, board } = await setup();
		const now = new Date('2026-06-01T10:00:00Z');
		const many = ROADMAP_LIST_LIMITS.horizon + 7;
		for (let i = 0; i < many; i++) {
			createAction(
				db,
				user,
				board.id,
				{ title: `M${i}`, dimension: 'economic', horizon: 'medium', status: 'in_progress' },
				now
			);
		}
		const roadmap = buildRoadmap(listRoadmapActions(db, board.id, now), now);
		const medium = roadmap.horizons.find((h) => h.horizon === 'medium')!;
		expect(medium.actions).toHaveLength(ROADMAP_LIST_LIMITS.horizon);
		expect(medium.more).toBe(7);
		expect(medium.actions[0].title).toBe('M0');
		expect(roadmap.nextUp.actions).toHaveLength(ROADMAP_LIST_LIMITS.short);
		expect(roadmap.nextUp.more).toBe(many - ROADMAP_LIST_LIMITS.short);
		expect(roadmap.dimensions.find((d) => d.dimension === 'economic')!.running).toBe(many);
	});
});
