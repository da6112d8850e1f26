import type { Db } from '../db';
import type { User } from '../db/schema';
import { findUserByEmail } from '../domain/users';
import { verifyAgainstDummy, verifyPassword } from './password';

/**
 * The user with this e-mail and password, or null. Unknown e-mails, wrong passwords, deactivated
 * users and users without a password all look the same from outside and take about as long.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<User | null> {
	const user = findUserByEmail(db, email);
	if (!user?.passwordHash) {
		await verifyAgainstDummy(password);
		return null;
	}
	const valid = await verifyPassword(user.passwordHash, password);
	return valid && user.active ? user : null;
}
