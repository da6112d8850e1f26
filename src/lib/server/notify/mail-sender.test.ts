import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { subscribe } from '../events/subscribers';
import { createBoard } from '../domain/boards';
import { createAction } from '../domain/create-action';
import { updateAction } from '../domain/edit-action';
import { claimNextEmail, FIRST_RETRY_MS, GIVE_UP_AFTER_MS, listOutbox } from '../domain/outbox';
import { setChannel } from '../domain/notifications';
import { clientOf } from '../db/prepared';
import { readUnsubscribeToken } from '../auth/unsubscribe-token';
import { inAppNotifications } from './in-app';
import { MailSender } from './mail-sender';
import type { MailConfig } from './mail-config';
import { rawHeader, SmtpInbox } from '../../../../tests/smtp-inbox';

const ORIGIN = 'https://dreiklang.example.org';
const config = (port: number): MailConfig => ({
	transport: 'smtp',
	smtpUrl: `smtp://127.0.0.1:${port}`,
	from: 'Dreiklang <dreiklang@example.org>',
	origin: ORIGIN
});

let inbox: SmtpInbox;
let sender: MailSender | undefined;
let off: (() => void) | undefined;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };

beforeEach(async () => {
	inbox = await SmtpInbox.onFreePort();
	process.env.SMTP_URL = `smtp://127.0.0.1:${inbox.port}`;
	process.env.MAIL_FROM = 'Dreiklang <dreiklang@example.org>';
	process.env.ORIGIN = ORIGIN;
	off = subscribe(inAppNotifications);
});

afterEach(async () => {
	off?.();
	await sender?.stop();
	sender = undefined;
	await inbox.stop();
	process.env.SMTP_URL = savedEnv.SMTP_URL;
	process.env.MAIL_FROM = savedEnv.MAIL_FROM;
	delete process.env.ORIGIN;
	if (savedEnv.SMTP_URL === undefined) delete process.env.SMTP_URL;
	if (savedEnv.MAIL_FROM === undefined) delete process.env.MAIL_FROM;
});

/** A member makes two people owners of an action: each gets their own e-mail. */
async function ownersMade() {
	const db = createTestDb();
	const member = await makeUser(db, { role: 'member', name: 'Mia Member' });
	const anna = await makeUser(db, { role: 'staff', name: 'Anna Acker', email: 'anna@example.org' });
	const ben = await makeUser(db, { role: 'staff', name: 'Ben Brook', email: 'ben@example.org' });
	clientOf(db).prepare(`update users set locale = 'en' where id = ?`).run(ben.id);
	const board = createBoard(db, { name: 'Strategie' });
	const action = createAction(db, member, board.id, {
		title: 'Solardach',
		dimension: 'ecological',
		horizon: 'short'
	});
	updateAction(db, member, action.id, { owners: [anna.id, ben.id], version: action.version });
	return { db, member, anna, ben, action };
}

const byRecipient = (to: string) => inbox.to(to)[0];

describe('e-mail through the outbox, to a real SMTP server', () => {
	it('delivers one e-mail per person, in their language, with the link and one-click unsubscribe', async () => {
		await inbox.start();
		const { db, anna, action } = await ownersMade();
		expect(listOutbox(db).counts.pending).toBe(2);

		sender = new MailSender(db, config(inbox.port));
		await sender.start().idle();
		expect(inbox.received).toHaveLength(2);
		expect(listOutbox(db).counts).toMatchObject({ pending: 0, sent: 2, failed: 0 });

		const german = byRecipient('anna@example.org')!;
		expect(german.subject).toBe(
			'Mia Member hat Sie für „Solardach“ als verantwortlich eingetragen.'
		);
		expect(german.text).toContain('Hallo Anna Acker,');
		expect(german.text).toContain(`${ORIGIN}/actions/${action.id}`);
		expect(german.html).toContain(`href="${ORIGIN}/actions/${action.id}"`);

		const english = byRecipient('ben@example.org')!;
		expect(english.subject).toBe('Mia Member made you an owner of “Solardach”.');
		expect(english.text).toContain('Hello Ben Brook,');

		// Nobody's address is in another person's e-mail: one recipient each, in the envelope too.
		expect(inbox.received.map((r) => r.rcptTo)).toEqual(
			expect.arrayContaining([['anna@example.org'], ['ben@example.org']])
		);
		const whole = (mail: typeof german) =>
			`${mail.text ?? ''}${mail.html || ''}${JSON.stringify(mail.headerLines)}`;
		expect(whole(german)).not.toContain('ben@');
		expect(whole(english)).not.toContain('anna@');

		// RFC 8058: an http(s) List-Unsubscribe for this kind, and the one-click POST header.
		const unsubscribe = { url: rawHeader(german, 'list-unsubscribe').replace(/^<|>$/g, '') };
		expect(unsubscribe.url).toMatch(new RegExp(`^${ORIGIN}/unsubscribe/`));
		expect(rawHeader(german, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		const token = unsubscribe.url.split('/unsubscribe/')[1]!;
		expect(readUnsubscribeToken(db, token)).toEqual({ userId: anna.id, topic: 'owner_added' });
		expect(german.text).toContain(unsubscribe.url);
	});

	it('sends through a relay on this machine that offers STARTTLS with a self-signed certificate', async () => {
		inbox.starttls = true;
		await inbox.start();
		const { db } = await ownersMade();
		sender = new MailSender(db, config(inbox.port));
		await sender.start().idle();
		expect(listOutbox(db).counts).toMatchObject({ sent: 2, pending: 0 });
		expect(inbox.received).toHaveLength(2);
	});

	it('sends nothing by e-mail to whoever keeps a kind in the app', async () => {
		await inbox.start();
		const db = createTestDb();
		const member = await makeUser(db, { role: 'member' });
		const staff = await makeUser(db, { role: 'staff' });
		setChannel(db, staff.id, 'owner_added', 'app');
		const board = createBoard(db, { name: 'Strategie' });
		createAction(db, member, board.id, {
			title: 'Leihräder',
			dimension: 'social',
			horizon: 'medium',
			owners: [staff.id]
		});
		expect(listOutbox(db).entries).toHaveLength(0);
	});

	it('keeps e-mails waiting while the SMTP server is down and sends each once when it is back', async () => {
		let now = new Date(Date.now() + 1000);
		const { db } = await ownersMade();
		sender = new MailSender(db, config(inbox.port), { now: () => now });
		await sender.start().idle();

		// Refused: both wait, the first retry within 30 seconds.
		const waiting = listOutbox(db);
		expect(waiting.counts).toMatchObject({ pending: 2, sent: 0 });
		for (const entry of waiting.entries) {
			expect(entry.attempts).toBe(1);
			expect(entry.lastError).toMatch(/ECONNREFUSED|connect/i);
			expect(entry.nextAttemptAt.getTime() - now.getTime()).toBeLessThanOrEqual(FIRST_RETRY_MS);
		}

		// Not yet due: nothing is tried.
		now = new Date(now.getTime() + FIRST_RETRY_MS - 1000);
		await sender.wake();
		expect(listOutbox(db).entries.every((e) => e.attempts === 1)).toBe(true);

		// Still down at the first retry: the next one waits longer.
		now = new Date(now.getTime() + 1000);
		await sender.wake();
		const second = listOutbox(db).entries[0]!;
		expect(second.attempts).toBe(2);
		expect(second.nextAttemptAt.getTime() - now.getTime()).toBe(2 * FIRST_RETRY_MS);

		await inbox.start();
		now = second.nextAttemptAt;
		await sender.wake();
		expect(inbox.received).toHaveLength(2);
		expect(listOutbox(db).counts).toMatchObject({ pending: 0, sent: 2 });

		// Waking again sends nothing twice.
		await sender.wake();
		expect(inbox.received).toHaveLength(2);
	});

	it('backs off to at most 15 minutes and gives up after a day, keeping the reason', async () => {
		let now = new Date(Date.now() + 1000);
		const start = now.getTime();
		const { db } = await ownersMade();
		sender = new MailSender(db, config(inbox.port), { now: () => now });
		await sender.start().idle();
		let longest = 0;
		while (listOutbox(db).counts.pending > 0) {
			const next = listOutbox(db).entries[0]!.nextAttemptAt.getTime();
			longest = Math.max(longest, next - now.getTime());
			now = new Date(next);
			await sender.wake();
		}
		expect(longest).toBe(15 * 60_000);
		expect(now.getTime() - start).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);
		const failed = listOutbox(db).entries;
		expect(
			failed.every((e) => e.state === 'failed' && /ECONNREFUSED|connect/i.test(e.lastError!))
		).toBe(true);
		expect(inbox.received).toHaveLength(0);
	});

	it('never sends an e-mail twice when the server stopped between handing it over and marking it sent', async () => {
		await inbox.start();
		const { db } = await ownersMade();

		// What the sender does, up to the crash: claim, hand to SMTP — and no mark.
		const claimed = claimNextEmail(db)!;
		const transport = nodemailer.createTransport(config(inbox.port).smtpUrl);
		await transport.sendMail({
			from: 'dreiklang@example.org',
			to: claimed.to,
			subject: claimed.subject,
			text: claimed.text,
			messageId: claimed.messageId
		});
		transport.close();
		expect(inbox.received).toHaveLength(1);

		// The restarted server sends the other e-mail, and not the interrupted one again.
		sender = new MailSender(db, config(inbox.port));
		await sender.start().idle();
		expect(inbox.received).toHaveLength(2);
		expect(inbox.received.map((r) => r.mail.messageId)).not.toContain(undefined);
		expect(new Set(inbox.received.map((r) => r.mail.messageId)).size).toBe(2);
		const interrupted = listOutbox(db).entries.find((e) => e.id === claimed.id)!;
		expect(interrupted).toMatchObject({ state: 'failed', lastError: 'interrupted' });
		await sender.wake();
		expect(inbox.received).toHaveLength(2);
	});
});
