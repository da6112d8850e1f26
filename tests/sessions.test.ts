// When a session ends — a new password, signing out, an admin's deactivation — the board streams
// that session holds open end with it, at once, and the browser's next request is refused.
import type { Page } from '@playwright/test';
import { expect, test, waitForHydration } from './fixtures';

/** How long a stream may stay open after its session has ended. */
const CLOSE_WITHIN_MS = 1000;

interface HeldStream {
	status: number;
	ended: boolean;
	how: string;
}

type WithStream = Window & { heldStream?: HeldStream };

/**
 * Opens the board's event stream from inside `page`, as the page's own script would, and reads
 * it until it ends; what happened is kept on `window.heldStream`. Resolves once the stream is open
 * (the server registers it before it answers).
 */
async function holdBoardStream(page: Page) {
	await page.evaluate(() => {
		const held: HeldStream = { status: 0, ended: false, how: '' };
		(window as WithStream).heldStream = held;
		fetch('/api/boards/1/events', { headers: { accept: 'text/event-stream' } })
			.then(async (response) => {
				held.status = response.status;
				const reader = response.body!.getReader();
				while (!(await reader.read()).done);
				held.how = 'closed';
			})
			.catch((error) => (held.how = String(error)))
			.finally(() => (held.ended = true));
	});
	await page.waitForFunction(() => (window as WithStream).heldStream?.status !== 0);
	expect(await page.evaluate(() => (window as WithStream).heldStream)).toEqual({
		status: 200,
		ended: false,
		how: ''
	});
}

/**
 * Waits (at most CLOSE_WITHIN_MS) until the stream held in `page` has ended. Polled on a timer:
 * animation frames stop in a tab that is not in front.
 */
async function expectStreamEnded(page: Page) {
	await page.waitForFunction(() => (window as WithStream).heldStream?.ended === true, undefined, {
		timeout: CLOSE_WITHIN_MS,
		polling: 50
	});
}

async function streamState(page: Page) {
	return page.evaluate(() => (window as WithStream).heldStream);
}

/** The board through the JSON API, with the cookies of `page`'s browser. */
async function boardStatus(page: Page) {
	return (await page.request.get('/api/boards/1')).status();
}

test.describe('a session that ends closes its board streams', () => {
	test('after a password change in one browser, another browser’s open board stream closes within a second, and its next request answers 401', async ({
		createUser,
		openSignedIn
	}) => {
		const person = await createUser({ role: 'member', label: 'sessions-password' });
		const browserA = await openSignedIn(person);
		const browserB = await openSignedIn(person);

		await browserB.goto('/boards/1');
		await expect(browserB.getByRole('heading', { level: 1 })).toBeVisible();
		await holdBoardStream(browserB);

		await browserA.goto('/settings');
		await browserA.getByLabel('Aktuelles Passwort').fill(person.password);
		await browserA.getByLabel('Neues Passwort').fill('ein-neues-passwort-1');
		await browserA.getByLabel('Passwort wiederholen').fill('ein-neues-passwort-1');
		await browserA.getByRole('button', { name: 'Passwort ändern' }).click();
		await expect(browserA.getByRole('status')).toHaveText(
			'Ihr Passwort ist geändert. Auf anderen Geräten sind Sie jetzt abgemeldet.'
		);

		await expectStreamEnded(browserB);
		expect(await boardStatus(browserB)).toBe(401);
		// The browser that changed it goes on with a session of its own.
		expect(await boardStatus(browserA)).toBe(200);
	});

	test('signing out closes the streams of that session, and only those', async ({
		createUser,
		openSignedIn
	}) => {
		const person = await createUser({ role: 'member', label: 'sessions-logout' });
		const otherDevice = await openSignedIn(person);
		const board = await openSignedIn(person);
		// A second tab of the same browser, so the same session: it signs out while the board's
		// tab keeps its stream open.
		const secondTab = await board.context().newPage();

		await board.goto('/boards/1');
		await expect(board.getByRole('heading', { level: 1 })).toBeVisible();
		await holdBoardStream(board);
		await otherDevice.goto('/boards/1');
		await holdBoardStream(otherDevice);

		await secondTab.goto('/settings');
		await waitForHydration(secondTab);
		await secondTab.getByRole('banner').getByRole('button', { name: 'Abmelden' }).click();
		await expect(secondTab).toHaveURL('/login');

		await expectStreamEnded(board);
		expect(await boardStatus(board)).toBe(401);
		// Another device of the same person has a session of its own; it stays signed in and open.
		expect(await streamState(otherDevice)).toEqual({ status: 200, ended: false, how: '' });
		expect(await boardStatus(otherDevice)).toBe(200);
	});

	test('deactivating a person closes their streams, and their next request answers 401', async ({
		page,
		signInAs,
		createUser,
		openSignedIn
	}) => {
		const person = await createUser({ role: 'member', label: 'sessions-deactivate' });
		const theirs = await openSignedIn(person);
		await theirs.goto('/boards/1');
		await expect(theirs.getByRole('heading', { level: 1 })).toBeVisible();
		await holdBoardStream(theirs);

		await signInAs('admin');
		await page.goto('/admin/users');
		const row = page.getByRole('listitem', { name: person.name, exact: true });
		await row.getByRole('button', { name: `Deaktivieren: ${person.name}` }).click();
		await expect(row.getByRole('button', { name: /^Wieder aktivieren/ })).toBeVisible();

		await expectStreamEnded(theirs);
		expect(await boardStatus(theirs)).toBe(401);
	});
});
