import type { Page } from '@playwright/test';
import { demoAccount, expect, ownServerPort, signInByRequest, test } from './fixtures';
import { removeDatabase, stateFile } from './durability';
import { startServer, type StartedServer } from './worker-server';

// These tests need the service worker the rest of the suite blocks.
test.use({ serviceWorkers: 'allow' });

/** Resolves once the service worker is active and controls the page. */
async function controlledByServiceWorker(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (navigator.serviceWorker.controller) return;
		await new Promise<void>((done) =>
			navigator.serviceWorker.addEventListener('controllerchange', () => done(), { once: true })
		);
	});
}

test('Chromium can install the app: manifest, icons and a service worker with a fetch handler', async ({
	playwright,
	baseURL
}, testInfo) => {
	// Chromium never offers to install from a private window: this profile is a real one.
	const context = await playwright.chromium.launchPersistentContext(
		testInfo.outputPath('profile'),
		{ ...testInfo.project.use.launchOptions, baseURL, serviceWorkers: 'allow' }
	);
	const page = context.pages()[0] ?? (await context.newPage());
	await page.goto('/login');
	await controlledByServiceWorker(page);

	const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifest = await (await page.request.get(manifestHref!)).json();
	expect(manifest).toMatchObject({
		name: 'Dreiklang',
		short_name: 'Dreiklang',
		start_url: '/upcoming',
		display: 'standalone',
		theme_color: '#1f5c45'
	});
	for (const size of ['192x192', '512x512']) {
		const icon = manifest.icons.find(
			(i: { sizes: string; type: string }) => i.sizes === size && i.type === 'image/png'
		);
		expect(icon, `icon ${size}`).toBeDefined();
		const png = await page.request.get(icon.src);
		expect(png.headers()['content-type']).toBe('image/png');
		const body = await png.body();
		// The PNG header holds the width and height at bytes 16 and 20.
		expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`).toBe(size);
	}

	const cdp = await page.context().newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	expect(installabilityErrors).toEqual([]);

	// The manifest speaks the reader's language.
	await page.request.post('/language', {
		form: { locale: 'fr' },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	const french = await (await page.request.get(manifestHref!)).json();
	expect(french).toMatchObject({ lang: 'fr', name: 'Dreiklang' });
	expect(french.description).toMatch(/^Planifier ensemble/);
	await context.close();
});

test.describe('without a connection', () => {
	let server: StartedServer | undefined;

	test.afterEach(async () => {
		await server?.stop();
		server = undefined;
	});

	test('the app opens what comes next and an action as last seen, says so, and refuses writes plainly', async ({
		browser
	}) => {
		test.slow();
		const file = stateFile('offline.db');
		removeDatabase(file);
		server = await startServer('demo', file, ownServerPort(2));
		const context = await browser.newContext({
			baseURL: server.server.url,
			serviceWorkers: 'allow'
		});
		const page = await context.newPage();
		await signInByRequest(page.request, demoAccount('member'));

		// The first visit installs the service worker; what the member opens from then on is kept.
		await page.goto('/upcoming');
		await controlledByServiceWorker(page);
		await page.reload();
		const first = page.locator('main a[href^="/actions/"]').first();
		const title = (await first.textContent())!.trim();
		await first.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		const actionUrl = page.url();
		// Opened within the app, the action's page is fetched beside its data and kept.
		await expect
			.poll(() => page.evaluate(async (url) => (await caches.match(url)) !== undefined, actionUrl))
			.toBe(true);

		// The network goes away: the server stops, and the browser is offline.
		await server.stop();
		server = undefined;
		await context.setOffline(true);

		await page.goto('/upcoming');
		await expect(page.locator('.offline-notice')).toContainText(
			'Offline – Sie sehen den Stand vom'
		);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Was kommt als Nächstes?');
		await expect(page.getByRole('link', { name: title }).first()).toBeVisible();

		// A page never opened before says that it needs a connection.
		await page.goto('/roadmap');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keine Verbindung');
		await expect(page.getByRole('link', { name: 'Was kommt' })).toBeVisible();

		// Logging progress offline: nothing is kept to be sent later, and the note stays typed.
		await page.goto(actionUrl);
		await expect(page.locator('.offline-notice')).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		const note = page.getByLabel('Notiz');
		await note.fill('Heute im Keller ohne Netz notiert');
		await page.getByRole('button', { name: 'Fortschritt eintragen' }).click();
		await expect(page.locator('.connection-notice')).toContainText(
			'Keine Verbindung: Nichts wurde gespeichert.'
		);
		await expect(note).toHaveValue('Heute im Keller ohne Netz notiert');
		await context.close();
	});
});
