// Tagging an action with framework codes and own tags, and linking it to the goals it serves:
// on the action's page (with and without JavaScript) and through the JSON API.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
	BOARD_ID,
	UNKNOWN_ID,
	createAction,
	expect,
	expectApiError,
	expectFieldError,
	expectOk,
	test,
	uniqueTitle,
	type Clients
} from './api-helpers';
import { demoAccount, seriousA11yViolations } from './fixtures';

// Each page test signs in, makes an action and a goal and saves a form: more than the default
// 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

let tags = 0;
/** An own tag's name no other test uses (own tags belong to the whole organisation). */
function uniqueTag() {
	tags += 1;
	return `Tag ${Date.now().toString(36)}${process.pid % 1000}-${tags}`;
}

interface Goal {
	id: number;
	name: string;
}

/** Leadership defines a goal of board 1 for the test. */
async function createGoal(leader: APIRequestContext, dimension = 'ecological'): Promise<Goal> {
	return expectOk<Goal>(
		await leader.post(`/api/boards/${BOARD_ID}/goals`, {
			data: {
				dimension,
				name: uniqueTitle('Weniger Strom'),
				unit: 'kWh pro Jahr',
				baselineValue: 52_000,
				baselineYear: 2024,
				targetValue: 30_000,
				targetYear: 2030,
				direction: 'down'
			}
		}),
		201
	);
}

const putCodes = (ctx: APIRequestContext, id: number | string, codes: unknown) =>
	ctx.put(`/api/actions/${id}/codes`, { data: { codes } });
const putGoals = (ctx: APIRequestContext, id: number | string, goals: unknown) =>
	ctx.put(`/api/actions/${id}/goals`, { data: { goals } });

test.describe('PUT /api/actions/:id/codes and /goals', () => {
	test('the working group, leadership and admins set an action codes and goals as a set', async ({
		clients
	}) => {
		const action = await createAction(clients.member, { dimension: 'ecological' });
		const goal = await createGoal(clients.leader);
		const other = await createGoal(clients.leader, 'social');

		expect(
			await expectOk(await putCodes(clients.member, action.id, ['sdg:7', 'dnk:13', 'sdg:7']))
		).toEqual({ codes: ['dnk:13', 'sdg:7'] });
		expect(await expectOk(await putCodes(clients.leader, action.id, ['dnk:1']))).toEqual({
			codes: ['dnk:1']
		});
		expect(
			await expectOk(await putGoals(clients.admin, action.id, [other.id, goal.id, goal.id]))
		).toEqual({ goals: [goal.id, other.id].sort((a, b) => a - b) });
		expect(await expectOk(await putGoals(clients.leader, action.id, []))).toEqual({ goals: [] });
		expect(await expectOk(await putCodes(clients.member, action.id, []))).toEqual({ codes: [] });
	});

	test('staff get 403, signed-out callers 401, unknown actions 404', async ({ clients }) => {
		const action = await createAction(clients.member);
		await expectApiError(await putCodes(clients.staff, action.id, ['dnk:1']), 403, 'forbidden');
		await expectApiError(await putGoals(clients.staff, action.id, []), 403, 'forbidden');
		await expectApiError(
			await putCodes(clients.anonymous, action.id, ['dnk:1']),
			401,
			'unauthorized'
		);
		await expectApiError(await putGoals(clients.anonymous, action.id, []), 401, 'unauthorized');
		await expectApiError(await putCodes(clients.member, UNKNOWN_ID, ['dnk:1']), 404, 'not_found');
		await expectApiError(await putGoals(clients.member, 'abc', []), 404, 'not_found');
	});

	test('unknown codes, too many, goals of nothing and wrong types are refused; nothing changes', async ({
		clients
	}) => {
		const action = await createAction(clients.member);
		const goal = await createGoal(clients.leader);
		await expectOk(await putCodes(clients.member, action.id, ['dnk:2']));
		await expectOk(await putGoals(clients.member, action.id, [goal.id]));

		await expectFieldError(await putCodes(clients.member, action.id, ['dnk:21']), 'codes');
		await expectFieldError(await putCodes(clients.member, action.id, ['gri:3']), 'codes');
		await expectFieldError(await putCodes(clients.member, action.id, 'dnk:13'), 'codes');
		await expectFieldError(
			await putCodes(
				clients.member,
				action.id,
				Array.from({ length: 61 }, (_, i) => `dnk:${i + 1}`)
			),
			'codes'
		);
		await expectFieldError(await putGoals(clients.member, action.id, [UNKNOWN_ID]), 'goals');
		await expectFieldError(await putGoals(clients.member, action.id, ['viele']), 'goals');
		await expectFieldError(await putGoals(clients.member, action.id, null), 'goals');

		// What was set stands: the same set again changes nothing.
		expect(await expectOk(await putCodes(clients.member, action.id, ['dnk:2']))).toEqual({
			codes: ['dnk:2']
		});
		expect(await expectOk(await putGoals(clients.member, action.id, [goal.id]))).toEqual({
			goals: [goal.id]
		});
	});

	test('an archived action keeps its codes and goals: 409', async ({ clients }) => {
		const action = await createAction(clients.member);
		await expectOk(await clients.member.post(`/api/actions/${action.id}/archive`, { data: {} }));
		await expectApiError(await putCodes(clients.member, action.id, ['dnk:1']), 409, 'conflict');
		await expectApiError(await putGoals(clients.member, action.id, []), 409, 'conflict');
	});
});

/** The section "Ziele und Kennzeichen" of an action's page. */
const section = (page: Page) => page.getByRole('region', { name: 'Ziele und Kennzeichen' });

async function prepare(clients: Clients) {
	const action = await createAction(clients.member, {
		title: uniqueTitle('Photovoltaik auf dem Dach'),
		dimension: 'ecological'
	});
	const goal = await createGoal(clients.leader);
	return { action, goal, tag: uniqueTag() };
}

/** Unfolds a group of the code picker (its summary names the framework and the count). */
const openGroup = (tags: Locator, name: string) =>
	tags.locator('summary', { hasText: name }).click();

/** Unfolds the form of the section. */
const openForm = (tags: Locator) =>
	tags.locator('summary', { hasText: 'Ziele und Kennzeichen zuordnen' }).click();

/** Ticks DNK 13, SDG 7 and the goal, types a new own tag and saves. */
async function tagIt(page: Page, goal: Goal, tag: string) {
	const tags = section(page);
	await openForm(tags);
	await openGroup(tags, 'DNK-Kriterien');
	await tags.getByRole('checkbox', { name: 'DNK 13 Klimarelevante Emissionen' }).check();
	await openGroup(tags, 'Ziele für nachhaltige Entwicklung (SDG)');
	await tags.getByRole('checkbox', { name: 'SDG 7 Bezahlbare und saubere Energie' }).check();
	await tags.getByRole('checkbox', { name: goal.name }).check();
	await tags.getByLabel('Neues eigenes Kennzeichen').fill(tag);
	await tags.getByRole('button', { name: 'Zuordnung speichern' }).click();
}

async function expectChips(page: Page, goal: Goal, tag: string) {
	const tags = section(page);
	const codes = tags.getByRole('list', { name: 'Kennzeichen' });
	await expect(codes.getByRole('listitem')).toHaveText([
		'DNK 13 Klimarelevante Emissionen',
		'SDG 7 Bezahlbare und saubere Energie',
		`# Eigenes Kennzeichen: ${tag}`
	]);
	const goals = tags.getByRole('list', { name: 'Ziele' });
	await expect(goals.getByRole('link', { name: goal.name })).toHaveAttribute(
		'href',
		`/boards/${BOARD_ID}/goals#goal-${goal.id}`
	);
}

test.describe('goals and tags on the action page', () => {
	test('a member tags a fresh action and links it to a goal; staff see the chips, no form', async ({
		page,
		clients,
		signInAs,
		openSignedIn
	}) => {
		const { action, goal, tag } = await prepare(clients);
		await signInAs('member');
		await page.goto(`/actions/${action.id}`);
		await expect(section(page).getByText('Noch keine Kennzeichen.')).toBeVisible();
		await tagIt(page, goal, tag);
		await expect(section(page).getByRole('status')).toHaveText(
			'Ziele und Kennzeichen gespeichert.'
		);
		await expectChips(page, goal, tag);
		// The new tag is ticked in the form, and the text field is empty for the next one.
		await expect(section(page).getByRole('checkbox', { name: tag })).toBeChecked();
		await expect(section(page).getByLabel('Neues eigenes Kennzeichen')).toHaveValue('');
		expect(await seriousA11yViolations(page)).toEqual([]);

		const staffPage = await openSignedIn(demoAccount('staff'));
		await staffPage.goto(`/actions/${action.id}`);
		await expectChips(staffPage, goal, tag);
		await expect(section(staffPage).getByRole('button')).toHaveCount(0);
		await expect(section(staffPage).getByRole('checkbox')).toHaveCount(0);
	});

	test('a goal of nothing is refused with a message, and what was ticked stays ticked', async ({
		page,
		clients,
		signInAs
	}) => {
		const { action, goal } = await prepare(clients);
		await signInAs('member');
		await page.goto(`/actions/${action.id}`);
		// The goal is gone from the board by the time the form is sent (a forged form stands in).
		const answer = await page.request.post(`/actions/${action.id}?/tags`, {
			form: { codes: 'dnk:13', goals: String(UNKNOWN_ID), newTag: 'Zu verwerfen' },
			headers: { accept: 'text/html' }
		});
		expect(answer.status()).toBe(400);
		const html = await answer.text();
		expect(html).toContain('Dieses Ziel gehört nicht zu diesem Board.');
		expect(html).toContain('value="Zu verwerfen"');
		await page.goto(`/actions/${action.id}`);
		await expect(section(page).getByText('Noch keine Kennzeichen.')).toBeVisible();
		await openForm(section(page));
		await expect(section(page).getByRole('checkbox', { name: goal.name })).not.toBeChecked();
	});

	test('an overlong own tag gets a clear message and the typed name is kept', async ({
		page,
		clients,
		signInAs
	}) => {
		const { action } = await prepare(clients);
		await signInAs('member');
		await page.goto(`/actions/${action.id}`);
		const tags = section(page);
		await openForm(tags);
		await openGroup(tags, 'DNK-Kriterien');
		await tags.getByRole('checkbox', { name: 'DNK 13 Klimarelevante Emissionen' }).check();
		const long = 'Sehr langer Name eines eigenen Kennzeichens';
		// The field stops at 40 characters; the server refuses more on its own too.
		await tags.getByLabel('Neues eigenes Kennzeichen').evaluate((el: HTMLInputElement, v) => {
			el.removeAttribute('maxlength');
			el.value = v;
		}, long);
		await tags.getByRole('button', { name: 'Zuordnung speichern' }).click();
		await expect(tags.getByRole('alert')).toBeVisible();
		await expect(tags.getByText('Bitte höchstens 40 Zeichen.')).toBeVisible();
		await expect(tags.getByLabel('Neues eigenes Kennzeichen')).toHaveValue(long);
		await expect(
			tags.getByRole('checkbox', { name: 'DNK 13 Klimarelevante Emissionen' })
		).toBeChecked();
		await expect(tags.getByText('Noch keine Kennzeichen.')).toBeVisible();
	});

	test('an archived action shows its tags read-only', async ({ page, clients, signInAs }) => {
		const action = await createAction(clients.member);
		await expectOk(await putCodes(clients.member, action.id, ['sdg:13']));
		await expectOk(await clients.member.post(`/api/actions/${action.id}/archive`, { data: {} }));
		await signInAs('member');
		await page.goto(`/actions/${action.id}`);
		await expect(section(page).getByRole('listitem')).toHaveText([/^SDG 13 /]);
		await expect(section(page).getByRole('button')).toHaveCount(0);
	});

	test.describe('on a 360 px wide phone', () => {
		test.use({ viewport: { width: 360, height: 740 } });

		test('the section with every group open does not scroll sideways', async ({
			page,
			clients,
			signInAs
		}) => {
			const { action, goal } = await prepare(clients);
			await putGoals(clients.member, action.id, [goal.id]);
			await putCodes(clients.member, action.id, ['dnk:13', 'sdg:7']);
			await signInAs('member');
			await page.goto(`/actions/${action.id}`);
			for (const summary of await section(page).locator('summary').all()) {
				const details = summary.locator('..');
				if ((await details.getAttribute('open')) === null) await summary.click();
			}
			await expect(section(page).locator('details:not([open])')).toHaveCount(0);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width).toBeLessThanOrEqual(360);
		});
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the form works as a plain form', async ({ page, clients, signInAs }) => {
		const { action, goal, tag } = await prepare(clients);
		await signInAs('member');
		await page.goto(`/actions/${action.id}`);
		await tagIt(page, goal, tag);
		await expect(section(page).getByRole('status')).toHaveText(
			'Ziele und Kennzeichen gespeichert.'
		);
		await expectChips(page, goal, tag);
	});
});
