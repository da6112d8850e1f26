// A person's notification choices on /settings, and the unsubscribe link of an e-mail that works
// without signing in. The worker's server sends no e-mail, which the settings say; the links are
// signed by the app's own function on the server's database (tests/unsubscribe-links.ts).
import type { Page } from '@playwright/test';
import { expect, seriousA11yViolations, signInByRequest, test, type Account } from './fixtures';
import { unsubscribePath, userIdOf } from './unsubscribe-links';

const OWNER_ADDED = 'Ich werde für eine Maßnahme verantwortlich';
const PROGRESS = 'Neuer Fortschritt bei meinen Maßnahmen';
const IDEA_SUPPORTED = 'Meine Idee bekommt die erste Unterstützung';
const MAIL_OFF = 'E-Mails sind auf diesem Server nicht eingerichtet; Sie sehen alles in der App.';
const INVALID_LINK =
	'Dieser Abmelde-Link gilt nicht. Ihre Benachrichtigungen stellen Sie unter „Mein Konto“ ein.';

// Pages with every choice, axe checks and several devices: a busy machine needs the time.
test.describe.configure({ timeout: 120_000 });

const section = (page: Page) => page.locator('#notifications');
const kind = (page: Page, label: string) => section(page).getByRole('group', { name: label });
const digest = (page: Page) => section(page).getByRole('group', { name: 'Überblick per E-Mail' });

/** Opens /settings; `readOnly` reads the server's page without waiting for its script. */
async function openSettings(page: Page, { readOnly = false } = {}) {
	await page.goto('/settings', readOnly ? { waitUntil: 'domcontentloaded' } : {});
	await expect(section(page).getByRole('heading', { name: 'Benachrichtigungen' })).toBeVisible();
}

/** Chooses three things, saves, and checks they are kept — the same with or without JavaScript. */
async function chooseAndSave(page: Page) {
	await openSettings(page);
	// What nobody chose yet: the defaults.
	await expect(
		kind(page, OWNER_ADDED).getByRole('radio', { name: 'In der App und per E-Mail' })
	).toBeChecked();
	await expect(
		kind(page, PROGRESS).getByRole('radio', { name: 'In der App', exact: true })
	).toBeChecked();
	await expect(digest(page).getByRole('radio', { name: 'Jede Woche' })).toBeChecked();

	await kind(page, OWNER_ADDED).getByRole('radio', { name: 'Gar nicht' }).check();
	await kind(page, PROGRESS).getByRole('radio', { name: 'In der App und per E-Mail' }).check();
	await digest(page).getByRole('radio', { name: 'Jeden Monat' }).check();
	await section(page).getByRole('button', { name: 'Benachrichtigungen speichern' }).click();

	await expect(section(page).getByRole('status')).toHaveText('Gespeichert.');
	await expect(page).toHaveURL('/settings?saved=notifications#notifications');
	await openSettings(page);
	await expect(kind(page, OWNER_ADDED).getByRole('radio', { name: 'Gar nicht' })).toBeChecked();
	await expect(
		kind(page, PROGRESS).getByRole('radio', { name: 'In der App und per E-Mail' })
	).toBeChecked();
	await expect(
		kind(page, IDEA_SUPPORTED).getByRole('radio', { name: 'In der App', exact: true })
	).toBeChecked();
	await expect(digest(page).getByRole('radio', { name: 'Jeden Monat' })).toBeChecked();
	await expect(section(page).getByRole('status')).toHaveCount(0);
}

test.describe('notification settings', () => {
	let person: Account;

	test.beforeEach(async ({ page, createUser }) => {
		person = await createUser({ label: 'benachrichtigung' });
		await signInByRequest(page.request, person);
	});

	test('every kind in its group, saved together, with e-mail off said plainly', async ({
		page
	}) => {
		await openSettings(page);
		await expect(section(page).getByText(MAIL_OFF)).toBeVisible();
		for (const heading of ['Verantwortung', 'Meine Maßnahmen', 'Meine Ideen', 'Erinnerungen']) {
			await expect(section(page).getByRole('heading', { name: heading, level: 3 })).toBeVisible();
		}
		// Thirteen kinds, three choices each, and the overview.
		await expect(section(page).getByRole('radio')).toHaveCount(13 * 3 + 3);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await chooseAndSave(page);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the choices are saved as a plain form', async ({ page }) => {
			await chooseAndSave(page);
		});
	});

	test.describe('on a phone', () => {
		test.use({ viewport: { width: 360, height: 740 } });

		test('the choices stack with their words and nothing scrolls sideways', async ({ page }) => {
			await openSettings(page);
			const choice = kind(page, OWNER_ADDED).getByText('In der App und per E-Mail');
			await expect(choice).toBeVisible();
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width).toBeLessThanOrEqual(360);
			expect(await seriousA11yViolations(page)).toEqual([]);
			await kind(page, OWNER_ADDED).getByText('Gar nicht').click();
			await section(page).getByRole('button', { name: 'Benachrichtigungen speichern' }).click();
			await expect(section(page).getByRole('status')).toHaveText('Gespeichert.');
			await expect(kind(page, OWNER_ADDED).getByRole('radio', { name: 'Gar nicht' })).toBeChecked();
		});
	});
});

test.describe('unsubscribing from an e-mail', () => {
	let person: Account;
	let personId: number;

	test.beforeEach(async ({ createUser, workerServer }) => {
		person = await createUser({ label: 'abbestellen' });
		personId = userIdOf(workerServer.databasePath, person.email);
	});

	/** What the person sees on their settings for a kind (signed in on a device of their own). */
	async function expectChoice(
		openSignedIn: (a: Account) => Promise<Page>,
		label: string,
		choice: string,
		{ readOnly = true } = {}
	) {
		const own = await openSignedIn(person);
		await openSettings(own, { readOnly });
		const group = label === 'digest' ? digest(own) : kind(own, label);
		await expect(group.getByRole('radio', { name: choice, exact: true })).toBeChecked();
		return own;
	}

	test('opening the link only asks; the button turns the kind off, and settings turn it on again', async ({
		openFreshPage,
		openSignedIn,
		workerServer
	}) => {
		const path = unsubscribePath(workerServer.databasePath, personId, 'owner_added');
		const visitor = await openFreshPage();
		await visitor.goto(path);
		await expect(visitor).toHaveURL(path);
		await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
			'Benachrichtigung abbestellen'
		);
		await expect(visitor.getByText(OWNER_ADDED)).toBeVisible();
		expect(await seriousA11yViolations(visitor)).toEqual([]);
		// Mail programs open links by themselves: that alone turns nothing off.
		await expectChoice(openSignedIn, OWNER_ADDED, 'In der App und per E-Mail');

		await visitor.getByRole('button', { name: 'Abbestellen' }).click();
		await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Abbestellt');
		await expect(visitor.getByRole('status')).toHaveText(
			`Erledigt: „${OWNER_ADDED}“ ist abgeschaltet.`
		);
		await expect(visitor.getByRole('heading', { level: 1 })).toBeFocused();
		expect(await seriousA11yViolations(visitor)).toEqual([]);

		const own = await expectChoice(openSignedIn, OWNER_ADDED, 'Gar nicht', { readOnly: false });
		await kind(own, OWNER_ADDED).getByRole('radio', { name: 'In der App und per E-Mail' }).check();
		await section(own).getByRole('button', { name: 'Benachrichtigungen speichern' }).click();
		await expect(section(own).getByRole('status')).toHaveText('Gespeichert.');
		await expectChoice(openSignedIn, OWNER_ADDED, 'In der App und per E-Mail');
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the button works as a plain form', async ({ page, openSignedIn, workerServer }) => {
			const path = unsubscribePath(workerServer.databasePath, personId, 'digest');
			await page.goto(path);
			await expect(page.getByText('Überblick per E-Mail')).toBeVisible();
			await page.getByRole('button', { name: 'Abbestellen' }).click();
			await expect(page.getByRole('status')).toHaveText(
				'Erledigt: „Überblick per E-Mail“ ist abgeschaltet.'
			);
			await expectChoice(openSignedIn, 'digest', 'Nie');
		});
	});

	test('a mail program unsubscribes with one POST, signed out (RFC 8058)', async ({
		playwright,
		baseURL,
		openSignedIn,
		workerServer
	}) => {
		const path = unsubscribePath(workerServer.databasePath, personId, 'owner_added');
		// As a mail provider sends it: no cookie, no Origin, and no wish for a page.
		const provider = await playwright.request.newContext({ baseURL });
		try {
			const response = await provider.post(path, {
				form: { 'List-Unsubscribe': 'One-Click' },
				headers: { accept: '*/*' },
				maxRedirects: 0
			});
			expect(response.status()).toBe(200);
			// Again: still fine, nothing more changes.
			const again = await provider.post(path, {
				form: { 'List-Unsubscribe': 'One-Click' },
				maxRedirects: 0
			});
			expect(again.status()).toBe(200);
		} finally {
			await provider.dispose();
		}
		await expectChoice(openSignedIn, OWNER_ADDED, 'Gar nicht');
		await expectChoice(openSignedIn, PROGRESS, 'In der App');
	});

	test('a link that was not made here is a plain 404, to a browser and to a mail program', async ({
		openFreshPage,
		playwright,
		baseURL,
		workerServer
	}) => {
		const path = unsubscribePath(workerServer.databasePath, personId, 'owner_added');
		const forged = path.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAA');
		const visitor = await openFreshPage();
		const page = await visitor.goto(forged);
		expect(page?.status()).toBe(404);
		await expect(visitor.getByText(INVALID_LINK)).toBeVisible();
		expect(await seriousA11yViolations(visitor)).toEqual([]);

		const provider = await playwright.request.newContext({ baseURL });
		try {
			for (const target of [forged, '/unsubscribe/kein-link']) {
				const response = await provider.post(target, {
					form: { 'List-Unsubscribe': 'One-Click' },
					maxRedirects: 0
				});
				expect(response.status(), target).toBe(404);
				expect(await response.text()).toContain('Dieser Abmelde-Link gilt nicht.');
			}
		} finally {
			await provider.dispose();
		}
	});
});
