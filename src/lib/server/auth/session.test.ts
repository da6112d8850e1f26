import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import {
	createSession,
	endSessions,
	SESSION_ABSOLUTE_LIFETIME_MS,
	SESSION_LIFETIME_MS,
	validateSessionToken
} from './session';
import { purgeExpired } from './housekeeping';
import { sessions, signInLinks } from '../db/schema';
import { createSignInLink, setActive, setPasswordHash } from '../domain/users';
import { subscribe } from '../events/subscribers';
import type { CommittedEvent } from '../events/types';

describe('sessions', () => {
	it('validates a fresh token and stores only a hash of its secret', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const { token } = createSession(db, user.id);
		const [id, secret] = token.split('.');

		const result = validateSessionToken(db, token);
		expect(result?.user).toMatchObject({ id: user.id, email: user.email, role: 'member' });
		expect(result?.renewed).toBe(false);

		const stored = db.select().from(sessions).all();
		expect(stored).toHaveLength(1);
		expect(stored[0].id).toBe(id);
		expect(Buffer.from(stored[0].secretHash).toString()).not.toContain(secret);
	});

	it('refuses a token with a wrong secret or a wrong shape', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const { token } = createSession(db, user.id);
		const [id] = token.split('.');
		expect(validateSessionToken(db, `${id}.wrongsecret`)).toBeNull();
		expect(validateSessionToken(db, id)).toBeNull();
		expect(validateSessionToken(db, 'a.b.c')).toBeNull();
	});

	it('ends a session 90 days after signing in, however often it is used', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const start = new Date('2026-01-01T00:00:00Z');
		const { token } = createSession(db, user.id, start);
		const day = 24 * 60 * 60 * 1000;
		let last = null;
		for (let d = 10; d < 90; d += 10) {
			last = validateSessionToken(db, token, new Date(start.getTime() + d * day));
			expect(last, `day ${d}`).not.toBeNull();
		}
		// Renewed up to its absolute end, never past it.
		expect(last!.session.expiresAt.getTime()).toBe(start.getTime() + SESSION_ABSOLUTE_LIFETIME_MS);
		expect(validateSessionToken(db, token, new Date(start.getTime() + 90 * day + 1))).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('purges expired sessions and links, and tells the streams of those sessions', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const start = new Date('2026-01-01T00:00:00Z');
		createSession(db, user.id, start);
		const fresh = createSession(db, user.id, new Date(start.getTime() + SESSION_LIFETIME_MS));
		createSignInLink(db, user.id, start);
		const heard: CommittedEvent[] = [];
		const off = subscribe({ name: 'test-purge', afterCommit: (events) => heard.push(...events) });
		try {
			purgeExpired(db, new Date(start.getTime() + SESSION_LIFETIME_MS + 1));
		} finally {
			off();
		}
		expect(
			db
				.select()
				.from(sessions)
				.all()
				.map((s) => s.id)
		).toEqual([fresh.token.split('.')[0]]);
		expect(db.select().from(signInLinks).all()).toHaveLength(0);
		expect(heard).toMatchObject([{ type: 'sessions_ended', userId: user.id, reason: 'expired' }]);
	});

	it('renews a session past half its lifetime and ends an expired one', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const start = new Date('2026-01-01T00:00:00Z');
		const { token } = createSession(db, user.id, start);

		const later = new Date(start.getTime() + SESSION_LIFETIME_MS * 0.6);
		const renewed = validateSessionToken(db, token, later);
		expect(renewed?.renewed).toBe(true);
		expect(renewed?.session.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS);

		const muchLater = new Date(later.getTime() + SESSION_LIFETIME_MS + 1);
		expect(validateSessionToken(db, token, muchLater)).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('ends on sign-out, for all devices, and when the user is deactivated', async () => {
		const db = createTestDb();
		const admin = await makeUser(db, { role: 'admin' });
		const user = await makeUser(db);
		const a = createSession(db, user.id);
		const b = createSession(db, user.id);
		const c = createSession(db, user.id);

		const ended: CommittedEvent[] = [];
		const unsubscribe = subscribe({ name: 'test', afterCommit: (e) => ended.push(...e) });
		const aId = validateSessionToken(db, a.token)!.session.id;
		endSessions(db, { sessionId: aId }, 'signed_out');
		expect(validateSessionToken(db, a.token)).toBeNull();
		expect(validateSessionToken(db, b.token)).not.toBeNull();
		expect(ended).toEqual([
			{ type: 'sessions_ended', userId: user.id, sessionIds: [aId], reason: 'signed_out' }
		]);

		const bId = validateSessionToken(db, b.token)!.session.id;
		const cId = validateSessionToken(db, c.token)!.session.id;
		setPasswordHash(db, user.id, 'another-hash');
		expect(validateSessionToken(db, b.token)).toBeNull();
		expect(ended.at(-1)).toMatchObject({ reason: 'password_changed' });
		expect(ended.at(-1)).toHaveProperty('sessionIds', expect.arrayContaining([bId, cId]));
		unsubscribe();

		const d = createSession(db, user.id);
		setActive(db, admin.id, user.id, false);
		expect(validateSessionToken(db, d.token)).toBeNull();
		expect(db.select().from(sessions).all()).toEqual([]);
	});
});
