import { eq, lte, or, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Conn, Db } from '../db';
import { sessions, users, type User } from '../db/schema';
import { commitChange } from '../events/commit';
import type { SessionEndReason } from '../events/types';
import { newSecretToken, rowOfToken } from './tokens';

export const SESSION_COOKIE = 'dreiklang_session';
const DAY_MS = 24 * 60 * 60 * 1000;
/** A session not used for this long ends; each use within it extends it (up to the limit below). */
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** However often it is used, a session ends this long after signing in. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 90 * DAY_MS;

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'locale'>;

export interface SessionInfo {
	id: string;
	userId: number;
	expiresAt: Date;
}

// Every request validates its session: one query, prepared once.
const sessionQuery = (db: Conn) =>
	db
		.select({
			id: sessions.id,
			secretHash: sessions.secretHash,
			userId: sessions.userId,
			createdAt: sessions.createdAt,
			expiresAt: sessions.expiresAt,
			user: {
				id: users.id,
				email: users.email,
				name: users.name,
				role: users.role,
				locale: users.locale
			},
			active: users.active
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare();

/** Creates a session; the returned token goes into the cookie, only its secret's hash is stored. */
export function createSession(db: Db, userId: number, now = new Date()) {
	const { id, secretHash, token } = newSecretToken();
	const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	commitChange(db, () => {
		db.insert(sessions).values({ id, secretHash, userId, createdAt: now, expiresAt }).run();
	});
	return { token, expiresAt };
}

type SessionRow = NonNullable<ReturnType<ReturnType<typeof sessionQuery>['get']>>;

const findSession = (db: Db, token: string): SessionRow | undefined =>
	rowOfToken(token, (id) => prepared(db, sessionQuery).get({ id }));

const endOfLife = (row: Pick<SessionRow, 'createdAt'>) =>
	row.createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS;

const isUsable = (row: SessionRow, now: Date) =>
	row.active && row.expiresAt.getTime() > now.getTime() && endOfLife(row) > now.getTime();

/** Past half its idle lifetime a session is extended — never beyond its absolute end. */
const renewedExpiry = (row: SessionRow, now: Date): Date | null => {
	if (row.expiresAt.getTime() - now.getTime() >= SESSION_LIFETIME_MS / 2) return null;
	const expiry = Math.min(now.getTime() + SESSION_LIFETIME_MS, endOfLife(row));
	return expiry > row.expiresAt.getTime() ? new Date(expiry) : null;
};

/**
 * Validates a session token. Expired sessions and sessions of deactivated users are deleted.
 * A session past half its lifetime is renewed (`renewed: true` tells the caller to reset the
 * cookie), up to 90 days after signing in.
 */
export function validateSessionToken(
	db: Db,
	token: string,
	now = new Date()
): { session: SessionInfo; user: SessionUser; renewed: boolean } | null {
	const row = findSession(db, token);
	if (!row) return null;
	if (!isUsable(row, now)) {
		endSessions(db, { sessionId: row.id }, 'expired');
		return null;
	}
	const renewal = renewedExpiry(row, now);
	if (renewal) {
		commitChange(db, () => {
			db.update(sessions).set({ expiresAt: renewal }).where(eq(sessions.id, row.id)).run();
		});
	}
	const expiresAt = renewal ?? row.expiresAt;
	return {
		session: { id: row.id, userId: row.userId, expiresAt },
		user: row.user,
		renewed: renewal !== null
	};
}

/**
 * Ends one session or every session of a person — the one way sessions end: signing out,
 * a new password, deactivation, expiry. Emits `sessions_ended`, so every open stream of those
 * sessions closes as soon as the change is committed.
 */
export function endSessions(
	db: Db,
	which: { sessionId: string } | { userId: number },
	reason: SessionEndReason
) {
	commitChange(db, (change) => {
		const ended = db
			.delete(sessions)
			.where(
				'sessionId' in which ? eq(sessions.id, which.sessionId) : eq(sessions.userId, which.userId)
			)
			.returning({ id: sessions.id, userId: sessions.userId })
			.all();
		if (ended.length === 0) return;
		change.emit({
			type: 'sessions_ended',
			userId: ended[0].userId,
			sessionIds: ended.map((s) => s.id),
			reason
		});
	});
}

/**
 * Ends every session that has expired (idle or past its absolute end) — run regularly, so
 * that a session nobody uses again does not stay in the database; its streams close too.
 */
export function endExpiredSessions(db: Db, now = new Date()) {
	commitChange(db, (change) => {
		const ended = db
			.delete(sessions)
			.where(
				or(
					lte(sessions.expiresAt, now),
					lte(sessions.createdAt, new Date(now.getTime() - SESSION_ABSOLUTE_LIFETIME_MS))
				)
			)
			.returning({ id: sessions.id, userId: sessions.userId })
			.all();
		const byUser = new Map<number, string[]>();
		for (const s of ended) byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), s.id]);
		for (const [userId, sessionIds] of byUser) {
			change.emit({ type: 'sessions_ended', userId, sessionIds, reason: 'expired' });
		}
	});
}
