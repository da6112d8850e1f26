import { expect, seriousA11yViolations, signInByRequest, test } from './fixtures';

interface ApiAction {
	id: number;
	title: string;
	status: string;
	dueDate: string | null;
}

test.describe('what comes next', () => {
	test('staff land on it, and the next due planned action is at the top of what is planned', async ({
		page,
		signInAs
	}) => {
		await signInAs('staff');
		await page.goto('/');
		await expect(page).toHaveURL(/\/upcoming$/);
		const board = (await (await page.request.get('/api/boards/1')).json()) as {
			actions: ApiAction[];
		};
		const next = board.actions
			.filter((a) => a.status === 'planned' && a.dueDate)
			.sort((a, b) => a.dueDate!.localeCompare(b.dueDate!))[0];
		const planned = page.getByRole('region', { name: 'Als Nächstes geplant' });
		await expect(planned.getByRole('listitem').first()).toContainText(next.title);

		const running = page.getByRole('region', { name: 'Läuft gerade' });
		for (const action of board.actions.filter((a) => a.status === 'in_progress')) {
			await expect(running.getByRole('link', { name: action.title, exact: true })).toBeVisible();
		}
	});

	test('search and the dimension filter narrow the list', async ({ page, signInAs }) => {
		await signInAs('staff');
		await page.goto('/upcoming');
		await page.getByLabel('Suchen', { exact: true }).fill('Gesundheitstag');
		await page.getByRole('button', { name: 'Filtern' }).click();
		await expect(
			page.getByRole('link', { name: 'Gesundheitstag für alle Mitarbeitenden' })
		).toBeVisible();
		await expect(page.locator('li[data-action-id]')).toHaveCount(1);

		await page.goto('/upcoming?dimension=economic');
		for (const item of await page.locator('li[data-action-id]').all()) {
			await expect(item).toContainText('Ökonomisch');
		}
	});

	test('a staff member follows an action and finds it under "followed"; the action shows only a count to staff', async ({
		page,
		createUser
	}) => {
		// A person of their own, who follows nothing yet, whatever other tests followed.
		const person = await createUser({ role: 'staff', label: 'follow' });
		await signInByRequest(page.request, person);
		await page.goto('/upcoming');
		const item = page.locator('li[data-action-id]').first();
		const title = (await item.getByRole('heading').textContent())!.trim();
		await item.getByRole('button', { name: `Folgen: ${title}` }).click();
		await expect(item.getByRole('button', { name: `Nicht mehr folgen: ${title}` })).toBeVisible();

		await page.goto('/upcoming?followed=1');
		await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();

		await page.getByRole('link', { name: title, exact: true }).click();
		await expect(page.getByText(/^(1 Person folgt|\d+ Personen folgen)$/)).toBeVisible();
		await expect(page.getByRole('main').getByText(person.name, { exact: true })).toHaveCount(0);
	});

	test('the calendar feed has one event per dated action, and a new address retires the old one', async ({
		page,
		signInAs,
		openFreshPage,
		baseURL
	}) => {
		await signInAs('staff');
		await page.goto('/upcoming');
		const url = await page.getByLabel('Kalender-Adresse').inputValue();
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[a-z2-7]+\.ics$/);
		expect(new URL(url).origin).toBe(baseURL);
		await expect(page.getByRole('link', { name: 'Alle Termine abonnieren' })).toHaveAttribute(
			'href',
			url.replace(/^http:/, 'webcal:')
		);

		// Calendar apps have no session: the secret in the address is the key.
		const outsider = await openFreshPage();
		const feed = await outsider.request.get(url);
		expect(feed.status()).toBe(200);
		expect(feed.headers()['content-type']).toContain('text/calendar');
		const text = await feed.text();
		const board = (await (await page.request.get('/api/boards/1')).json()) as {
			actions: ApiAction[];
		};
		const dated = board.actions.filter((a) => a.dueDate);
		expect(text.match(/BEGIN:VEVENT/g)?.length).toBe(dated.length);
		expect(text).toContain(`SUMMARY:${dated[0].title.slice(0, 20)}`);

		await page.getByRole('button', { name: 'Neue Adresse erzeugen' }).click();
		await expect(page.getByText('Neue Kalender-Adresse erzeugt.')).toBeVisible();
		const renewed = await page.getByLabel('Kalender-Adresse').inputValue();
		expect(renewed).not.toBe(url);
		expect((await outsider.request.get(url)).status()).toBe(404);
		expect((await outsider.request.get(renewed)).status()).toBe(200);
	});

	test('works at 360 px without sideways scrolling and has no serious accessibility problems', async ({
		page,
		signInAs
	}) => {
		await signInAs('staff');
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto('/upcoming');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});
});
