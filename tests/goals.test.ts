import type { APIRequestContext, Page } from '@playwright/test';
import { demoAccount, expect, seriousA11yViolations, signInByRequest, test } from './fixtures';

interface ApiGoal {
	id: number;
	name: string;
	version: number;
}

const uniqueName = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

/** A goal of board 1, made through the API by whoever `request` is signed in as. */
async function addGoal(request: APIRequestContext, name = uniqueName('Weniger Heizöl')) {
	const created = await request.post('/api/boards/1/goals', {
		data: {
			dimension: 'economic',
			name,
			unit: 'Liter pro Jahr',
			baselineValue: 18_000,
			baselineYear: 2023,
			targetValue: 4000,
			targetYear: 2030,
			direction: 'down'
		}
	});
	expect(created.status()).toBe(201);
	return (await created.json()) as ApiGoal;
}

const goalCard = (page: Page, id: number) => page.locator(`#goal-${id}`);

async function recordValue(page: Page, goalId: number, value: string, date: string) {
	const card = goalCard(page, goalId);
	await card.getByLabel('Wert', { exact: true }).fill(value);
	await card.getByLabel('Datum').fill(date);
	await card.getByLabel('Quelle (optional)').fill('Energiebericht');
	await card.getByRole('button', { name: 'Messwert eintragen' }).click();
	await expect(card.getByRole('status')).toHaveText('Messwert eingetragen.');
}

test.describe('goals with indicators', () => {
	test('a leader defines a goal, a member records two values, and the roadmap chart shows them against the target line', async ({
		page,
		signInAs,
		openSignedIn
	}) => {
		await signInAs('leader');
		await page.goto('/boards/1/goals');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ziele und Kennzahlen');
		const name = uniqueName('Weniger CO₂');
		const form = page.getByRole('region', { name: 'Neues Ziel' });
		await form.getByLabel('Name des Ziels').fill(name);
		await form.getByLabel('Dimension').selectOption({ label: 'Ökologisch' });
		await form.getByLabel('Einheit der Kennzahl').fill('t CO₂ pro Jahr');
		await form.getByLabel('Ausgangswert', { exact: true }).fill('400');
		await form.getByLabel('Jahr des Ausgangswerts').fill('2022');
		await form.getByLabel('Zielwert', { exact: true }).fill('0');
		await form.getByLabel('Zieljahr').fill('2030');
		await form
			.getByLabel('Richtung', { exact: true })
			.selectOption({ label: 'Weniger ist besser' });
		await form.locator('summary', { hasText: 'DNK-Kriterien' }).click();
		await form.getByRole('checkbox', { name: /^DNK 13 / }).check();
		await form.getByRole('button', { name: 'Ziel anlegen' }).click();

		const goal = page.getByRole('article', { name });
		await expect(goal).toBeVisible();
		await expect(goal).toContainText('400 t CO₂ pro Jahr (2022)');
		await expect(goal).toContainText('0 t CO₂ pro Jahr bis 2030');
		await expect(goal).toContainText('Weniger ist besser');
		await expect(goal).toContainText('DNK 13');
		await expect(goal).toContainText('Noch kein Messwert');
		// The form is empty again for the next goal.
		await expect(form.getByLabel('Name des Ziels')).toHaveValue('');
		const goalId = Number((await goal.getAttribute('id'))!.replace('goal-', ''));

		const member = await openSignedIn(demoAccount('member'));
		await member.goto('/boards/1/goals');
		await recordValue(member, goalId, '350', '2024-06-30');
		// A decimal comma, as people type numbers in German.
		await recordValue(member, goalId, '250,5', '2025-06-30');
		const values = goalCard(member, goalId).getByRole('table', { name: 'Messwerte' });
		await expect(values.getByRole('row')).toHaveCount(3);
		await expect(values).toContainText('250,5 t CO₂ pro Jahr');
		await expect(goalCard(member, goalId)).toContainText('Im Plan');

		await page.goto('/roadmap/goals?board=1');
		const card = page.getByRole('article', { name });
		const chart = card.getByRole('img', { name: `Verlauf von „${name}“` });
		await expect(chart).toBeVisible();
		await expect(chart).toHaveAccessibleDescription(
			`Ausgangswert 400 t CO₂ pro Jahr (2022), zuletzt 250,5 t CO₂ pro Jahr am 30.06.2025, Ziel 0 t CO₂ pro Jahr bis 2030 – im Plan`
		);
		await expect(card).toContainText('Im Plan');
		await expect(card).toContainText('DNK 13');
		const points = chart.locator('[data-part="value"]');
		await expect(points).toHaveCount(2);
		const targetLine = chart.locator('[data-part="target-line"]');
		await expect(targetLine).toHaveCount(1);
		expect(await targetLine.evaluate((l) => getComputedStyle(l).strokeDasharray)).not.toBe('none');
		await expect(chart.locator('[data-part="values"]')).toHaveCount(1);

		// Less is better: the newer value lies lower, and below the target line on its day.
		const [first, second] = await points.evaluateAll((circles) =>
			circles.map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }))
		);
		expect(second.x).toBeGreaterThan(first.x);
		expect(second.y).toBeGreaterThan(first.y);
		const line = await targetLine.evaluate((l) =>
			['x1', 'y1', 'x2', 'y2'].map((a) => Number(l.getAttribute(a)))
		);
		const lineY = line[1] + ((second.x - line[0]) / (line[2] - line[0])) * (line[3] - line[1]);
		expect(second.y).toBeGreaterThan(lineY);

		// Every number is in a table too.
		await card.getByText('Werte als Tabelle').click();
		await expect(card.getByRole('table')).toContainText('350 t CO₂ pro Jahr');
	});

	test('staff see the goals and their values, but no form', async ({
		page,
		signInAs,
		playwright,
		baseURL
	}) => {
		const leader = await playwright.request.newContext({ baseURL });
		await signInByRequest(leader, demoAccount('leader'));
		const goal = await addGoal(leader);
		await leader.dispose();

		await signInAs('staff');
		await page.goto('/boards/1/goals');
		const card = goalCard(page, goal.id);
		await expect(card.getByRole('heading', { name: goal.name })).toBeVisible();
		await expect(card).toContainText('18.000 Liter pro Jahr (2023)');
		await expect(page.getByRole('button', { name: 'Messwert eintragen' })).toHaveCount(0);
		await expect(page.getByText('Ziel bearbeiten')).toHaveCount(0);
		await expect(page.getByRole('heading', { name: 'Neues Ziel' })).toHaveCount(0);
	});

	test('a change on a goal someone else changed meanwhile shows the goal as it is and keeps the input', async ({
		page,
		signInAs
	}) => {
		await signInAs('leader');
		const goal = await addGoal(page.request);
		await page.goto('/boards/1/goals');
		const card = goalCard(page, goal.id);
		await card.getByRole('link', { name: `Ziel bearbeiten: ${goal.name}` }).click();
		await card.getByLabel('Einheit der Kennzahl').fill('m³ Heizöl pro Jahr');

		const renamed = uniqueName('Heizöl halbieren');
		const changed = await page.request.patch(`/api/goals/${goal.id}`, {
			data: { name: renamed, version: goal.version }
		});
		expect(changed.status()).toBe(200);

		await card.getByRole('button', { name: 'Speichern' }).click();
		const alert = card.getByRole('alert');
		await expect(alert).toContainText('Jemand anderes hat dieses Ziel inzwischen geändert.');
		await expect(alert).toContainText(renamed);
		await expect(card.getByLabel('Einheit der Kennzahl')).toHaveValue('m³ Heizöl pro Jahr');

		await card.getByRole('button', { name: 'Meine Fassung speichern' }).click();
		await expect(card.getByRole('status')).toHaveText('Ziel gespeichert.');
		await expect(card).toContainText('18.000 m³ Heizöl pro Jahr (2023)');
	});

	test('a goal with its target year before the baseline is refused next to the field, the input kept', async ({
		page,
		signInAs
	}) => {
		await signInAs('admin');
		await page.goto('/boards/1/goals');
		const form = page.getByRole('region', { name: 'Neues Ziel' });
		const name = uniqueName('Mentoring');
		await form.getByLabel('Name des Ziels').fill(name);
		await form.getByLabel('Ausgangswert', { exact: true }).fill('10');
		await form.getByLabel('Jahr des Ausgangswerts').fill('2026');
		await form.getByLabel('Zielwert', { exact: true }).fill('viel');
		await form.getByLabel('Zieljahr').fill('2030');
		await form.getByRole('button', { name: 'Ziel anlegen' }).click();
		await expect(form.getByRole('alert')).toHaveText('Bitte prüfen Sie die markierten Felder.');
		await expect(form.getByLabel('Zielwert', { exact: true })).toHaveAccessibleDescription(
			'Dieser Wert passt nicht.'
		);
		await expect(form.getByLabel('Zielwert', { exact: true })).toHaveValue('viel');

		await form.getByLabel('Zielwert', { exact: true }).fill('40,5');
		await form.getByLabel('Zieljahr').fill('2020');
		await form.getByRole('button', { name: 'Ziel anlegen' }).click();
		await expect(form.getByLabel('Zieljahr')).toHaveAccessibleDescription(
			'Das Zieljahr muss nach dem Ausgangsjahr liegen.'
		);
		await expect(form.getByLabel('Zielwert', { exact: true })).not.toHaveAttribute('aria-invalid');
		await expect(form.getByLabel('Name des Ziels')).toHaveValue(name);
		await expect(form.getByLabel('Zielwert', { exact: true })).toHaveValue('40,5');
		await expect(page.getByRole('article', { name })).toHaveCount(0);
	});

	for (const path of ['/boards/1/goals', '/roadmap/goals']) {
		test(`${path} is accessible and fits a phone`, async ({ page, signInAs }) => {
			await signInAs('leader');
			const goal = await addGoal(page.request);
			const recorded = await page.request.post(`/api/goals/${goal.id}/values`, {
				data: { value: 17_250.75, date: '2024-12-31', source: 'Tankbuch' }
			});
			expect(recorded.status()).toBe(201);
			await page.goto(path);
			await expect(page.getByRole('article', { name: goal.name })).toBeVisible();
			expect(await seriousA11yViolations(page)).toEqual([]);
			await page.setViewportSize({ width: 360, height: 740 });
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width).toBeLessThanOrEqual(360);
		});
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a member records a value with a plain form; a wrong number comes back with the input', async ({
		page,
		signInAs,
		playwright,
		baseURL
	}) => {
		const leader = await playwright.request.newContext({ baseURL });
		await signInByRequest(leader, demoAccount('leader'));
		const goal = await addGoal(leader);
		await leader.dispose();

		await signInAs('member');
		await page.goto('/boards/1/goals');
		const card = goalCard(page, goal.id);
		await card.getByLabel('Wert', { exact: true }).fill('12,5 Liter');
		await card.getByLabel('Datum').fill('2025-03-31');
		await card.getByRole('button', { name: 'Messwert eintragen' }).click();
		await expect(card.getByLabel('Wert', { exact: true })).toHaveAttribute('aria-invalid', 'true');
		await expect(card.getByLabel('Wert', { exact: true })).toHaveValue('12,5 Liter');

		await card.getByLabel('Wert', { exact: true }).fill('16500,5');
		await card.getByRole('button', { name: 'Messwert eintragen' }).click();
		await expect(card.getByRole('status')).toHaveText('Messwert eingetragen.');
		await expect(card.getByRole('table', { name: 'Messwerte' })).toContainText(
			'16.500,5 Liter pro Jahr'
		);
	});
});
