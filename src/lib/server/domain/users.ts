import { and, asc, eq, lte, ne, sql } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { prepared } from '../db/prepared';
import { signInLinks, users, type User } from '../db/schema';
import type { Role } from '../../roles';
import type { Locale } from '../../locales';
import { endSessions } from '../auth/session';
import { generateSecureRandomString, newSecretToken, rowOfToken } from '../auth/tokens';
import { commitChange } from '../events/commit';
import { DomainError } from './errors';
import { enqueueEmail, type OutgoingEmail } from './outbox';

/** How long a one-time sign-in link works, in days (e-mails and the admin's page say so). */
export const SIGN_IN_LINK_LIFETIME_DAYS = 7;
const SIGN_IN_LINK_LIFETIME_MS = SIGN_IN_LINK_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

export type PublicUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'locale' | 'active'> & {
	hasPassword: boolean;
};

const publicColumns = {
	id: users.id,
	email: users.email,
	name: users.name,
	role: users.role,
	locale: users.locale,
	active: users.active,
	hasPassword: sql<boolean>`${users.passwordHash} is not null`.mapWith(Boolean)
};

export function hasAnyUser(db: Conn): boolean {
	return (
		db
			.select({ one: sql`1` })
			.from(users)
			.limit(1)
			.get() !== undefined
	);
}

export function findUserByEmail(db: Conn, email: string): User | undefined {
	return db
		.select()
		.from(users)
		.where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
		.get();
}

export function getUser(db: Conn, id: number): User | undefined {
	return db.select().from(users).where(eq(users.id, id)).get();
}

export function listUsers(db: Db): PublicUser[] {
	return prepared(db, userLists).all.all();
}

/** Active users, for choosing owners. */
export function listActiveUsers(db: Db): Pick<User, 'id' | 'name'>[] {
	return prepared(db, userLists).active.all();
}

// Most pages name people; prepared once per connection.
const userLists = (db: Conn) => ({
	all: db.select(publicColumns).from(users).orderBy(asc(users.name), asc(users.id)).prepare(),
	active: db
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(eq(users.active, true))
		.orderBy(asc(users.name))
		.prepare()
});

export interface NewUser {
	email: string;
	name: string;
	role: Role;
	locale?: Locale;
	passwordHash?: string | null;
}

export function createUser(db: Db, input: NewUser, now = new Date()): User {
	return commitChange(db, () => {
		if (findUserByEmail(db, input.email)) throw new DomainError('email_taken');
		return db
			.insert(users)
			.values({
				email: input.email.trim().toLowerCase(),
				name: input.name,
				role: input.role,
				locale: input.locale ?? 'de',
				passwordHash: input.passwordHash ?? null,
				calendarToken: generateSecureRandomString(),
				createdAt: now,
				updatedAt: now
			})
			.returning()
			.get();
	});
}

function otherActiveAdmins(db: Conn, userId: number): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(users)
		.where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)))
		.get()!.n;
}

/** Changes a role; the last active admin cannot give up the role. */
export function changeRole(db: Db, userId: number, role: Role, now = new Date()) {
	commitChange(db, () => {
		const user = getUser(db, userId);
		if (!user) throw new DomainError('not_found');
		if (user.role === 'admin' && role !== 'admin' && otherActiveAdmins(db, userId) === 0) {
			throw new DomainError('last_admin');
		}
		db.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId)).run();
	});
}

/** Deactivating ends every session of the user at once; nobody can deactivate themselves. */
export function setActive(
	db: Db,
	actorId: number,
	userId: number,
	active: boolean,
	now = new Date()
) {
	if (actorId === userId && !active) throw new DomainError('self');
	commitChange(db, () => {
		const user = getUser(db, userId);
		if (!user) throw new DomainError('not_found');
		db.update(users).set({ active, updatedAt: now }).where(eq(users.id, userId)).run();
		if (!active) endSessions(db, { userId }, 'deactivated');
	});
}

export function updateProfile(db: Db, userId: number, input: { name: string; locale: Locale }) {
	commitChange(db, () => {
		db.update(users)
			.set({ name: input.name, locale: input.locale, updatedAt: new Date() })
			.where(eq(users.id, userId))
			.run();
	});
}

/** Keeps the person's language; choosing the one they have already changes nothing. */
export function setLocale(db: Db, userId: number, locale: Locale) {
	commitChange(db, () => {
		db.update(users)
			.set({ locale, updatedAt: new Date() })
			.where(and(eq(users.id, userId), ne(users.locale, locale)))
			.run();
	});
}

/**
 * Stores a new password hash, retires the person's sign-in links and their calendar address (it
 * gets a new secret), and ends every session of theirs (the caller signs
 * them in anew); their open streams elsewhere close.
 */
export function setPasswordHash(db: Db, userId: number, passwordHash: string) {
	commitChange(db, () => {
		db.update(users)
			.set({ passwordHash, calendarToken: generateSecureRandomString(), updatedAt: new Date() })
			.where(eq(users.id, userId))
			.run();
		db.delete(signInLinks).where(eq(signInLinks.userId, userId)).run();
		endSessions(db, { userId }, 'password_changed');
	});
}

/** A one-time link with which a user chooses their password; earlier links of the user stop working. */
export function createSignInLink(db: Db, userId: number, now = new Date()): string {
	const { id, secretHash, token } = newSecretToken();
	commitChange(db, () => {
		db.delete(signInLinks).where(eq(signInLinks.userId, userId)).run();
		db.insert(signInLinks)
			.values({
				id,
				secretHash,
				userId,
				createdAt: now,
				expiresAt: new Date(now.getTime() + SIGN_IN_LINK_LIFETIME_MS)
			})
			.run();
	});
	return token;
}

/** What an e-mail with a sign-in link is written from: whom it is for and the link's token. */
export interface SignInLinkEmail {
	user: Pick<User, 'id' | 'email' | 'name' | 'locale'>;
	token: string;
	expiresAt: Date;
}

/**
 * A new one-time sign-in link for an active person, sent to their own address: the link and the
 * e-mail with it are stored in one transaction, so no e-mail names a link that does not exist and
 * no link is made without its e-mail. `compose` words the e-mail (in the person's language); it
 * is kept only until sent, being a key. Earlier links of the person stop working.
 */
export function emailSignInLink(
	db: Db,
	userId: number,
	compose: (link: SignInLinkEmail) => OutgoingEmail,
	now = new Date()
): Pick<User, 'id' | 'email' | 'name'> {
	return commitChange(db, (change) => {
		const user = getUser(db, userId);
		if (!user?.active) throw new DomainError('not_found');
		const token = createSignInLink(db, user.id, now);
		const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_LIFETIME_MS);
		const mail = compose({ user, token, expiresAt });
		enqueueEmail(
			db,
			change,
			{ ...mail, userId: user.id, to: user.email, topic: 'sign_in_link', sensitive: true },
			now
		);
		return { id: user.id, email: user.email, name: user.name };
	});
}

/** The active user a sign-in link belongs to, if the link is valid and unused. */
export function findSignInLinkUser(db: Db, token: string, now = new Date()): User | undefined {
	const link = rowOfToken(token, (id) =>
		db.select().from(signInLinks).where(eq(signInLinks.id, id)).get()
	);
	if (!link || link.expiresAt.getTime() <= now.getTime()) return undefined;
	const user = getUser(db, link.userId);
	return user?.active ? user : undefined;
}

/**
 * Uses a sign-in link to set the person's first (or new) password — once: the link is checked
 * and retired in the same transaction, so of two requests that arrive together only one gets
 * through. Returns the user, or undefined when the link is used up, expired or unknown.
 */
export function redeemSignInLink(
	db: Db,
	token: string,
	passwordHash: string,
	now = new Date()
): User | undefined {
	return commitChange(db, () => {
		const user = findSignInLinkUser(db, token, now);
		if (user) setPasswordHash(db, user.id, passwordHash);
		return user;
	});
}

/** Removes sign-in links past their expiry; they no longer open anything. */
export function purgeExpiredSignInLinks(db: Db, now = new Date()) {
	commitChange(db, () => {
		db.delete(signInLinks).where(lte(signInLinks.expiresAt, now)).run();
	});
}
