import type { APIRequestContext } from '@playwright/test';
import { demoAccount, expect, seriousA11yViolations, test } from './fixtures';

async function addAction(request: APIRequestContext, label: string) {
	const title = `${label} ${Math.random().toString(36).slice(2, 8)}`;
	const response = await request.post('/api/boards/1/actions', {
		data: { title, dimension: 'ecological', horizon: 'medium' }
	});
	expect(response.status()).toBe(201);
	return (await response.json()) as { id: number; title: string; version: number };
}

test.describe('an action', () => {
	test('owners, a progress entry, status and history show on the action and the card after reload', async ({
		page,
		signInAs
	}) => {
		await signInAs('member');
		const action = await addAction(page.request, 'Verlauf');
		await page.goto(`/actions/${action.id}`);

		await page.getByLabel('Lena Voigt').check();
		await page.getByLabel('Tobias Brandt').check();
		await page
			.getByLabel('Beschreibung', { exact: true })
			.fill('Mit **Lieferant** sprechen <script>alert(1)</script>');
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page.getByText('Gespeichert.')).toBeVisible();

		await page.getByLabel('Notiz').fill('Angebote liegen vor');
		await page.locator('#progress-value').fill('40');
		await page.getByLabel('Status ändern (optional)').selectOption({ label: 'läuft' });
		await page.getByRole('button', { name: 'Fortschritt eintragen' }).click();
		await expect(page.getByText('Fortschritt eingetragen.')).toBeVisible();

		await page.reload();
		await expect(page.getByText('Lena Voigt, Tobias Brandt', { exact: true })).toBeVisible();
		await expect(page.getByText('Angebote liegen vor')).toBeVisible();
		const history = page.getByRole('region', { name: 'Verlauf' });
		await expect(history).toContainText(
			'Tobias Brandt hat Fortschritt eingetragen: 40 %, Status „läuft“.'
		);
		await expect(history).toContainText(
			'Tobias Brandt hat geändert: Beschreibung, Verantwortlich.'
		);
		await expect(history).toContainText('Tobias Brandt hat diese Maßnahme angelegt.');

		await page.goto('/boards/1?show=all');
		const card = page.locator(`li[data-action-id="${action.id}"]`);
		await expect(card).toContainText('läuft');
		await expect(card).toContainText('40 %');
		await expect(card.getByRole('list', { name: 'Verantwortlich' })).toContainText('Lena Voigt');
	});

	test('history says where a move went, in plain words', async ({ page, signInAs }) => {
		await signInAs('member');
		const action = await addAction(page.request, 'Umzug');
		const moved = await page.request.post(`/api/actions/${action.id}/move`, {
			data: { dimension: 'social', horizon: 'long', index: 0, version: action.version }
		});
		expect(moved.status()).toBe(200);
		await page.goto(`/actions/${action.id}`);
		await expect(page.getByRole('region', { name: 'Verlauf' })).toContainText(
			'Tobias Brandt hat sie von Ökologisch · mittelfristig nach Sozial · langfristig verschoben.'
		);
	});

	test('the description is rendered without raw HTML', async ({ page, signInAs }) => {
		await signInAs('member');
		const action = await addAction(page.request, 'Markdown');
		const patched = await page.request.patch(`/api/actions/${action.id}`, {
			data: {
				description: '**wichtig** <img src=x onerror="window.hacked=1"> [x](javascript:alert(1))',
				version: action.version
			}
		});
		expect(patched.status()).toBe(200);
		await page.goto(`/actions/${action.id}`);
		await expect(page.locator('.markdown strong')).toHaveText('wichtig');
		await expect(page.locator('.markdown img')).toHaveCount(0);
		await expect(page.locator('.markdown a[href^="javascript"]')).toHaveCount(0);
		expect(
			await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)
		).toBeUndefined();
	});

	test('two members edit at once: the second sees both versions and can keep theirs', async ({
		page,
		signInAs,
		openSignedIn
	}) => {
		await signInAs('member');
		const action = await addAction(page.request, 'Gleichzeitig');
		const other = await openSignedIn(demoAccount('admin'));

		await page.goto(`/actions/${action.id}`);
		await other.goto(`/actions/${action.id}`);

		await other.getByLabel('Titel').fill(`${action.title} – Fassung Admin`);
		await other.getByRole('button', { name: 'Speichern' }).click();
		await expect(other.getByText('Gespeichert.')).toBeVisible();

		await page.getByLabel('Titel').fill(`${action.title} – Fassung Mitglied`);
		await page.getByRole('button', { name: 'Speichern' }).click();
		const conflict = page
			.getByRole('alert')
			.filter({ hasText: 'Jemand anderes hat diese Maßnahme' });
		await expect(conflict).toBeVisible();
		await expect(conflict).toContainText(`${action.title} – Fassung Admin`);
		await expect(conflict).toContainText(`${action.title} – Fassung Mitglied`);
		await expect(page.getByLabel('Titel')).toHaveValue(`${action.title} – Fassung Mitglied`);

		await page.getByRole('button', { name: 'Meine Fassung speichern' }).click();
		await expect(page.getByText('Gespeichert.')).toBeVisible();
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`${action.title} – Fassung Mitglied`
		);
	});

	test('archiving takes an action off the board; the archive brings it back', async ({
		page,
		signInAs
	}) => {
		await signInAs('member');
		const action = await addAction(page.request, 'Archiv');
		await page.goto(`/actions/${action.id}`);
		await page.getByRole('button', { name: 'Maßnahme archivieren' }).click();
		await expect(page.getByText('Diese Maßnahme ist archiviert')).toBeVisible();

		await page.goto('/boards/1?show=all');
		await expect(page.locator(`li[data-action-id="${action.id}"]`)).toHaveCount(0);
		await page.getByRole('link', { name: 'Archiv ansehen' }).click();
		await page.getByRole('button', { name: `Wiederherstellen: ${action.title}` }).click();
		await page.goto('/boards/1?show=all');
		await expect(page.locator(`li[data-action-id="${action.id}"]`)).toBeVisible();
	});

	test('bad input keeps what was typed and says what is wrong', async ({ page, signInAs }) => {
		await signInAs('member');
		const action = await addAction(page.request, 'Falsch');
		await page.goto(`/actions/${action.id}`);
		await page.getByLabel('Titel').fill('');
		await page.getByLabel('Beschreibung', { exact: true }).fill('Bleibt stehen');
		await page.getByLabel('Fortschritt (%)').first().fill('150');
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page.getByText('Bitte ausfüllen.')).toBeVisible();
		await expect(page.getByText('Bitte höchstens 100.')).toBeVisible();
		await expect(page.getByLabel('Beschreibung', { exact: true })).toHaveValue('Bleibt stehen');
		const saved = await (await page.request.get(`/api/actions/${action.id}`)).json();
		expect(saved).toMatchObject({ title: action.title, description: '', version: 1 });
	});

	for (const role of ['leader', 'staff'] as const) {
		test(`a ${role} reads an action but cannot change it, whatever they post`, async ({
			page,
			signInAs
		}) => {
			await signInAs(role);
			const board = await (await page.request.get('/api/boards/1')).json();
			const action = board.actions[0];
			await page.goto(`/actions/${action.id}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(action.title);
			await expect(page.getByRole('button', { name: 'Speichern' })).toHaveCount(0);
			await expect(page.getByRole('button', { name: 'Fortschritt eintragen' })).toHaveCount(0);

			const post = await page.request.post(`/actions/${action.id}?/update`, {
				form: { title: 'Übernommen', version: String(action.version) },
				headers: { accept: 'text/html' }
			});
			expect(post.status()).toBe(403);
			const api = await page.request.post(`/api/actions/${action.id}/move`, {
				data: { dimension: 'social', horizon: 'long', index: 0, version: action.version }
			});
			expect(api.status()).toBe(403);
			expect((await (await page.request.get(`/api/actions/${action.id}`)).json()).title).toBe(
				action.title
			);
		});
	}

	test('the action page has no serious accessibility problems', async ({ page, signInAs }) => {
		await signInAs('member');
		const action = await addAction(page.request, 'Barrierefrei');
		await page.goto(`/actions/${action.id}`);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});
});
