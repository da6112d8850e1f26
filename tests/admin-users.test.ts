import type { Page } from '@playwright/test';
import { DEMO_USERS, LANDING, expect, signInWithForm, test, uniqueEmail } from './fixtures';

/** The "Person hinzufügen" section of /admin/users. */
const addForm = (page: Page) => page.getByRole('region', { name: 'Person hinzufügen' });

/** One person in the list, found by their name. */
const personRow = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });

test.describe('adding people', () => {
	test.beforeEach(async ({ page, signInAs }) => {
		await signInAs('admin');
		await page.goto('/admin/users');
		await expect(page.getByRole('heading', { name: 'Personen und Rollen' })).toBeVisible();
	});

	test('an admin adds a person with a first password, who then signs in', async ({
		page,
		openFreshPage
	}) => {
		const person = { name: 'Mira Passwort', email: uniqueEmail('mira'), password: 'erstes-pw-123' };
		const form = addForm(page);
		await form.getByLabel('Name').fill(person.name);
		await form.getByLabel('E-Mail').fill(person.email);
		await form.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Arbeitsgruppe' });
		await form.getByRole('radio', { name: 'Mit einem ersten Passwort, das ich vergebe' }).check();
		await form.getByLabel('Erstes Passwort').fill(person.password);
		await form.getByRole('button', { name: 'Hinzufügen' }).click();

		await expect(form.getByRole('status')).toContainText(
			`${person.name} (${person.email}) ist angelegt.`
		);
		await expect(form.getByRole('textbox', { name: 'Anmelde-Link' })).toHaveCount(0);
		const row = personRow(page, person.name);
		await expect(row).toContainText(person.email);
		await expect(row.getByLabel(`Rolle von ${person.name}`)).toHaveValue('member');

		const theirs = await openFreshPage();
		await theirs.goto('/login');
		await signInWithForm(theirs, person);
		await expect(theirs).toHaveURL(LANDING.member);
	});

	test('an admin adds a person with a one-time link that works only once', async ({
		page,
		openFreshPage,
		baseURL
	}) => {
		const person = { name: 'Lino Link', email: uniqueEmail('lino') };
		const form = addForm(page);
		await form.getByLabel('Name').fill(person.name);
		await form.getByLabel('E-Mail').fill(person.email);
		await form.getByLabel('Rolle', { exact: true }).selectOption('leader');
		await expect(
			form.getByRole('radio', { name: 'Mit einem einmaligen Anmelde-Link (empfohlen)' })
		).toBeChecked();
		await form.getByRole('button', { name: 'Hinzufügen' }).click();

		const linkField = form.getByRole('textbox', { name: 'Anmelde-Link' });
		await expect(linkField).toHaveAttribute('readonly', '');
		await expect(linkField).toHaveValue(/\/signin\/[a-z0-9]+\.[a-z0-9]+$/);
		const link = await linkField.inputValue();
		expect(new URL(link).origin).toBe(baseURL);
		await expect(personRow(page, person.name)).toContainText('noch kein Passwort');

		const theirs = await openFreshPage();
		await theirs.goto(link);
		await expect(theirs.getByRole('heading', { name: 'Passwort festlegen' })).toBeVisible();
		await theirs.getByLabel('Neues Passwort').fill('mein-eigenes-pw');
		await theirs.getByLabel('Passwort wiederholen').fill('mein-eigenes-pw');
		await theirs.getByRole('button', { name: 'Passwort speichern und anmelden' }).click();
		await expect(theirs).toHaveURL(LANDING.leader);
		await expect(theirs.getByRole('banner').getByRole('link', { name: person.name })).toBeVisible();

		// The link is used up — for this person and for anybody else.
		await theirs.goto(link);
		await expect(
			theirs.getByRole('heading', { name: 'Dieser Link gilt nicht mehr' })
		).toBeVisible();
		const someoneElse = await openFreshPage();
		await someoneElse.goto(link);
		await expect(
			someoneElse.getByRole('heading', { name: 'Dieser Link gilt nicht mehr' })
		).toBeVisible();
		await expect(someoneElse.getByLabel('Neues Passwort')).toHaveCount(0);
	});

	test('a one-time link used by two requests at once lets exactly one in', async ({
		page,
		playwright,
		baseURL
	}) => {
		const form = addForm(page);
		await form.getByLabel('Name').fill('Zora Zugleich');
		await form.getByLabel('E-Mail').fill(uniqueEmail('zora'));
		await form.getByRole('button', { name: 'Hinzufügen' }).click();
		const link = await form.getByRole('textbox', { name: 'Anmelde-Link' }).inputValue();

		const devices = await Promise.all([0, 1].map(() => playwright.request.newContext({ baseURL })));
		const answers = await Promise.all(
			devices.map((device, i) =>
				device.post(new URL(link).pathname, {
					form: { password: `zwei-geraete-${i}-wolke`, passwordConfirm: `zwei-geraete-${i}-wolke` },
					headers: { accept: 'text/html', origin: baseURL! },
					maxRedirects: 0
				})
			)
		);
		expect(answers.map((a) => a.status()).sort()).toEqual([303, 410]);
		// The one told it worked is signed in, and stays so: nobody overwrote the password after.
		const winner = devices[answers.findIndex((a) => a.status() === 303)];
		expect((await winner.get('/api/boards')).status()).toBe(200);
		await Promise.all(devices.map((d) => d.dispose()));
	});

	test('an e-mail address that is already taken is refused, whatever its case', async ({
		page
	}) => {
		const form = addForm(page);
		const email = DEMO_USERS.member.email.toUpperCase();
		await form.getByLabel('Name').fill('Doppelt Vergeben');
		await form.getByLabel('E-Mail').fill(email);
		await form.getByRole('button', { name: 'Hinzufügen' }).click();

		await expect(form.getByLabel('E-Mail')).toHaveAccessibleDescription(
			'Diese E-Mail-Adresse ist schon vergeben.'
		);
		await expect(form.getByLabel('Name')).toHaveValue('Doppelt Vergeben');
		await expect(personRow(page, 'Doppelt Vergeben')).toHaveCount(0);
	});

	test('bad input keeps what was typed and says what is wrong', async ({ page }) => {
		const form = addForm(page);
		const name = form.getByLabel('Name');
		const email = form.getByLabel('E-Mail');
		const submit = form.getByRole('button', { name: 'Hinzufügen' });

		// Nothing filled in.
		await submit.click();
		await expect(form.getByRole('alert')).toHaveText('Bitte prüfen Sie die markierten Felder.');
		await expect(name).toHaveAccessibleDescription('Bitte ausfüllen.');
		await expect(email).toHaveAccessibleDescription('Bitte ausfüllen.');
		await expect(name).toHaveAttribute('aria-invalid', 'true');

		// Too long, not an e-mail, a first password that is too short.
		const longName = 'Ü'.repeat(150);
		const badEmail = 'keine-adresse';
		await name.evaluate((input) => input.removeAttribute('maxlength'));
		await name.fill(longName);
		await email.fill(badEmail);
		await form.getByLabel('Rolle', { exact: true }).selectOption('member');
		await form.getByRole('radio', { name: 'Mit einem ersten Passwort, das ich vergebe' }).check();
		await form.getByLabel('Erstes Passwort').fill('kurz');
		await submit.click();

		await expect(name).toHaveAccessibleDescription('Bitte höchstens 100 Zeichen.');
		await expect(email).toHaveAccessibleDescription('Bitte eine gültige E-Mail-Adresse.');
		await expect(form.getByLabel('Erstes Passwort')).toHaveAccessibleDescription(
			/Bitte mindestens 10 Zeichen\./
		);
		await expect(name).toHaveValue(longName);
		await expect(email).toHaveValue(badEmail);
		await expect(form.getByLabel('Rolle', { exact: true })).toHaveValue('member');
		await expect(
			form.getByRole('radio', { name: 'Mit einem ersten Passwort, das ich vergebe' })
		).toBeChecked();
	});

	test('a role the form does not offer is refused', async ({ page }) => {
		const person = { name: 'Rolf Rolle', email: uniqueEmail('rolf') };
		const response = await page.request.post('/admin/users?/create', {
			form: { ...person, role: 'superuser', access: 'link' },
			headers: { accept: 'text/html' }
		});
		expect(response.status()).toBe(400);
		const html = await response.text();
		expect(html).toContain('Bitte eine der angebotenen Möglichkeiten wählen.');
		expect(html).toContain(`value="${person.email}"`);

		await page.reload();
		await expect(personRow(page, person.name)).toHaveCount(0);
	});
});

test.describe('managing people', () => {
	test("each person's buttons say whom they act on", async ({ page, signInAs }) => {
		await signInAs('admin');
		await page.goto('/admin/users');
		const { name } = DEMO_USERS.staff;
		const row = personRow(page, name);
		await expect.soft(row.getByRole('combobox')).toHaveAccessibleName(`Rolle von ${name}`);
		await expect
			.soft(row.getByRole('button', { name: /^Deaktivieren/ }))
			.toHaveAccessibleName(`Deaktivieren: ${name}`);
		await expect
			.soft(row.getByRole('button', { name: /^Neuen Anmelde-Link erstellen/ }))
			.toHaveAccessibleName(`Neuen Anmelde-Link erstellen: ${name}`);
	});

	test('a new sign-in link replaces the one given before', async ({
		page,
		signInAs,
		openFreshPage
	}) => {
		await signInAs('admin');
		await page.goto('/admin/users');
		const person = { name: 'Nele Neulink', email: uniqueEmail('nele') };
		const form = addForm(page);
		await form.getByLabel('Name').fill(person.name);
		await form.getByLabel('E-Mail').fill(person.email);
		await form.getByRole('button', { name: 'Hinzufügen' }).click();
		const firstLink = await form.getByRole('textbox', { name: 'Anmelde-Link' }).inputValue();

		const row = personRow(page, person.name);
		await row.getByRole('button', { name: /^Neuen Anmelde-Link erstellen/ }).click();
		const secondField = row.getByRole('textbox', { name: 'Anmelde-Link' });
		await expect(secondField).toHaveValue(/\/signin\//);
		const secondLink = await secondField.inputValue();
		expect(secondLink).not.toBe(firstLink);

		const theirs = await openFreshPage();
		await theirs.goto(firstLink);
		await expect(
			theirs.getByRole('heading', { name: 'Dieser Link gilt nicht mehr' })
		).toBeVisible();
		await theirs.goto(secondLink);
		await expect(theirs.getByRole('heading', { name: 'Passwort festlegen' })).toBeVisible();
		await expect(theirs.getByText(person.email)).toBeVisible();
	});

	test('an admin changes a role, and the person lands where the new role works', async ({
		page,
		signInAs,
		createUser,
		openFreshPage
	}) => {
		const person = await createUser({ role: 'staff', label: 'role-change' });
		await signInAs('admin');
		await page.goto('/admin/users');
		const row = personRow(page, person.name);
		await row.getByLabel(`Rolle von ${person.name}`).selectOption({ label: 'Leitung' });
		await row.getByRole('button', { name: 'Rolle ändern' }).click();
		await expect(row.getByRole('status')).toHaveText('Gespeichert.');

		const theirs = await openFreshPage();
		await theirs.goto('/login');
		await signInWithForm(theirs, person);
		await expect(theirs).toHaveURL(LANDING.leader);
	});

	test('a deactivated person is signed out at once, and can come back when reactivated', async ({
		page,
		signInAs,
		createUser,
		openSignedIn
	}) => {
		const person = await createUser({ label: 'deactivate' });
		const theirs = await openSignedIn(person);
		await theirs.goto('/');
		await expect(theirs).toHaveURL(LANDING.staff);

		await signInAs('admin');
		await page.goto('/admin/users');
		const row = personRow(page, person.name);
		await row.getByRole('button', { name: /^Deaktivieren/ }).click();
		await expect(row).toContainText('deaktiviert');
		await expect(row.getByRole('button', { name: /^Wieder aktivieren/ })).toBeVisible();

		// Their very next step finds them signed out, and they cannot sign in again.
		await theirs.goto('/upcoming');
		await expect(theirs).toHaveURL('/login?redirectTo=%2Fupcoming');
		await signInWithForm(theirs, person);
		await expect(theirs.getByRole('alert')).toHaveText('E-Mail oder Passwort stimmt nicht.');

		await row.getByRole('button', { name: /^Wieder aktivieren/ }).click();
		await expect(row).not.toContainText('deaktiviert');
		await expect(row.getByRole('button', { name: /^Deaktivieren/ })).toBeVisible();
		await signInWithForm(theirs, person);
		await expect(theirs).toHaveURL('/upcoming');
	});
});

test.describe('only admins manage people', () => {
	for (const role of ['member', 'leader', 'staff'] as const) {
		test(`a ${role} gets 403 "Kein Zugriff" on /admin/users`, async ({ page, signInAs }) => {
			await signInAs(role);
			const response = await page.goto('/admin/users');
			expect(response?.status()).toBe(403);
			await expect(page.getByRole('heading', { name: 'Kein Zugriff' })).toBeVisible();
		});
	}

	test('a staff member cannot add a person by posting the form', async ({
		page,
		request,
		signInAs
	}) => {
		await signInAs('staff');
		await page.goto('/upcoming');
		await expect(page.getByRole('link', { name: 'Mein Konto' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Personen' })).toHaveCount(0);
		const email = uniqueEmail('sneaky');
		const response = await page.request.post('/admin/users?/create', {
			form: {
				name: 'Heimlich',
				email,
				role: 'admin',
				access: 'password',
				password: 'heimlich-blau-123'
			},
			headers: { accept: 'text/html' }
		});
		expect(response.status()).toBe(403);

		// Nobody was added: the address cannot sign in (asked signed out, in a context of its own).
		const login = await request.post('/login', {
			form: { email, password: 'heimlich-blau-123' },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(login.status()).toBe(400);
	});
});
