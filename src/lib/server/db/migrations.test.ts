import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';

describe('the database', () => {
	it('applies every migration and enforces foreign keys', () => {
		const db = createTestDb();
		const tables = db.$client
			.prepare("select name from sqlite_master where type = 'table' order by name")
			.pluck()
			.all();
		expect(tables).toEqual(
			expect.arrayContaining([
				'users',
				'sessions',
				'sign_in_links',
				'boards',
				'actions',
				'action_owners',
				'progress_entries',
				'events'
			])
		);
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(() =>
			db.$client.prepare('insert into action_owners (action_id, user_id) values (999, 999)').run()
		).toThrow(/FOREIGN KEY/);
	});

	it('reads a cell of the board through its index', () => {
		const db = createTestDb();
		const plan = db.$client
			.prepare(
				`explain query plan select id from actions
				 where board_id = 1 and dimension = 'social' and horizon = 'short' and archived_at is null
				 order by position`
			)
			.all() as { detail: string }[];
		expect(plan.map((p) => p.detail).join(' ')).toContain('actions_board_cell_idx');
	});
});
