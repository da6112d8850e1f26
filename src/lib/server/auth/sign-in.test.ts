import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser, TEST_PASSWORD } from '../testing/factories';
import { authenticate } from './sign-in';
import { setActive } from '../domain/users';

describe('authenticate', () => {
	it('finds the user by e-mail in any case with the right password', async () => {
		const db = createTestDb();
		const user = await makeUser(db, { email: 'anna@example.org' });
		expect((await authenticate(db, 'Anna@Example.ORG ', TEST_PASSWORD))?.id).toBe(user.id);
	});

	it('refuses a wrong password, an unknown e-mail and a deactivated user alike', async () => {
		const db = createTestDb();
		const admin = await makeUser(db, { role: 'admin' });
		const user = await makeUser(db, { email: 'ben@example.org' });
		expect(await authenticate(db, 'ben@example.org', 'wrong password')).toBeNull();
		expect(await authenticate(db, 'nobody@example.org', TEST_PASSWORD)).toBeNull();
		setActive(db, admin.id, user.id, false);
		expect(await authenticate(db, 'ben@example.org', TEST_PASSWORD)).toBeNull();
	});
});
