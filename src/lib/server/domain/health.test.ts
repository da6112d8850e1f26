import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { databaseIsHealthy } from './health';

describe('databaseIsHealthy', () => {
	it('is true for a working database and false once it cannot answer', () => {
		const db = createTestDb();
		expect(databaseIsHealthy(db)).toBe(true);
		db.$client.close();
		expect(databaseIsHealthy(db)).toBe(false);
	});
});
