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
				'events',
				'notifications',
				'notification_settings'
			])
		);
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(() =>
			db.$client.prepare('insert into action_owners (action_id, user_id) values (999, 999)').run()
		).toThrow(/FOREIGN KEY/);
	});

	it('reads and counts a cell of the board from its index alone', () => {
		const db = createTestDb();
		const plan = (query: string) =>
			(db.$client.prepare(`explain query plan ${query}`).all() as { detail: string }[])
				.map((p) => p.detail)
				.join(' ');
		const cell = `board_id = 1 and dimension = 'social' and horizon = 'short' and archived_at is null`;
		const ordered = plan(`select id, position from actions where ${cell} order by position, id`);
		expect(ordered).toContain('COVERING INDEX actions_cell_idx');
		expect(ordered).not.toContain('TEMP B-TREE');
		expect(plan(`select count(*) from actions where ${cell} and position < 'a5'`)).toContain(
			'COVERING INDEX actions_cell_idx'
		);
	});
});
