import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { createBoard } from './boards';
import { addProgress, createAction, updateAction } from './actions';
import { listBoardActions } from './board-actions';
import { buildRoadmap, listRoadmapActions, ROADMAP_RULES } from './roadmap';

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
		expect(roadmap.nextUp.map((a) => a.title)).toEqual(['bald', 'läuft', 'vergessen']);
		expect(roadmap.recentlyDone.map((a) => a.title)).toEqual(['fertig']);
		expect(roadmap.needsAttention.map((a) => a.title).sort()).toEqual(['vergessen', 'überfällig']);

		const social = buildRoadmap(listRoadmapActions(db, board.id, now), now, 'social');
		expect(social.dimensions).toHaveLength(1);
		expect(social.needsAttention).toEqual([]);
	});
});
