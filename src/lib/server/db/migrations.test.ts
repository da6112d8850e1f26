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

	it('comes with the codes of the DNK and the SDGs, and tags actions with known codes only', () => {
		const db = createTestDb();
		const counts = db.$client
			.prepare(
				'select framework, count(*) as n, min(code) as first, max(code) as last from framework_codes group by framework order by framework'
			)
			.all();
		expect(counts).toEqual([
			{ framework: 'dnk', n: 20, first: 1, last: 20 },
			{ framework: 'sdg', n: 17, first: 1, last: 17 }
		]);
		const title = db.$client.prepare(
			'select title_de, title_en from framework_codes where framework = ? and code = ?'
		);
		expect(title.get('dnk', 13)).toEqual({
			title_de: 'Klimarelevante Emissionen',
			title_en: 'Climate-relevant emissions'
		});
		expect(title.get('sdg', 13)).toEqual({
			title_de: 'Maßnahmen zum Klimaschutz',
			title_en: 'Climate action'
		});
		const now = Date.now();
		db.$client
			.prepare('insert into boards (name, created_at, updated_at) values (?, ?, ?)')
			.run('Strategie', now, now);
		db.$client
			.prepare(
				"insert into actions (board_id, title, dimension, horizon, position, created_at, updated_at) values (1, 'Ökostrom', 'ecological', 'short', 'a0', ?, ?)"
			)
			.run(now, now);
		const tag = db.$client.prepare(
			'insert into action_codes (action_id, framework, code) values (1, ?, ?)'
		);
		tag.run('sdg', 7);
		expect(() => tag.run('sdg', 18)).toThrow(/FOREIGN KEY/);
		expect(() => tag.run('dnk', 0)).toThrow(/FOREIGN KEY/);
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
