import type { APIRequestContext, Page } from '@playwright/test';
import type { Action, BoardAnswer, Dimension, Horizon, Status } from './api-helpers';
import { demoAccount, expect, seriousA11yViolations, signInByRequest, test } from './fixtures';

const LANES: Record<Dimension, string> = {
	ecological: 'Ökologisch',
	economic: 'Ökonomisch',
	social: 'Sozial'
};

/** A calendar date `days` from today, as `YYYY-MM-DD` in the machine's time zone. */
function inDays(days: number): string {
	const d = new Date();
	d.setDate(d.getDate() + days);
	return d.toLocaleDateString('sv-SE');
}

const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

interface NewAction {
	title: string;
	dimension: Dimension;
	horizon: Horizon;
	status?: Status;
	startDate?: string;
	dueDate?: string;
}

/** The test's own actions on board 1, made by a member through the API. */
async function addActions(
	playwright: { request: { newContext(o: object): Promise<APIRequestContext> } },
	baseURL: string | undefined,
	list: NewAction[]
): Promise<Action[]> {
	const member = await playwright.request.newContext({ baseURL });
	await signInByRequest(member, demoAccount('member'));
	const made: Action[] = [];
	for (const data of list) {
		const response = await member.post('/api/boards/1/actions', { data });
		expect(response.status(), await response.text()).toBe(201);
		made.push((await response.json()) as Action);
	}
	await member.dispose();
	return made;
}

async function boardActions(page: Page) {
	return ((await (await page.request.get('/api/boards/1')).json()) as BoardAnswer).actions;
}

test.describe('the roadmap in time', () => {
	// axe reads every entry of a whole board's timeline; on a busy machine that takes a while.
	test.describe.configure({ timeout: 90_000 });

	test('the timeline places every dated action of the board, running ones as bars', async ({
		page,
		signInAs,
		playwright,
		baseURL
	}) => {
		const [running, far, late, undated] = await addActions(playwright, baseURL, [
			{
				title: unique('Läuft als Balken'),
				dimension: 'ecological',
				horizon: 'medium',
				status: 'in_progress',
				startDate: inDays(-40),
				dueDate: inDays(200)
			},
			{ title: unique('Weit weg'), dimension: 'social', horizon: 'long', dueDate: inDays(1400) },
			{ title: unique('Zu spät'), dimension: 'economic', horizon: 'short', dueDate: inDays(-3) },
			{ title: unique('Ohne Datum'), dimension: 'social', horizon: 'short' }
		]);
		expect(running.startDate).toBe(inDays(-40));

		await signInAs('leader');
		await page.goto('/roadmap/timeline');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Zeitleiste');
		const tabs = page.getByRole('navigation', { name: 'Ansichten des Fahrplans' });
		await expect(tabs.getByRole('link', { name: 'Zeitleiste' })).toHaveAttribute(
			'aria-current',
			'page'
		);

		const actions = await boardActions(page);
		const dated = actions.filter((a) => a.dueDate !== null);
		expect(dated.length).toBeGreaterThan(3);
		for (const [dimension, name] of Object.entries(LANES)) {
			const lane = page.getByRole('region', { name, exact: true });
			const mine = dated.filter((a) => a.dimension === dimension);
			await expect(lane.locator('li[data-action-id]')).toHaveCount(mine.length);
			for (const a of mine) {
				await expect(lane.locator(`li[data-action-id="${a.id}"]`)).toHaveAttribute(
					'data-due',
					a.dueDate!
				);
			}
		}

		const lane = (dimension: Dimension) =>
			page.getByRole('region', { name: LANES[dimension], exact: true });
		const bar = lane('ecological').locator(`li[data-action-id="${running.id}"]`);
		await expect(bar.locator('[data-bar]')).toBeVisible();
		await expect(bar).toContainText('läuft');
		const box = (await bar.locator('[data-bar]').boundingBox())!;
		expect(box.width).toBeGreaterThan(20);
		await expect(lane('social').locator(`li[data-action-id="${far.id}"] [data-bar]`)).toHaveCount(
			0
		);
		await expect(lane('economic').locator(`li[data-action-id="${late.id}"]`)).toContainText(
			'überfällig'
		);
		await expect(page.getByRole('link', { name: far.title })).toHaveAttribute(
			'href',
			`/actions/${far.id}`
		);

		const withoutDate = page.getByRole('region', { name: 'Ohne Termin' });
		await expect(withoutDate.getByRole('link', { name: undated.title })).toBeVisible();
		await expect(withoutDate.locator('li[data-action-id]')).toHaveCount(
			actions.length - dated.length
		);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('at 360 px the timeline is a list by quarter and nothing scrolls sideways', async ({
		page,
		signInAs,
		playwright,
		baseURL
	}) => {
		const [soon] = await addActions(playwright, baseURL, [
			{ title: unique('Bald fällig'), dimension: 'economic', horizon: 'short', dueDate: inDays(20) }
		]);
		await signInAs('staff');
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto('/roadmap/timeline');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
		const list = page.getByRole('region', { name: 'Nach Quartal' });
		await expect(list).toBeVisible();
		await expect(page.getByRole('region', { name: 'Ökologisch', exact: true })).toBeHidden();
		const dated = (await boardActions(page)).filter((a) => a.dueDate !== null);
		await expect(list.locator('li[data-action-id]')).toHaveCount(dated.length);
		await expect(list.getByRole('link', { name: soon.title })).toBeVisible();
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('prints the chart without navigation', async ({ page, signInAs }) => {
		await signInAs('leader');
		await page.goto('/roadmap/timeline?board=1');
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('navigation', { name: 'Ansichten des Fahrplans' })).toBeHidden();
		await expect(page.getByRole('region', { name: 'Sozial', exact: true })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Nach Quartal' })).toBeHidden();
	});

	test('the balance counts live actions and their progress in each of the nine cells', async ({
		page,
		signInAs,
		playwright,
		baseURL
	}) => {
		await addActions(playwright, baseURL, [
			{ title: unique('Verworfen'), dimension: 'social', horizon: 'long', status: 'dropped' }
		]);
		await signInAs('leader');
		await page.goto('/roadmap/balance?board=1');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Balance');
		const tabs = page.getByRole('navigation', { name: 'Ansichten des Fahrplans' });
		await expect(tabs.getByRole('link', { name: 'Balance' })).toHaveAttribute(
			'aria-current',
			'page'
		);
		// The chosen board goes along to the other views.
		await expect(tabs.getByRole('link', { name: 'Zeitleiste' })).toHaveAttribute(
			'href',
			'/roadmap/timeline?board=1'
		);

		const actions = (await boardActions(page)).filter((a) => a.status !== 'dropped');
		const table = page.getByRole('table', { name: 'Maßnahmen nach Dimension und Zeitraum' });
		for (const dimension of Object.keys(LANES) as Dimension[]) {
			for (const horizon of ['short', 'medium', 'long'] as const) {
				const mine = actions.filter((a) => a.dimension === dimension && a.horizon === horizon);
				const cell = table.locator(`td[data-dimension="${dimension}"][data-horizon="${horizon}"]`);
				await expect(cell).toHaveAttribute('data-count', String(mine.length));
				if (mine.length === 0) {
					await expect(cell).toContainText('Noch keine Maßnahme in diesem Feld');
				} else {
					const average = Math.round(mine.reduce((s, a) => s + a.progress, 0) / mine.length);
					await expect(cell).toContainText(`Ø Fortschritt ${average} %`);
					await expect(cell.getByRole('link')).toHaveAttribute(
						'href',
						`/boards/1?show=${dimension}:${horizon}#cell-${dimension}-${horizon}`
					);
				}
			}
		}
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.setViewportSize({ width: 360, height: 740 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
	});

	test('a member sets a start date; one after the due date is refused and the input stays', async ({
		page,
		signInAs,
		playwright,
		baseURL
	}) => {
		const [action] = await addActions(playwright, baseURL, [
			{
				title: unique('Mit Beginn'),
				dimension: 'economic',
				horizon: 'medium',
				dueDate: '2027-09-30'
			}
		]);
		await signInAs('member');
		await page.goto(`/actions/${action.id}`);
		await page.getByLabel('Beginn (optional)').fill('2027-10-01');
		await page.getByRole('button', { name: 'Speichern', exact: true }).click();
		await expect(page.getByLabel('Beginn (optional)')).toHaveAccessibleDescription(
			'Der Beginn darf nicht nach dem Fälligkeitsdatum liegen.'
		);
		await expect(page.getByLabel('Beginn (optional)')).toHaveValue('2027-10-01');
		await page.getByLabel('Beginn (optional)').fill('2027-04-01');
		await page.getByRole('button', { name: 'Speichern', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Gespeichert' })).toBeVisible();
		const saved = (await (await page.request.get(`/api/actions/${action.id}`)).json()) as Action;
		expect(saved).toMatchObject({ startDate: '2027-04-01', dueDate: '2027-09-30', version: 2 });
	});
});
