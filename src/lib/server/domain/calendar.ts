import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { commitChange } from '../events/commit';
import { actions, follows, users } from '../db/schema';
import { generateSecureRandomString } from '../auth/tokens';

/**
 * The secret of the user's private calendar URL. Every person gets one when they are added;
 * for people added before that, it is made on first use.
 */
export function calendarToken(db: Db, userId: number): string {
	const row = db
		.select({ token: users.calendarToken })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	return row?.token ?? renewCalendarToken(db, userId);
}

/** A new secret for the calendar URL; the old URL stops working at once. */
export function renewCalendarToken(db: Db, userId: number): string {
	const token = generateSecureRandomString();
	commitChange(db, () => {
		db.update(users).set({ calendarToken: token }).where(eq(users.id, userId)).run();
	});
	return token;
}

/** The active user a calendar token belongs to. */
export function calendarOwner(db: Conn, token: string) {
	if (!/^[a-z2-7]{16,64}$/.test(token)) return undefined;
	return db
		.select({ id: users.id, name: users.name, locale: users.locale })
		.from(users)
		.where(and(eq(users.calendarToken, token), eq(users.active, true)))
		.get();
}

/** Every live action with a due date (or only those the user follows), soonest first. */
export function calendarActions(db: Conn, userId: number, onlyFollowed: boolean) {
	const query = db
		.select({
			id: actions.id,
			title: actions.title,
			status: actions.status,
			progress: actions.progress,
			dueDate: actions.dueDate,
			dimension: actions.dimension,
			horizon: actions.horizon,
			updatedAt: actions.updatedAt
		})
		.from(actions);
	const live = and(isNull(actions.archivedAt), isNotNull(actions.dueDate));
	const rows = onlyFollowed
		? query
				.innerJoin(follows, and(eq(follows.actionId, actions.id), eq(follows.userId, userId)))
				.where(live)
				.orderBy(asc(actions.dueDate))
				.all()
		: query.where(live).orderBy(asc(actions.dueDate)).all();
	return rows as (Omit<(typeof rows)[number], 'dueDate'> & { dueDate: string })[];
}
