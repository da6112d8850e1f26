import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { DomainError } from './errors';
import {
	changeRole,
	createSignInLink,
	createUser,
	findSignInLinkUser,
	findUserByEmail,
	listUsers,
	setActive,
	getUser,
	redeemSignInLink,
	setPasswordHash
} from './users';
import { calendarOwner, calendarToken } from './calendar';
import { newUserInput, setupInput } from './user-input';

describe('users', () => {
	it('keeps e-mails unique regardless of case', async () => {
		const db = createTestDb();
		await makeUser(db, { email: 'Carla@Example.org' });
		expect(findUserByEmail(db, 'carla@example.org')?.email).toBe('carla@example.org');
		expect(() => createUser(db, { email: 'CARLA@example.org', name: 'C', role: 'staff' })).toThrow(
			DomainError
		);
	});

	it('never lets the last active admin give up the role', async () => {
		const db = createTestDb();
		const admin = await makeUser(db, { role: 'admin' });
		expect(() => changeRole(db, admin.id, 'member')).toThrow(/last_admin/);
		const second = await makeUser(db, { role: 'admin' });
		changeRole(db, admin.id, 'member');
		expect(listUsers(db).find((u) => u.id === admin.id)?.role).toBe('member');
		expect(() => changeRole(db, second.id, 'staff')).toThrow(/last_admin/);
	});

	it('does not let admins deactivate themselves, and reactivates', async () => {
		const db = createTestDb();
		const admin = await makeUser(db, { role: 'admin' });
		const user = await makeUser(db);
		expect(() => setActive(db, admin.id, admin.id, false)).toThrow(/self/);
		setActive(db, admin.id, user.id, false);
		expect(listUsers(db).find((u) => u.id === user.id)?.active).toBe(false);
		setActive(db, admin.id, user.id, true);
		expect(listUsers(db).find((u) => u.id === user.id)?.active).toBe(true);
	});

	it('honours a sign-in link once, and only until it expires', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const now = new Date('2026-03-01T10:00:00Z');
		const token = createSignInLink(db, user.id, now);
		expect(findSignInLinkUser(db, token, now)?.id).toBe(user.id);
		expect(findSignInLinkUser(db, token, new Date('2026-03-09T10:00:00Z'))).toBeUndefined();
		expect(findSignInLinkUser(db, token.replace(/.$/, 'x'), now)).toBeUndefined();

		setPasswordHash(db, user.id, 'new-hash');
		expect(findSignInLinkUser(db, token, now)).toBeUndefined();
	});

	it('redeems a sign-in link once: the second of two redemptions finds it used up', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const token = createSignInLink(db, user.id);
		expect(redeemSignInLink(db, token, 'first-hash')?.id).toBe(user.id);
		expect(redeemSignInLink(db, token, 'second-hash')).toBeUndefined();
		expect(getUser(db, user.id)?.passwordHash).toBe('first-hash');
	});

	it('a new password retires the calendar address', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const before = calendarToken(db, user.id);
		setPasswordHash(db, user.id, 'new-hash');
		expect(calendarOwner(db, before)).toBeUndefined();
		expect(calendarToken(db, user.id)).not.toBe(before);
	});

	it('a new sign-in link replaces the earlier one', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const first = createSignInLink(db, user.id);
		const second = createSignInLink(db, user.id);
		expect(findSignInLinkUser(db, first)).toBeUndefined();
		expect(findSignInLinkUser(db, second)?.id).toBe(user.id);
	});
});

describe('user input', () => {
	it('accepts a new user with a link or with a first password', () => {
		expect(
			newUserInput.safeParse({
				access: 'link',
				name: ' Dora ',
				email: 'DORA@example.org ',
				role: 'staff'
			}).data
		).toEqual({ access: 'link', name: 'Dora', email: 'dora@example.org', role: 'staff' });
		expect(
			newUserInput.safeParse({
				access: 'password',
				name: 'Dora',
				email: 'dora@example.org',
				role: 'staff',
				password: 'short'
			}).success
		).toBe(false);
	});

	it('refuses unknown roles, long names and bad e-mails', () => {
		const result = newUserInput.safeParse({
			access: 'link',
			name: 'x'.repeat(101),
			email: 'not-an-email',
			role: 'owner'
		});
		expect(result.success).toBe(false);
		const fields = result.error!.issues.map((i) => i.path[0]);
		expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'role']));
	});

	it('wants both passwords the same at setup', () => {
		const result = setupInput.safeParse({
			setupCode: 'abcd-efgh-ijkl-mnop',
			name: 'Erik',
			email: 'erik@example.org',
			password: 'long enough',
			passwordConfirm: 'long enougH'
		});
		expect(result.error?.issues[0]).toMatchObject({
			path: ['passwordConfirm'],
			message: 'passwords_differ'
		});
	});
});
