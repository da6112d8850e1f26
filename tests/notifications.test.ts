// Notifications as people meet them: the working group makes a colleague an owner, the bell in
// the colleague's header counts it, the list says it in plain words and leads to the action.
import type { APIRequestContext, Page } from '@playwright/test';
import { demoAccount, DEMO_USERS, expect, seriousA11yViolations, test } from './fixtures';

interface ApiNotifications {
	unread: number;
	items: {
		id: number;
		kind: string;
		text: string;
		url: string;
		read: boolean;
		createdAt: string;
	}[];
}

const member = DEMO_USERS.member.name;
const staff = DEMO_USERS.staff.name;

/** A new action on board 1, made by whoever `api` is signed in as. */
async function addAction(api: APIRequestContext, label: string) {
	const title = `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
	const response = await api.post('/api/boards/1/actions', {
		data: { title, dimension: 'social', horizon: 'medium' }
	});
	expect(response.status(), `adding ${title}`).toBe(201);
	return (await response.json()) as { id: number; title: string; version: number };
}

/** Earlier tests may have told the person things: start from nothing unread. */
async function readEverything(api: APIRequestContext) {
	const response = await api.post('/notifications?/readAll', {
		form: {},
		headers: { accept: 'text/html' }
	});
	expect(response.status()).toBe(200);
}

async function notificationsOf(api: APIRequestContext) {
	const response = await api.get('/api/notifications');
	expect(response.status()).toBe(200);
	return (await response.json()) as ApiNotifications;
}

/**
 * The working group's member ticks the colleague as owner on the action's own page. Without
 * JavaScript (`scripted: false`) nothing hydrates, and the form goes as a plain form.
 */
async function makeStaffOwner(memberPage: Page, actionId: number, scripted = true) {
	await memberPage.goto(`/actions/${actionId}`, scripted ? {} : { waitUntil: 'domcontentloaded' });
	await memberPage.getByLabel(staff).check();
	await memberPage.getByRole('button', { name: 'Speichern' }).click();
	await expect(memberPage.getByText('Gespeichert.')).toBeVisible();
}

const bell = (page: Page) =>
	page.getByRole('banner').getByRole('link', { name: /Benachrichtigung/ });

test.describe('notifications', () => {
	test('a staff member made owner sees it on the bell, follows its link and marks all read', async ({
		page,
		signInAs,
		openSignedIn
	}) => {
		const colleague = await openSignedIn(demoAccount('staff'));
		await readEverything(colleague.request);
		await signInAs('member');
		const action = await addAction(page.request, 'Benachrichtigung');
		await makeStaffOwner(page, action.id);

		await colleague.goto('/upcoming');
		await expect(bell(colleague)).toHaveAccessibleName('1 ungelesene Benachrichtigung');
		await expect(bell(colleague)).toHaveText('1');
		await bell(colleague).click();
		await expect(colleague).toHaveURL(/\/notifications$/);
		await expect(colleague.getByRole('heading', { level: 1 })).toHaveText('Benachrichtigungen');
		await expect(colleague.getByRole('status')).toHaveText('1 ungelesen');

		const entries = colleague.getByRole('list', { name: 'Ihre Benachrichtigungen' });
		const entry = entries.getByRole('listitem').first();
		const sentence = `${member} hat Sie für „${action.title}“ als verantwortlich eingetragen.`;
		await expect(entry).toContainText('Neu');
		await expect(entry.getByRole('link', { name: sentence })).toBeVisible();
		await expect(entry.locator('time')).toBeVisible();

		expect(await seriousA11yViolations(colleague), 'notifications page').toEqual([]);
		await colleague.setViewportSize({ width: 360, height: 740 });
		const overflow = await colleague.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, 'notifications page at 360 px').toBeLessThanOrEqual(0);
		const button = colleague.getByRole('button', { name: 'Alle als gelesen markieren' });
		const box = (await button.boundingBox())!;
		expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);

		await entry.getByRole('link', { name: sentence }).click();
		await expect(colleague).toHaveURL(new RegExp(`/actions/${action.id}$`));
		await expect(colleague.getByRole('heading', { level: 1 })).toHaveText(action.title);

		await colleague.goBack();
		await colleague.getByRole('button', { name: 'Alle als gelesen markieren' }).click();
		await expect(colleague.getByRole('status')).toHaveText(
			'Alle Benachrichtigungen sind als gelesen markiert.'
		);
		await expect(bell(colleague)).toHaveAccessibleName('Benachrichtigungen');
		await expect(entry).not.toContainText('Neu');
		await expect(entry).toContainText('Gelesen');

		const answer = await notificationsOf(colleague.request);
		expect(answer.unread).toBe(0);
		expect(answer.items[0]).toMatchObject({
			kind: 'owner_added',
			text: sentence,
			url: `/actions/${action.id}`,
			read: true
		});
		// The member made the change and hears nothing of it.
		expect((await notificationsOf(page.request)).items.map((i) => i.url)).not.toContain(
			`/actions/${action.id}`
		);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the bell counts, and marking one read is a plain form', async ({
			page,
			signInAs,
			openSignedIn
		}) => {
			await signInAs('staff');
			await readEverything(page.request);
			const memberPage = await openSignedIn(demoAccount('member'));
			const action = await addAction(memberPage.request, 'Ohne Skript');
			await makeStaffOwner(memberPage, action.id, false);

			await page.goto('/upcoming');
			await expect(bell(page)).toHaveAccessibleName('1 ungelesene Benachrichtigung');
			await bell(page).click();
			const entry = page.getByRole('listitem').filter({ hasText: action.title });
			await expect(entry).toContainText('Neu');
			await entry.getByRole('button', { name: 'Als gelesen markieren' }).click();
			await expect(page.getByRole('status')).toHaveText('Alles gelesen.');
			await expect(entry).toContainText('Gelesen');
			await expect(bell(page)).toHaveAccessibleName('Benachrichtigungen');
		});
	});
});
