import {
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

	test('after five failed attempts for one e-mail the sixth is refused with 429', async ({
		page
	}) => {
		const email = uniqueEmail('throttle');
		for (let attempt = 1; attempt <= 5; attempt++) {
			const response = await page.request.post('/login', {
				form: { email, password: `wrong-${attempt}` },
				headers: { accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status(), `attempt ${attempt}`).toBe(400);
		}

		const refused = await page.request.post('/login', {
			form: { email, password: 'wrong-6' },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(refused.status()).toBe(429);
		expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
		expect(await refused.text()).toContain('Zu viele Versuche.');

		// The form tells the person too, in words.
		await page.goto('/login');
		await signInWithForm(page, { email, password: 'wrong-7' });
		await expect(page.getByRole('alert')).toHaveText(/^Zu viele Versuche\./);
		await expect(page.getByLabel('E-Mail')).toHaveValue(email);
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
