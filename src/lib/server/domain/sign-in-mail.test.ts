import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { clientOf } from '../db/prepared';
import {
	emailSignInLink,
	findSignInLinkUser,
	setActive,
	createSignInLink,
	SIGN_IN_LINK_LIFETIME_DAYS
} from './users';
import {
	claimNextEmail,
	listOutbox,
	markEmailFailed,
	queueEmail,
	sendAgain,
	type OutgoingEmail
} from './outbox';

const DAY = 24 * 60 * 60 * 1000;

/** What a route's compose callback gives back: the e-mail, worded. */
const composed = (link: string): OutgoingEmail => ({
	userId: null,
	to: 'wrong@example.org',
	topic: 'test',
	subject: 'Ihr Anmelde-Link',
	text: `Link: ${link}`,
	html: `<a href="${link}">Link</a>`
});

describe('sign-in links by e-mail', () => {
	it('stores the link and its e-mail together, to the person, as a sensitive sign-in link', async () => {
		const db = createTestDb();
		const person = await makeUser(db, { email: 'mara.lindqvist@example.org', role: 'staff' });
		const now = new Date('2026-03-02T09:00:00Z');
		let seen: { token: string; expiresAt: Date } | undefined;
		const sent = emailSignInLink(
			db,
			person.id,
			(link) => {
				seen = link;
				return composed(`https://dreiklang.example.org/signin/${link.token}`);
			},
			now
		);
		expect(sent.email).toBe('mara.lindqvist@example.org');
		expect(seen!.expiresAt.getTime() - now.getTime()).toBe(SIGN_IN_LINK_LIFETIME_DAYS * DAY);
		expect(findSignInLinkUser(db, seen!.token, now)?.id).toBe(person.id);

		const { entries, counts } = listOutbox(db);
		expect(counts.pending).toBe(1);
		expect(entries[0]).toMatchObject({
			to: 'mara.lindqvist@example.org',
			topic: 'sign_in_link',
			sensitive: true,
			state: 'pending'
		});
		const claimed = claimNextEmail(db, now);
		expect(claimed?.text).toContain(`/signin/${seen!.token}`);
	});

	it('makes no link when the e-mail cannot be written, and none for an inactive person', async () => {
		const db = createTestDb();
		const admin = await makeUser(db, { role: 'admin' });
		const person = await makeUser(db, { role: 'staff' });
		const earlier = createSignInLink(db, person.id);
		expect(() =>
			emailSignInLink(db, person.id, () => {
				throw new Error('no words');
			})
		).toThrow('no words');
		// The earlier link still works: nothing of the failed attempt was stored.
		expect(findSignInLinkUser(db, earlier)?.id).toBe(person.id);
		expect(listOutbox(db).entries).toEqual([]);

		setActive(db, admin.id, person.id, false);
		expect(() => emailSignInLink(db, person.id, (l) => composed(l.token))).toThrow(/not_found/);
		expect(() => emailSignInLink(db, 4711, (l) => composed(l.token))).toThrow(/not_found/);
		expect(listOutbox(db).entries).toEqual([]);
	});

	it('a given-up sign-in link is emptied and never sent again; other e-mails are', async () => {
		const db = createTestDb();
		const person = await makeUser(db, { role: 'staff' });
		emailSignInLink(db, person.id, (l) => composed(l.token));
		queueEmail(db, { ...composed('x'), to: 'admin@example.org', topic: 'test' });
		for (;;) {
			const email = claimNextEmail(db);
			if (!email) break;
			markEmailFailed(db, email, '550 mailbox unavailable', { permanent: true });
		}
		const { entries, counts } = listOutbox(db);
		expect(counts.failed).toBe(2);
		const link = entries.find((e) => e.topic === 'sign_in_link')!;
		const test = entries.find((e) => e.topic === 'test')!;
		expect(link.sensitive).toBe(true);
		expect(test.sensitive).toBe(false);
		const body = clientOf(db).prepare('select text from outbox where id = ?').pluck();
		expect(body.get(link.id)).toBe('');

		expect(() => sendAgain(db, link.id)).toThrow(/wrong_state/);
		sendAgain(db, test.id);
		expect(listOutbox(db).entries.find((e) => e.id === test.id)).toMatchObject({
			state: 'pending',
			attempts: 0,
			lastError: null
		});
	});
});
