import type { APIRequestContext, Page } from '@playwright/test';
import { demoAccount, expect, seriousA11yViolations, signInByRequest, test } from './fixtures';

interface ApiAction {
	id: number;
	title: string;
	version: number;
}

const today = () => new Date().toLocaleDateString('sv-SE');
const yearStart = () => `${today().slice(0, 4)}-01-01`;
const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

/**
 * Report pages are documents rendered on the server only (`csr = false`): nothing hydrates, so
 * the fixture's wait for hydration does not apply; the DOM as the server sent it is the page.
 */
const open = (page: Page, url: string) => page.goto(url, { waitUntil: 'domcontentloaded' });

const scrollsSideways = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

async function memberClient(
	playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
	baseURL: string | undefined
) {
	const member = await playwright.request.newContext({ baseURL });
	await signInByRequest(member, demoAccount('member'));
	return member;
}

test.describe('reports', () => {
	test('a leader chooses a period, sees the report by dimension and horizon, freezes it; later changes leave the frozen report as it was', async ({
		page,
		signInAs,
		playwright,
		baseURL
	}) => {
		// Two full pages go through axe; on a busy machine that takes its time.
		test.slow();
		const member = await memberClient(playwright, baseURL);
		const created = await member.post('/api/boards/1/actions', {
			data: {
				title: unique('Lastenrad für den Mahlzeitendienst'),
				dimension: 'social',
				horizon: 'short',
				dueDate: today()
			}
		});
		expect(created.status()).toBe(201);
		const action = (await created.json()) as ApiAction;

		await signInAs('leader');
		await open(page, '/reports');
		await expect(page.getByRole('heading', { level: 1, name: 'Berichte' })).toBeVisible();
		await page.getByLabel('Von').fill(yearStart());
		await page.getByLabel('Bis').fill(today());
		await page.getByRole('button', { name: 'Bericht zeigen' }).click();
		await expect(page).toHaveURL(/from=\d{4}-01-01&to=/);
		const cell = page.getByRole('region', { name: 'Sozial · kurzfristig' });
		await expect(cell.getByRole('heading', { name: action.title })).toBeVisible();
		await expect(cell).toContainText('geplant');
		await expect(page.getByRole('region', { name: 'DNK-Index' })).toContainText(
			'Noch keine Maßnahme – erklären'
		);
		await expect(page.getByRole('link', { name: 'Excel (XLSX) herunterladen' })).toHaveAttribute(
			'href',
			/format=xlsx/
		);
		expect(await seriousA11yViolations(page)).toEqual([]);

		const title = unique('Bericht erstes Halbjahr');
		await page.getByLabel('Titel').fill(title);
		await page.getByRole('button', { name: 'Festschreiben' }).click();
		await expect(page).toHaveURL(/\/reports\/\d+$/);
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		const frozenUrl = page.url();
		const frozenCell = page.getByRole('region', { name: 'Sozial · kurzfristig' });
		await expect(frozenCell.getByRole('heading', { name: action.title })).toBeVisible();
		const before = await page.locator('article.report').innerText();
		const csvBefore = await (await page.request.get(`${frozenUrl}/export?format=csv`)).text();

		// The working group moves, edits and archives the action.
		const moved = await member.post(`/api/actions/${action.id}/move`, {
			data: { dimension: 'ecological', horizon: 'long', index: 0, version: action.version }
		});
		expect(moved.status()).toBe(200);
		const edited = await member.patch(`/api/actions/${action.id}`, {
			data: { title: `${action.title} (neu)`, version: ((await moved.json()) as ApiAction).version }
		});
		expect(edited.status()).toBe(200);
		const archived = await member.post(`/api/actions/${action.id}/archive`, {
			data: { version: ((await edited.json()) as ApiAction).version }
		});
		expect(archived.status()).toBe(200);
		await member.dispose();

		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		expect(await page.locator('article.report').innerText()).toBe(before);
		expect(await (await page.request.get(`${frozenUrl}/export?format=csv`)).text()).toBe(csvBefore);

		await open(page, '/reports');
		await expect(page.getByRole('link', { name: title })).toHaveAttribute(
			'href',
			new URL(frozenUrl).pathname
		);
	});

	test('a period that ends before it starts is answered with a plain message, not an error', async ({
		page,
		signInAs
	}) => {
		test.slow();
		await signInAs('staff');
		const response = await open(page, '/reports?from=2026-07-01&to=2026-06-30');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('alert')).toContainText('Der Zeitraum stimmt nicht');
		await expect(page.getByText('„Bis“ darf nicht vor „Von“ liegen.')).toBeVisible();
		await expect(page.getByLabel('Von')).toHaveValue('2026-07-01');
		// Staff read reports but do not freeze them.
		await open(page, '/reports');
		await expect(page.getByRole('region', { name: 'Ökologisch · kurzfristig' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Festschreiben' })).toHaveCount(0);
	});

	test.describe('on a 360 px wide screen', () => {
		test.use({ viewport: { width: 360, height: 740 } });

		test('the report fits without scrolling sideways', async ({ page, signInAs }) => {
			test.slow();
			await signInAs('leader');
			await open(page, '/reports');
			await expect(page.getByRole('region', { name: 'Sozial · langfristig' })).toBeVisible();
			expect(await scrollsSideways(page)).toBe(false);
			expect(await seriousA11yViolations(page)).toEqual([]);
		});
	});
});
