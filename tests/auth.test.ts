import {
	DEMO_PASSWORD,
	DEMO_USERS,
	LANDING,
	ROLES,
	demoAccount,
	expect,
	signInByRequest,
	signInWithForm,
	test,
	uniqueEmail,
	type Role
} from './fixtures';

const landingNames: Record<Role, string> = {
	admin: 'an admin lands on the board',
	member: 'a member of the working group lands on the board',
	leader: 'a leader lands on the roadmap',
	staff: 'a staff member lands on what comes next'
};

test.describe('signing in and out with the form', () => {
	for (const role of ROLES) {
		test(`${landingNames[role]}, then signs out`, async ({ page }) => {
			await page.goto('/login');
			await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
			await signInWithForm(page, demoAccount(role));

			await expect(page).toHaveURL(LANDING[role]);
			const header = page.getByRole('banner');
			await expect(header.getByRole('link', { name: DEMO_USERS[role].name })).toBeVisible();
			await expect(
				page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', {
					name: { '/boards/1': 'Board', '/roadmap': 'Fahrplan', '/upcoming': 'Was kommt' }[
						LANDING[role]
					]
				})
			).toHaveAttribute('aria-current', 'page');

			await header.getByRole('button', { name: 'Abmelden' }).click();
			await expect(page).toHaveURL('/login');
			await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();

			await page.goto('/boards/1');
			await expect(page).toHaveURL('/login?redirectTo=%2Fboards%2F1');
		});
	}
});

test.describe('refused sign-ins', () => {
	test('a wrong password and an unknown e-mail get the same answer', async ({ page }) => {
		await page.goto('/login');
		await signInWithForm(page, { email: DEMO_USERS.member.email, password: 'not-the-password' });
		const alert = page.getByRole('alert');
		await expect(alert).toHaveText('E-Mail oder Passwort stimmt nicht.');
		await expect(page).toHaveURL('/login');
		await expect(page.getByLabel('E-Mail')).toHaveValue(DEMO_USERS.member.email);
		await expect(page.getByLabel('Passwort', { exact: true })).toBeVisible();

		const unknown = uniqueEmail('nobody');
		await signInWithForm(page, { email: unknown, password: 'not-the-password' });
		await expect(page.getByLabel('E-Mail')).toHaveValue(unknown);
		await expect(alert).toHaveText('E-Mail oder Passwort stimmt nicht.');
		await expect(page).toHaveURL('/login');
	});

	test('forty parallel wrong passwords are counted before they are checked; the account slows down but is never locked', async ({
		page,
		createUser,
		playwright,
		baseURL
	}) => {
		const person = await createUser({ label: 'throttle' });
		// The person signs in once on this device, which makes it a known one.
		const knownDevice = await playwright.request.newContext({ baseURL });
		await signInByRequest(knownDevice, person);

		const guesses = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				page.request.post('/login', {
					form: { email: person.email, password: `wrong-${i}` },
					headers: { accept: 'text/html' },
					maxRedirects: 0
				})
			)
		);
		const statuses = guesses.map((g) => g.status());
		// Three are free; after that each needs twice the wait of the one before (1 s, 2 s, 4 s …),
		// so within this test's half minute at most five more can have been let through.
		expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(8);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(32);
		expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
		const refused = guesses.find((g) => g.status() === 429)!;
		const wait = Number(refused.headers()['retry-after']);
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(60);
		// The refusal is the sign-in page, which tells the person in words how long to wait.
		expect(await refused.text()).toMatch(
			/role="alert"[^>]*>Zu viele falsche Versuche für dieses Konto\. Bitte warten Sie (eine Sekunde|\d+ Sekunden)\./
		);

		// From the device the person used before, the right password works at once.
		const back = await knownDevice.post('/login', {
			form: { email: person.email, password: person.password },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(back.status()).toBe(303);
		await knownDevice.dispose();
	});
});

test.describe('signed out', () => {
	test('a page sends the visitor to sign in and back to where they wanted to go', async ({
		page
	}) => {
		await page.goto('/boards/1');
		await expect(page).toHaveURL('/login?redirectTo=%2Fboards%2F1');

		// Staff would land on /upcoming; the page they asked for wins.
		await signInWithForm(page, demoAccount('staff'));
		await expect(page).toHaveURL('/boards/1');
	});

	test('a redirect to another site after sign-in is ignored', async ({ page }) => {
		await page.goto('/login?redirectTo=%2F%2Fevil.example%2F');
		await signInWithForm(page, demoAccount('leader'));
		await expect(page).toHaveURL(LANDING.leader);
	});

	test('redirect targets that a browser would read as another site, or that cannot be a header, lead home', async ({
		request
	}) => {
		// Tabs and line breaks are dropped by browsers (`/<TAB>/evil.example` is `//evil.example`),
		// a backslash reads as a slash; line breaks and U+2028 cannot go into a Location header.
		for (const target of [
			'/%09/evil.example',
			'/%5C/evil.example',
			'/%0A/x',
			'/%0D/x',
			'/%E2%80%A8'
		]) {
			const response = await request.post(`/login?redirectTo=${target}`, {
				form: { email: DEMO_USERS.staff.email, password: DEMO_PASSWORD },
				headers: { accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status(), target).toBe(303);
			const location = response.headers()['location'];
			expect(location, target).toMatch(/^\/(?![/\\])/);
			expect(new URL(location, 'http://app.invalid').host, target).toBe('app.invalid');

			const language = await request.post('/language', {
				form: { locale: 'de', redirectTo: decodeURIComponent(target) },
				maxRedirects: 0
			});
			expect(language.status(), `language ${target}`).toBe(303);
			expect(new URL(language.headers()['location'], 'http://app.invalid').host).toBe(
				'app.invalid'
			);
		}
	});

	test('a session cookie that is no longer valid is cleared, also by the API', async ({
		request
	}) => {
		const response = await request.get('/api/boards', {
			headers: { cookie: 'dreiklang_session=made-up.token' }
		});
		expect(response.status()).toBe(401);
		const cleared = response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie');
		expect(cleared.map((h) => h.value)).toContainEqual(
			expect.stringMatching(/^dreiklang_session=;.*Max-Age=0/)
		);
	});

	test('the JSON API answers 401 with a JSON error', async ({ request }) => {
		const response = await request.get('/api/boards');
		expect(response.status()).toBe(401);
		expect(response.headers()['content-type']).toContain('application/json');
		expect(await response.json()).toEqual({
			error: { code: 'unauthorized', message: expect.any(String) }
		});
	});

	test('a script signs in with POST /login and then reads the API', async ({ request }) => {
		await signInByRequest(request, demoAccount('staff'));
		const response = await request.get('/api/boards');
		expect(response.status()).toBe(200);
		expect(await response.json()).toContainEqual({ id: 1, name: expect.any(String) });
	});
});
