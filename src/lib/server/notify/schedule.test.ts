import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { clientOf } from '../db/prepared';
import { createBoard } from '../domain/boards';
import { createAction } from '../domain/create-action';
import { runScheduledJobs, startSchedule } from './schedule';

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
});

describe('the schedule', () => {
	it('catches up at once on start, then runs every hour at minute 7', async () => {
		vi.stubEnv('SMTP_URL', '');
		const db = createTestDb();
		const owner = await makeUser(db, { role: 'member' });
		const board = createBoard(db, { name: 'Strategie' });
		createAction(db, owner, board.id, {
			title: 'Längst fällig',
			dimension: 'social',
			horizon: 'short',
			owners: [owner.id],
			dueDate: '2020-01-01'
		});
		const job = startSchedule(db);
		try {
			const sent = clientOf(db).prepare('select reason from reminders_sent').pluck().all();
			expect(sent).toEqual(['overdue']);
			const next = job.nextRun()!;
			expect(next.getMinutes()).toBe(7);
			expect(next.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
		} finally {
			job.stop();
		}
	});

	it('logs a failed run and never throws', () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		vi.stubEnv('SMTP_URL', 'console');
		const db = createTestDb();
		db.$client.close();
		expect(() => runScheduledJobs(db, new Date())).not.toThrow();
		expect(logged.mock.calls.map((call) => call[0])).toEqual([
			'the reminder job failed',
			'the digest job failed'
		]);
	});
});
