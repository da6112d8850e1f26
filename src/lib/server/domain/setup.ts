import type { Db } from '../db';
import { commitChange } from '../events/commit';
import { createBoard, type NewBoard } from './boards';
import { DomainError } from './errors';
import { createUser, hasAnyUser } from './users';
import type { Locale } from '../../locales';

/**
 * First run: creates the first admin and an empty board — only while there is no user at all.
 * The board's name and horizon texts come in the admin's language (without horizons, the German
 * defaults).
 */
export function createFirstAdmin(
	db: Db,
	input: { name: string; email: string; passwordHash: string; locale: Locale },
	boardName: string,
	horizons: Pick<NewBoard, 'horizonShort' | 'horizonMedium' | 'horizonLong'> = {}
) {
	return commitChange(db, () => {
		if (hasAnyUser(db)) throw new DomainError('conflict');
		const user = createUser(db, { ...input, role: 'admin' });
		createBoard(db, { name: boardName, ...horizons });
		return user;
	});
}
