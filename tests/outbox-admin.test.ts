// The admin's e-mail outbox: how to switch e-mail on when it is off, and — on a server of its own
// that sends through a real SMTP server in this process — test e-mails, sign-in links by e-mail,
// sending a failed e-mail again, the unsubscribe link of a real e-mail, and an e-mail that was
// being sent when the server stopped.
import { resolve } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import {
	demoAccount,
	expect,
	seriousA11yViolations,
	signInByRequest,
	test,
	uniqueEmail,
	type Account
} from './fixtures';
import { ownServerPort } from './demo';
import { openReadOnly } from './durability';
import { mailEnv, SmtpInbox, type CaughtMail } from './smtp-inbox';
import { userIdOf } from './unsubscribe-links';
import { startServer, STATE_DIR, type StartedServer } from './worker-server';

/** The outbox view's label of each stored state. */
const STATES = { Gesendet: 'sent', Fehlgeschlagen: 'failed', 'Wird gesendet': 'sending' } as const;

/** Every e-mail's subject and state as the server stored them. */
function outboxStates(file: string): { subject: string; state: string }[] {
	const db = openReadOnly(file);
	try {
		return db.prepare('select subject, state from outbox').all() as {
			subject: string;
			state: string;
		}[];
	} finally {
		db.close();
	}
}

const MAIL_OFF = 'E-Mails sind auf diesem Server nicht eingerichtet; alles bleibt in der App.';
const HOW_TO = 'Mit den Umgebungsvariablen SMTP_URL und MAIL_FROM schalten Sie den Versand ein.';
const INTERRUPTED =
	'Beim Senden unterbrochen – vielleicht angekommen, daher nicht noch einmal gesendet';

test.describe('the outbox while e-mail is off', () => {
	test('admins find it from the people page and learn how to switch e-mail on', async ({
		page,
		signInAs
	}) => {
		await signInAs('admin');
		await page.goto('/admin/users');
		await expect(page.getByRole('button', { name: /^Per E-Mail senden/ })).toHaveCount(0);
		await page.getByRole('link', { name: 'E-Mail-Postausgang ansehen' }).click();
		await expect(page).toHaveURL('/admin/outbox');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-Mail-Postausgang');
		await expect(page.getByText(MAIL_OFF)).toBeVisible();
		await expect(page.getByText(HOW_TO)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Test-E-Mail senden' })).toHaveCount(0);
		for (const state of ['Wartet', 'Wird gesendet', 'Gesendet', 'Fehlgeschlagen']) {
			await expect(
				page.getByRole('term').filter({ hasText: new RegExp(`^${state}$`) })
			).toBeVisible();
		}
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('a test e-mail is refused plainly, and nobody but admins opens the outbox', async ({
		page,
		signInAs,
		openSignedIn
	}) => {
		await signInAs('admin');
		const refused = await page.request.post('/admin/outbox?/test', {
			form: {},
			headers: { accept: 'text/html' }
		});
		expect(refused.status()).toBe(400);
		expect(await refused.text()).toContain('E-Mails sind auf diesem Server nicht eingerichtet.');

		for (const role of ['member', 'leader', 'staff'] as const) {
			const other = await openSignedIn(demoAccount(role));
			const response = await other.goto('/admin/outbox');
			expect(response?.status(), role).toBe(403);
		}
	});
});

test.describe('the outbox with e-mail on', () => {
	test.describe.configure({ mode: 'serial', timeout: 180_000 });

	const databasePath = resolve(STATE_DIR, 'outbox-mail.db');
	const port = ownServerPort(6);
	let catcher: SmtpInbox;
	let app: StartedServer;
	let context: BrowserContext;
	let admin: Page;

	const url = () => app.server.url;
	const entry = (page: Page, subject: string | RegExp) =>
		page.getByRole('listitem').filter({ has: page.getByText(subject, { exact: true }) });

	async function newContext(browser: Browser) {
		return browser.newContext({ baseURL: url() });
	}

	/** The admin's page, signed in anew (the server may have been restarted in between). */
	async function adminPage(browser: Browser) {
		context = await newContext(browser);
		admin = await context.newPage();
		await signInByRequest(admin.request, demoAccount('admin'));
		return admin;
	}

	/** Waits until the SMTP server got an e-mail that `matches`. */
	async function received(matches: (mail: CaughtMail) => boolean): Promise<CaughtMail> {
		await expect.poll(() => catcher.mails.some(matches), { timeout: 60_000 }).toBe(true);
		return catcher.mails.find(matches)!;
	}

	/**
	 * Waits until the outbox stores the e-mail in the state whose label is `text`, then opens the
	 * outbox view once: it must show that state.
	 */
	async function expectState(page: Page, subject: string | RegExp, text: keyof typeof STATES) {
		const matches = (s: string) => (typeof subject === 'string' ? s === subject : subject.test(s));
		await expect
			.poll(
				() =>
					outboxStates(databasePath).some((r) => matches(r.subject) && r.state === STATES[text]),
				{
					timeout: 60_000
				}
			)
			.toBe(true);
		await page.goto('/admin/outbox');
		await expect(entry(page, subject)).toContainText(text);
	}

	/** A person added by the admin, with a password of their own. */
	async function addPerson(request: APIRequestContext, label: string): Promise<Account> {
		const person: Account = {
			name: `Testperson ${label}`,
			email: uniqueEmail(label),
			password: `pw-${Math.random().toString(36).slice(2, 12)}`,
			role: 'staff'
		};
		const response = await request.post('/admin/users?/create', {
			form: { ...person, access: 'password' },
			headers: { accept: 'text/html' }
		});
		expect(response.status(), `adding ${person.email}`).toBe(200);
		return person;
	}

	/** An action of which `person` is made owner by the admin: they hear of it by e-mail. */
	async function makeOwner(request: APIRequestContext, person: Account, title: string) {
		const response = await request.post('/api/boards/1/actions', {
			data: {
				title,
				dimension: 'ecological',
				horizon: 'short',
				owners: [userIdOf(databasePath, person.email)]
			}
		});
		expect(response.status(), `adding ${title}`).toBe(201);
	}

	test.beforeAll(async () => {
		catcher = await SmtpInbox.started();
		app = await startServer('demo', databasePath, port, { env: mailEnv(catcher) });
	});

	test.afterAll(async () => {
		await context?.close();
		await app?.stop();
		await catcher?.stop();
	});

	test('an admin sends a test e-mail to their own address, and it arrives', async ({ browser }) => {
		const page = await adminPage(browser);
		await page.goto('/admin/outbox');
		await expect(page.getByText(MAIL_OFF)).toHaveCount(0);
		await page.getByRole('button', { name: 'Test-E-Mail senden' }).click();
		await expect(page.getByRole('status')).toHaveText(
			'Eine Test-E-Mail an admin@example.org wartet auf den Versand.'
		);
		const mail = await received((m) => m.subject === 'Test-E-Mail von Dreiklang');
		expect(mail.to).toEqual(['admin@example.org']);
		expect(mail.text).toContain('Dreiklang kann E-Mails verschicken');
		await expectState(page, 'Test-E-Mail von Dreiklang', 'Gesendet');
		await expect(entry(page, 'Test-E-Mail von Dreiklang')).toContainText('Test-E-Mail');
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test("a sign-in link goes by e-mail in the person's language, and opens the password page", async ({
		browser
	}) => {
		const page = await adminPage(browser);
		const person = await addPerson(page.request, 'link-per-mail');
		// The person reads English.
		const own = await newContext(browser);
		await signInByRequest(own.request, person);
		const profile = await own.request.post('/settings?/profile', {
			form: { name: person.name, locale: 'en' },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(profile.status()).toBe(303);
		await own.close();

		await page.goto('/admin/users');
		await page.getByRole('button', { name: `Per E-Mail senden: ${person.name}` }).click();
		await expect(
			page.getByText(
				`Ein neuer Anmelde-Link ist per E-Mail an ${person.email} unterwegs. Er gilt 7 Tage.`
			)
		).toBeVisible();

		const mail = await received(
			(m) => m.to.includes(person.email) && m.subject === 'Your sign-in link for Dreiklang'
		);
		expect(mail.text).toContain('The link works for 7 days and only once.');
		expect(mail.headerLines.some((line) => /^List-Unsubscribe/i.test(line))).toBe(false);
		const link = /https?:\/\/\S+\/signin\/[A-Za-z0-9._-]+/.exec(mail.text)?.[0];
		expect(link, mail.text).toBeTruthy();
		expect(link!.startsWith(url())).toBe(true);

		const visitor = await newContext(browser);
		const opened = await visitor.newPage();
		const response = await opened.goto(link!);
		expect(response?.status()).toBe(200);
		await expect(opened.getByLabel('Neues Passwort')).toBeVisible();
		await visitor.close();

		// Written in the person's language, listed in the admin's.
		await expectState(page, 'Your sign-in link for Dreiklang', 'Gesendet');
		await expect(entry(page, 'Your sign-in link for Dreiklang')).toContainText('Anmelde-Link');
	});

	test('a refused e-mail fails, and is sent again once the address works; a sign-in link is not', async ({
		browser
	}) => {
		const page = await adminPage(browser);
		const person = await addPerson(page.request, 'abgewiesen');
		catcher.refuse(person.email);
		const title = `Regenwasser sammeln ${Date.now().toString(36)}`;
		await makeOwner(page.request, person, title);
		const subject = new RegExp(title);
		await expectState(page, subject, 'Fehlgeschlagen');
		await expect(entry(page, subject)).toContainText('550');

		await page.goto('/admin/users');
		await page.getByRole('button', { name: `Per E-Mail senden: ${person.name}` }).click();
		await expect(page.getByText(/Ein neuer Anmelde-Link ist per E-Mail an/)).toBeVisible();
		await expectState(page, 'Ihr Anmelde-Link für Dreiklang', 'Fehlgeschlagen');
		const signInLink = entry(page, 'Ihr Anmelde-Link für Dreiklang').filter({
			hasText: 'Fehlgeschlagen'
		});
		await expect(signInLink).toContainText('Ein Anmelde-Link wird nicht erneut gesendet.');
		await expect(signInLink.getByRole('button', { name: 'Erneut senden' })).toHaveCount(0);

		catcher.accept(person.email);
		await entry(page, subject).getByRole('button', { name: 'Erneut senden' }).click();
		await expect(entry(page, subject).getByRole('status')).toHaveText(
			'Die E-Mail wartet wieder auf den Versand.'
		);
		await received((m) => m.to.includes(person.email) && subject.test(m.subject));
		await expectState(page, subject, 'Gesendet');
	});

	test('the unsubscribe link of a real e-mail works with one click from the mail program', async ({
		browser,
		playwright
	}) => {
		const page = await adminPage(browser);
		const person = await addPerson(page.request, 'ein-klick');
		const title = `Dienstfahrräder ${Date.now().toString(36)}`;
		await makeOwner(page.request, person, title);
		const mail = await received((m) => m.to.includes(person.email) && m.subject.includes(title));
		expect(mail.headerLines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
		const header = mail.headerLines.find((line) => /^List-Unsubscribe:/i.test(line)) ?? '';
		const unsubscribe = /<([^>]+)>/.exec(header)?.[1];
		expect(unsubscribe, header).toMatch(new RegExp(`^${url()}/unsubscribe/`));

		const provider = await playwright.request.newContext();
		try {
			const response = await provider.post(unsubscribe!, {
				form: { 'List-Unsubscribe': 'One-Click' },
				maxRedirects: 0
			});
			expect(response.status()).toBe(200);
		} finally {
			await provider.dispose();
		}

		const own = await newContext(browser);
		const settings = await own.newPage();
		await signInByRequest(settings.request, person);
		await settings.goto('/settings', { waitUntil: 'domcontentloaded' });
		await expect(
			settings
				.getByRole('group', { name: 'Ich werde für eine Maßnahme verantwortlich' })
				.getByRole('radio', { name: 'Gar nicht' })
		).toBeChecked();
		await expect(
			settings.getByText('E-Mails sind auf diesem Server nicht eingerichtet')
		).toHaveCount(0);
		await own.close();
	});

	test('an e-mail that was being sent when the server stopped is not sent twice, and says so', async ({
		browser
	}) => {
		let page = await adminPage(browser);
		const person = await addPerson(page.request, 'unterbrochen');
		catcher.hold(person.email);
		const title = `Kantine regional ${Date.now().toString(36)}`;
		await makeOwner(page.request, person, title);
		const subject = new RegExp(title);
		await expectState(page, subject, 'Wird gesendet');
		await context.close();

		// As a crash would: no chance to finish anything.
		await app.kill();
		app = await startServer('empty', databasePath, port, {
			keepDatabase: true,
			env: mailEnv(catcher)
		});
		page = await adminPage(browser);
		await expectState(page, subject, 'Fehlgeschlagen');
		await expect(entry(page, subject)).toContainText(INTERRUPTED);
		expect(catcher.mails.some((m) => subject.test(m.subject))).toBe(false);
	});
});
