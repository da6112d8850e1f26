import { and, asc, eq, sql } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { commitChange } from '../events/commit';
import { follows, users } from '../db/schema';

export function follow(db: Db, userId: number, actionId: number, now = new Date()) {
	commitChange(db, () => {
		db.insert(follows).values({ userId, actionId, createdAt: now }).onConflictDoNothing().run();
	});
}

export function unfollow(db: Db, userId: number, actionId: number) {
	commitChange(db, () => {
		db.delete(follows)
			.where(and(eq(follows.userId, userId), eq(follows.actionId, actionId)))
			.run();
	});
}

export function isFollowing(db: Conn, userId: number, actionId: number): boolean {
	return (
		db
			.select({ one: sql`1` })
			.from(follows)
			.where(and(eq(follows.userId, userId), eq(follows.actionId, actionId)))
			.get() !== undefined
	);
}

/** Ids of the actions a user follows. */
export function followedActionIds(db: Conn, userId: number): Set<number> {
	return new Set(
		db
			.select({ id: follows.actionId })
			.from(follows)
			.where(eq(follows.userId, userId))
			.all()
			.map((r) => r.id)
	);
}

/** Who follows an action, by name. */
export function listFollowers(db: Conn, actionId: number) {
	return db
		.select({ id: users.id, name: users.name })
		.from(follows)
		.innerJoin(users, eq(users.id, follows.userId))
		.where(eq(follows.actionId, actionId))
		.orderBy(asc(users.name))
		.all();
}
