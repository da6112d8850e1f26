import {
	chooseLanguage,
	expect,
	scrollsSideways,
	seriousA11yViolations,
	signInByRequest,
	test,
	waitForHydration
} from './fixtures';

test.describe('language', () => {
	test('signed out, the sign-in page switches to English and back', async ({ page }) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.locator('.language-switch button[value="de"]')).toHaveAttribute(
			'aria-pressed',
			'true'
		);

		await chooseLanguage(page, 'English');
		await expect(page).toHaveURL('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
		await expect(page.getByLabel('E-mail')).toBeVisible();
		await expect(page.getByLabel('Password')).toBeVisible();
		await expect(page.locator('.language-switch button[value="en"]')).toHaveAttribute(
			'aria-pressed',
			'true'
		);

		await chooseLanguage(page, 'Deutsch');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
	});

	test('signed in, the choice is saved to the profile and follows the person', async ({
		page,
		createUser,
		openSignedIn
	}) => {
		const person = await createUser({ label: 'language' });
		await signInByRequest(page.request, person);
		await page.goto('/settings');
		await expect(page.getByRole('heading', { name: 'Mein Konto', level: 1 })).toBeVisible();

		await chooseLanguage(page, 'English');
		await expect(page).toHaveURL('/settings');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
		await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');

		// Signing in on another device brings the person's language along.
		const otherDevice = await openSignedIn(person);
		await otherDevice.goto('/settings');
		await expect(otherDevice.locator('html')).toHaveAttribute('lang', 'en');
		await expect(otherDevice.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
	});
});

test.describe('on a 360 px wide screen', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('the header navigation fits without scrolling sideways', async ({ page, signInAs }) => {
		// The admin has the most links.
		await signInAs('admin');
		await page.goto('/admin/users');
		const header = page.getByRole('banner');
		const nav = header.getByRole('navigation', { name: 'Hauptnavigation' });
		for (const name of ['Board', 'Fahrplan', 'Was kommt', 'Personen']) {
			await expect(nav.getByRole('link', { name })).toBeInViewport({ ratio: 1 });
		}
		await expect(header.getByRole('link', { name: 'Mein Konto' })).toBeInViewport({ ratio: 1 });
		await expect(header.locator('summary', { hasText: 'Deutsch' })).toBeInViewport({ ratio: 1 });
		await expect(header.getByRole('button', { name: 'Abmelden' })).toBeInViewport({ ratio: 1 });
		expect(await scrollsSideways(page)).toBe(false);
	});

	test('the sign-in form fits without scrolling sideways', async ({ page }) => {
		await page.goto('/login');
		await expect(page.getByLabel('E-Mail')).toBeInViewport({ ratio: 1 });
		await expect(page.getByLabel('Passwort', { exact: true })).toBeInViewport({ ratio: 1 });
		await expect(page.getByRole('button', { name: 'Anmelden' })).toBeInViewport({ ratio: 1 });
		expect(await scrollsSideways(page)).toBe(false);
	});
});

test.describe('accessibility (axe: WCAG 2.2 A and AA)', () => {
	test('the sign-in page has no serious violations', async ({ page }) => {
		await page.goto('/login');
		await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('the sign-in page with an error has no serious violations', async ({ page }) => {
		await page.goto('/login');
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await expect(page.getByLabel('E-Mail')).toHaveAttribute('aria-invalid', 'true');
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('the people page has no serious violations', async ({ page, signInAs }) => {
		await signInAs('admin');
		await page.goto('/admin/users');
		await expect(page.getByRole('heading', { name: 'Personen und Rollen' })).toBeVisible();
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('my account has no serious violations', async ({ page, signInAs }) => {
		await signInAs('member');
		await page.goto('/settings');
		await expect(page.getByRole('heading', { name: 'Mein Konto', level: 1 })).toBeVisible();
		expect(await seriousA11yViolations(page)).toEqual([]);
	});
});

test.describe('forms', () => {
	test("text typed before the page's script has run is kept", async ({ page }) => {
		// Hold the app's script back, so the person types into the server-rendered form first —
		// as on a slow connection.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/entry/**', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/login', { waitUntil: 'domcontentloaded' });
		await page.getByLabel('E-Mail').fill('schnell@example.org');

		release();
		await waitForHydration(page);
		await expect(page.getByLabel('E-Mail')).toHaveValue('schnell@example.org');
	});
});

test('a language picked on the sign-in page is kept after signing in and saved to the profile', async ({
	openFreshPage,
	createUser
}) => {
	const account = await createUser({ role: 'staff' });
	const page = await openFreshPage();
	await page.goto('/login');
	await chooseLanguage(page, 'English');
	await page.getByLabel('E-mail').fill(account.email);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/upcoming$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('What comes next?');

	// Signed out, the next person starts in their own language again.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmelden');
});
