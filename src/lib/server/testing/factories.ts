import type { Db } from '../db';
import { hashPassword } from '../auth/password';
import { createUser } from '../domain/users';
import type { Role } from '../../roles';

export const TEST_PASSWORD = 'correct horse battery';

// Hashing is deliberately slow; one real hash serves every test user.
let testHash: Promise<string> | undefined;
export const testPasswordHash = () => (testHash ??= hashPassword(TEST_PASSWORD));

let counter = 0;

/** A user with a unique e-mail and the test password; pass what matters to the test. */
export async function makeUser(
	db: Db,
	overrides: Partial<{
		name: string;
		email: string;
		role: Role;
		active: boolean;
		/** When they joined (now unless a test of the past needs them earlier). */
		createdAt: Date;
	}> = {}
) {
	counter += 1;
	const user = createUser(
		db,
		{
			name: overrides.name ?? `Person ${counter}`,
			email: overrides.email ?? `person${counter}@example.org`,
			role: overrides.role ?? 'member',
			passwordHash: await testPasswordHash()
		},
		overrides.createdAt
	);
	return user;
}
