import {
	expect,
	seriousA11yViolations,
	signInWithForm,
	test,
	uniqueEmail,
	type WorkerServer
} from './fixtures';

// Runs against the server with an empty database (project "first-run"). The steps build on each
// other — the first admin can be created only once — so they run in order.
test.describe.configure({ mode: 'serial' });

const admin = {
	name: 'Erika Mustermann',
	email: uniqueEmail('first-admin'),
	password: 'erstes-passwort-1'
};

test('before anybody exists, every page leads to /setup', async ({ page }) => {
	for (const path of ['/', '/login', '/boards/1', '/admin/users']) {
		await page.goto(path);
		await expect(page, `from ${path}`).toHaveURL('/setup');
	}
	await expect(page.getByRole('heading', { name: 'Dreiklang einrichten' })).toBeVisible();

	const api = await page.request.get('/api/boards');
	expect(api.status()).toBe(401);
	expect((await api.json()).error.code).toBe('unauthorized');
});

test('the setup page has no serious accessibility problems', async ({ page }) => {
	await page.goto('/setup');
	await expect(page.getByRole('heading', { name: 'Dreiklang einrichten' })).toBeVisible();
	expect(await seriousA11yViolations(page)).toEqual([]);
});

/** The setup code the server printed when it started on its empty database. */
function printedSetupCode(server: WorkerServer): string {
	const code = /\b[a-z2-7]{4}(?:-[a-z2-7]{4}){3}\b/.exec(server.output())?.[0];
	if (!code) throw new Error(`The server printed no setup code:\n${server.output()}`);
	return code;
}

test('setup needs the code the server printed; a wrong one is refused and nothing is created', async ({
	page,
	workerServer
}) => {
	const code = printedSetupCode(workerServer);
	await page.goto('/setup');
	const codeField = page.getByLabel('Einrichtungscode');
	await expect(codeField).toHaveAccessibleDescription(/npm start/);
	await codeField.fill('aaaa-bbbb-cccc-dddd');
	await page.getByLabel('Name').fill(admin.name);
	await page.getByLabel('E-Mail').fill(admin.email);
	await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
	await page.getByLabel('Passwort wiederholen').fill(admin.password);
	await page.getByRole('button', { name: 'Konto anlegen und starten' }).click();
	await expect(codeField).toHaveAccessibleDescription(/Dieser Code stimmt nicht/);
	await expect(page.getByLabel('Name')).toHaveValue(admin.name);
	await expect(page).toHaveURL('/setup');
	expect(code).not.toBe('aaaa-bbbb-cccc-dddd');

	// A script without the code, even from the same origin, is refused as well.
	const scripted = await page.request.post('/setup', {
		form: {
			name: admin.name,
			email: admin.email,
			password: admin.password,
			passwordConfirm: admin.password
		},
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(scripted.status()).toBe(400);
	await page.goto('/login');
	await expect(page).toHaveURL('/setup');
});

test('bad input comes back with the typed values and translated messages', async ({ page }) => {
	await page.goto('/setup');
	const name = page.getByLabel('Name');
	const email = page.getByLabel('E-Mail');
	const password = page.getByLabel('Passwort', { exact: true });
	const confirm = page.getByLabel('Passwort wiederholen');
	const submit = page.getByRole('button', { name: 'Konto anlegen und starten' });
	const summary = page.getByRole('alert');

	// Nothing filled in.
	await submit.click();
	await expect(summary).toHaveText('Bitte prüfen Sie die markierten Felder.');
	await expect(name).toHaveAccessibleDescription('Bitte ausfüllen.');
	await expect(email).toHaveAccessibleDescription('Bitte ausfüllen.');
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await expect(page).toHaveURL('/setup');

	// Passwords that differ; the name and e-mail stay as typed.
	await name.fill(admin.name);
	await email.fill(admin.email);
	await password.fill('ein-langes-passwort');
	await confirm.fill('ein-anderes-passwort');
	await submit.click();
	await expect(confirm).toHaveAccessibleDescription('Die beiden Passwörter sind nicht gleich.');
	await expect(name).toHaveValue(admin.name);
	await expect(email).toHaveValue(admin.email);

	// A password that is too short.
	await password.fill('kurz');
	await confirm.fill('kurz');
	await submit.click();
	await expect(password).toHaveAccessibleDescription(/Bitte mindestens 10 Zeichen\./);
	await expect(confirm).not.toHaveAttribute('aria-invalid', 'true');
	await expect(name).toHaveValue(admin.name);

	// A 300-character name: the browser limits typing to 100, the server must refuse it too.
	const longName = 'N'.repeat(300);
	await name.evaluate((input) => input.removeAttribute('maxlength'));
	await name.fill(longName);
	await password.fill(admin.password);
	await confirm.fill(admin.password);
	await submit.click();
	await expect(name).toHaveAccessibleDescription('Bitte höchstens 100 Zeichen.');
	await expect(name).toHaveValue(longName);
	await expect(email).toHaveValue(admin.email);
	await expect(page).toHaveURL('/setup');
});

test('the first admin is created, signed in and taken to the board', async ({
	page,
	workerServer
}) => {
	await page.goto('/setup');
	await page.getByLabel('Einrichtungscode').fill(printedSetupCode(workerServer).toUpperCase());
	await page.getByLabel('Name').fill(admin.name);
	await page.getByLabel('E-Mail').fill(admin.email);
	await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
	await page.getByLabel('Passwort wiederholen').fill(admin.password);
	await page.getByRole('button', { name: 'Konto anlegen und starten' }).click();

	await expect(page).toHaveURL('/boards/1');
	await expect(page.getByRole('banner').getByRole('link', { name: admin.name })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Personen' })).toBeVisible();

	// Signed in, /setup is gone: it leads on to the board.
	await page.goto('/setup');
	await expect(page).toHaveURL('/boards/1');
});

test('after setup, /setup leads to the sign-in page, where the first admin signs in', async ({
	page
}) => {
	await page.goto('/setup');
	await expect(page).toHaveURL('/login');
	await signInWithForm(page, admin);
	await expect(page).toHaveURL('/boards/1');
});
