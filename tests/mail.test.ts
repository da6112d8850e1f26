// E-mail as people and mail servers meet it: a server of its own with SMTP switched on, and a
// real SMTP server in the test process. The bell counts live; the e-mail's link works; e-mails
// wait while the SMTP server is down and go out once, also across a crash of the app.
import type { Browser, Page } from '@playwright/test';
import { demoAccount, DEMO_USERS, expect, ownServerPort, signInByRequest, test } from './fixtures';
import { openReadOnly, removeDatabase, stateFile } from './durability';
import { startServer, type StartedServer } from './worker-server';
import { SmtpInbox } from './smtp-inbox';

const FROM = 'Dreiklang <dreiklang@example.org>';

/** A signed-in page of its own against `url`. */
async function signedIn(browser: Browser, url: string, role: 'member' | 'staff' | 'admin') {
	const context = await browser.newContext({ baseURL: url });
	const page = await context.newPage();
	await signInByRequest(page.request, demoAccount(role));
	return page;
}

/** The member ticks the staff member as owner of a new action on its page. */
async function makeStaffOwner(member: Page, label: string) {
	const created = await member.request.post('/api/boards/1/actions', {
		data: { title: `${label} ${Date.now().toString(36)}`, dimension: 'social', horizon: 'short' }
	});
	expect(created.status()).toBe(201);
	const action = (await created.json()) as { id: number; title: string };
	await member.goto(`/actions/${action.id}`);
	await member.getByLabel(DEMO_USERS.staff.name).check();
	await member.getByRole('button', { name: 'Speichern' }).click();
	await expect(member.getByText('Gespeichert.')).toBeVisible();
	return action;
}

type OutboxRow = { state: string; attempts: number; last_error: string | null; to_address: string };

/**
 * The outbox's e-mails that tell someone they were made an owner (the server also sends
 * reminders and digests of the demo's history when it starts).
 */
function outboxOf(file: string): OutboxRow[] {
	const db = openReadOnly(file);
	try {
		return db
			.prepare(
				`select state, attempts, last_error, to_address from outbox
				 where topic = 'owner_added' order by id`
			)
			.all() as OutboxRow[];
	} finally {
		db.close();
	}
}

/** The e-mails that arrived telling `address` of an action (by its title). */
const mailsAbout = (inbox: SmtpInbox, address: string, title: string) =>
	inbox.to(address).filter((mail) => mail.subject?.includes(title));

const bell = (page: Page) =>
	page.getByRole('banner').getByRole('link', { name: /Benachrichtigung/ });

// Each test has a server of its own (ports 7, 8 and 9 of the suite's own ones): they run in parallel.
test.describe('e-mail', () => {
	let server: StartedServer | undefined;
	let inbox: SmtpInbox | undefined;

	test.afterEach(async () => {
		await server?.stop();
		server = undefined;
		await inbox?.stop();
		inbox = undefined;
	});

	test('an owner made in one browser sees the bell count in another at once and gets an e-mail with a working link', async ({
		browser
	}) => {
		inbox = await SmtpInbox.onFreePort();
		await inbox.start();
		const file = stateFile('mail-live.db');
		removeDatabase(file);
		server = await startServer('demo', file, ownServerPort(7), {
			env: { SMTP_URL: inbox.url, MAIL_FROM: FROM }
		});
		const url = server.server.url;
		const staff = await signedIn(browser, url, 'staff');
		await staff.goto('/upcoming');
		await expect(bell(staff)).toHaveAccessibleName('Benachrichtigungen');

		const member = await signedIn(browser, url, 'member');
		const action = await makeStaffOwner(member, 'Post');

		// No reload: the bell's own stream brings the count.
		await expect(bell(staff)).toHaveAccessibleName('1 ungelesene Benachrichtigung', {
			timeout: 5_000
		});
		await expect(bell(staff)).toHaveText('1');

		await expect
			.poll(() => mailsAbout(inbox!, DEMO_USERS.staff.email, action.title).length)
			.toBe(1);
		const [mail] = mailsAbout(inbox, DEMO_USERS.staff.email, action.title);
		expect(mail!.from?.text).toContain('dreiklang@example.org');
		expect(mail!.subject).toBe(
			`${DEMO_USERS.member.name} hat Sie für „${action.title}“ als verantwortlich eingetragen.`
		);
		const link = mail!.text!.match(/https?:\/\/\S+\/actions\/\d+/)?.[0];
		expect(link).toBe(`${url}/actions/${action.id}`);

		// The link leads to the action (after signing in, for whoever is not).
		await staff.goto(link!);
		await expect(staff.getByRole('heading', { level: 1 })).toHaveText(action.title);
		expect(outboxOf(file).map((r) => r.state)).toEqual(['sent']);
	});

	test('while the SMTP server is down e-mails wait in the outbox, then go out once', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		inbox = await SmtpInbox.onFreePort();
		const file = stateFile('mail-down.db');
		removeDatabase(file);
		server = await startServer('demo', file, ownServerPort(8), {
			env: { SMTP_URL: inbox.url, MAIL_FROM: FROM }
		});
		const member = await signedIn(browser, server.server.url, 'member');
		const first = await makeStaffOwner(member, 'Warten');

		// Refused once: it waits for its next attempt (within 30 seconds).
		await expect
			.poll(() => outboxOf(file).map((r) => [r.state, r.attempts > 0]))
			.toEqual([['pending', true]]);
		expect(outboxOf(file)[0]!.last_error).toMatch(/ECONNREFUSED|connect/i);

		await inbox.start();
		await expect.poll(() => outboxOf(file)[0]!.state, { timeout: 60_000 }).toBe('sent');
		expect(mailsAbout(inbox, DEMO_USERS.staff.email, first.title)).toHaveLength(1);

		// The next one goes at once — and the first does not come again.
		const next = await makeStaffOwner(member, 'Danach');
		await expect.poll(() => outboxOf(file).map((r) => r.state)).toEqual(['sent', 'sent']);
		expect(mailsAbout(inbox, DEMO_USERS.staff.email, next.title)).toHaveLength(1);
		expect(mailsAbout(inbox, DEMO_USERS.staff.email, first.title)).toHaveLength(1);
		const ids = inbox.received.map((r) => r.mail.messageId);
		expect(new Set(ids).size).toBe(ids.length);
	});

	test('an e-mail handed over just before the app crashed is not sent again after the restart', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const file = stateFile('mail-crash.db');
		removeDatabase(file);
		const title = 'Absturz beim Senden';
		let crashOnce: (() => Promise<void>) | null = null;
		// The SMTP server has read the e-mail; before it says "taken", the app dies.
		inbox = await SmtpInbox.onFreePort(async ({ mail }) => {
			if (!mail.subject?.includes(title)) return;
			const crash = crashOnce;
			crashOnce = null;
			await crash?.();
		});
		await inbox.start();
		server = await startServer('demo', file, ownServerPort(9), {
			env: { SMTP_URL: inbox.url, MAIL_FROM: FROM }
		});
		const crashed = server;
		crashOnce = () => crashed.kill();
		const member = await signedIn(browser, server.server.url, 'member');
		const created = await member.request.post('/api/boards/1/actions', {
			data: { title, dimension: 'social', horizon: 'short' }
		});
		const action = (await created.json()) as { id: number };
		await member.goto(`/actions/${action.id}`);
		await member.getByLabel(DEMO_USERS.staff.name).check();
		// The change is stored and answered; the app dies while its e-mail is handed over.
		await member.getByRole('button', { name: 'Speichern' }).click();
		await expect.poll(() => mailsAbout(inbox!, DEMO_USERS.staff.email, title).length).toBe(1);
		await expect.poll(() => crashOnce).toBeNull();
		await member.context().close();

		server = await startServer('empty', file, ownServerPort(9), {
			keepDatabase: true,
			env: { SMTP_URL: inbox.url, MAIL_FROM: FROM }
		});
		// The restarted server gives the interrupted e-mail up instead of sending it twice.
		expect(outboxOf(file)).toMatchObject([{ state: 'failed', last_error: 'interrupted' }]);

		const again = await signedIn(browser, server.server.url, 'member');
		const after = await makeStaffOwner(again, 'Nach dem Neustart');
		await expect.poll(() => outboxOf(file).map((r) => r.state)).toEqual(['failed', 'sent']);
		expect(mailsAbout(inbox, DEMO_USERS.staff.email, after.title)).toHaveLength(1);
		expect(mailsAbout(inbox, DEMO_USERS.staff.email, title)).toHaveLength(1);
		const ids = inbox.received.map((r) => r.mail.messageId);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
