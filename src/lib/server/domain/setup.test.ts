import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { createFirstAdmin } from './setup';
import { listBoards } from './boards';
import { hasAnyUser, listUsers } from './users';

describe('first run', () => {
	it('creates the first admin and a board, and only once', () => {
		const db = createTestDb();
		expect(hasAnyUser(db)).toBe(false);
		const input = {
			name: 'Fatma',
			email: 'fatma@example.org',
			passwordHash: 'h',
			locale: 'de' as const
		};
		createFirstAdmin(db, input, 'Strategie');
		expect(listUsers(db)).toMatchObject([{ name: 'Fatma', role: 'admin', active: true }]);
		expect(listBoards(db)).toMatchObject([{ name: 'Strategie' }]);
		expect(() => createFirstAdmin(db, { ...input, email: 'other@example.org' }, 'X')).toThrow(
			/conflict/
		);
		expect(listUsers(db)).toHaveLength(1);
	});
});
