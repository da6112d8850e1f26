import type { Db } from '../db';
import { createBoard } from './boards';
import { DomainError } from './errors';
import { createUser, hasAnyUser } from './users';
import type { Locale } from '../../locales';

/** First run: creates the first admin and an empty board — only while there is no user at all. */
export function createFirstAdmin(
	db: Db,
	input: { name: string; email: string; passwordHash: string; locale: Locale },
	boardName: string
) {
	return db.transaction(
		(tx) => {
			if (hasAnyUser(tx)) throw new DomainError('conflict');
			const user = createUser(tx, { ...input, role: 'admin' });
			createBoard(tx, { name: boardName });
			return user;
		},
		{ behavior: 'immediate' }
	);
}
