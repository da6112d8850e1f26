// The board's public page: an admin turns it on, the working group marks actions public, and a
// visitor who is not signed in sees exactly those — as a page, as JSON and as CSV — until the
// link is renewed or the page is turned off.
import type { APIRequestContext, Page } from '@playwright/test';
import { demoAccount, expect, seriousA11yViolations, test } from './fixtures';

const BOARD_ID = 1;
const MEMBER = demoAccount('member');

interface PublicJson {
	board: { name: string };
	ownerNames: boolean;
	actions: { id: number; title: string; description: string | null; owners?: string[] }[];
}

/** A new action of the member's, owned by them, made through the API. */
async function newAction(request: APIRequestContext, title: string, description: string) {
	const response = await request.post(`/api/boards/${BOARD_ID}/actions`, {
		data: { title, description, dimension: 'ecological', horizon: 'short' }
	});
	expect(response.status()).toBe(201);
	return ((await response.json()) as { id: number }).id;
}

/** On the action's page: the member becomes its owner, then marks it public. */
async function makeOwnAndPublic(page: Page, id: number, descriptionPublic: boolean) {
	await page.goto(`/actions/${id}`);
	const edit = page.getByRole('region', { name: 'Maßnahme bearbeiten' });
	await edit.getByRole('checkbox', { name: MEMBER.name }).check();
	await edit.getByRole('button', { name: 'Speichern' }).click();
	await expect(edit.getByRole('status')).toHaveText('Gespeichert.');

	const publicity = page.getByRole('region', { name: 'Öffentliche Seite' });
	await publicity.getByRole('checkbox', { name: 'Auf der öffentlichen Seite zeigen' }).check();
	if (descriptionPublic) {
		await publicity.getByRole('checkbox', { name: 'Beschreibung darf öffentlich sein' }).check();
	}
	await publicity.getByRole('button', { name: 'Sichtbarkeit ändern' }).click();
	await expect(publicity.getByRole('status')).toHaveText('Gespeichert.');
}

/** What a link answers in its three forms: page, JSON, CSV. */
async function statuses(request: APIRequestContext, path: string) {
	const html = await request.get(path, { headers: { accept: 'text/html' } });
	const json = await request.get(`${path}.json`);
	const csv = await request.get(`${path}.csv`);
	return {
		page: html.status(),
		json: json.status(),
		jsonError:
			json.status() === 404
				? ((await json.json()) as { error: { code: string } }).error.code
				: null,
		csv: csv.status()
	};
}

const GONE = { page: 404, json: 404, jsonError: 'not_found', csv: 404 };

// Each test opens several pages as several people; the machine is shared with other suites.
test.describe.configure({ timeout: 90_000 });

test('the public link shows exactly the public actions, and stops working when renewed or turned off', async ({
	page,
	signInAs,
	openSignedIn,
	openFreshPage
}) => {
	// Three people's views, a dozen page loads: more than the default time on a busy machine.
	test.setTimeout(300_000);
	const suffix = Date.now().toString(36);
	const shared = `Wärmepumpe für das Übergangswohnheim ${suffix}`;
	const sharedText = `Öffentlich erklärt: Förderung beantragt ${suffix}`;
	const internal = `Dienstfahrräder für den Außendienst ${suffix}`;
	const internalText = `Interne Kalkulation, nicht teilen ${suffix}`;
	const hidden = `Nicht öffentliche Maßnahme ${suffix}`;

	// The admin starts from a page that is off, with names hidden.
	await signInAs('admin');
	for (const [action, form] of [
		['off', {}],
		['names', { show: '0' }]
	] as const) {
		const response = await page.request.post(`/admin/public?/${action}`, {
			form,
			headers: { accept: 'text/html' }
		});
		expect(response.status()).toBe(200);
	}
	await page.goto('/admin/users');
	await page.getByRole('link', { name: 'Öffentliche Seite verwalten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Öffentliche Seite');
	await expect(page.getByTestId('public-state')).toHaveText(
		'Ausgeschaltet: Die Seite ist nicht erreichbar.'
	);
	await page.getByRole('button', { name: 'Einschalten' }).click();
	await expect(page.getByTestId('public-state')).toHaveText(
		'Eingeschaltet: Wer den Link hat, kann die Seite lesen.'
	);
	expect(await seriousA11yViolations(page)).toEqual([]);
	const link = await page.getByLabel('Link zur öffentlichen Seite').inputValue();
	const path = new URL(link).pathname;
	expect(path).toMatch(/^\/p\/[A-Za-z0-9_-]{43}$/);

	// A member marks two of their own new actions public, one with a shareable description.
	const member = await openSignedIn(MEMBER);
	const sharedId = await newAction(member.request, shared, sharedText);
	const internalId = await newAction(member.request, internal, internalText);
	const hiddenId = await newAction(member.request, hidden, 'Bleibt intern');
	await makeOwnAndPublic(member, sharedId, true);
	await makeOwnAndPublic(member, internalId, false);

	// A visitor who is not signed in sees exactly the public actions: the page matches the JSON.
	const visitor = await openFreshPage();
	const response = await visitor.goto(path);
	expect(response?.status()).toBe(200);
	expect(response?.headers()['cache-control']).toContain('no-store');
	await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
	const data = (await (await visitor.request.get(`${path}.json`)).json()) as PublicJson;
	const shownIds = (await visitor
		.locator('[data-action-id]')
		.evaluateAll((cards) =>
			cards.map((c) => Number(c.getAttribute('data-action-id')))
		)) as number[];
	expect(shownIds.sort()).toEqual(data.actions.map((a) => a.id).sort());
	expect(shownIds).toEqual(expect.arrayContaining([sharedId, internalId]));
	expect(shownIds).not.toContain(hiddenId);
	await expect(visitor.getByRole('heading', { name: shared })).toBeVisible();
	await expect(visitor.getByRole('heading', { name: internal })).toBeVisible();
	await expect(visitor.getByText(hidden)).toHaveCount(0);
	// The shareable description shows; the internal one nowhere.
	await expect(visitor.getByText(sharedText)).toBeVisible();
	await expect(visitor.getByText(internalText)).toHaveCount(0);
	const byId = new Map(data.actions.map((a) => [a.id, a]));
	expect(byId.get(sharedId)?.description).toBe(sharedText);
	expect(byId.get(internalId)?.description).toBeNull();
	// No owners' names (nor any e-mail address) while the organisation hides them.
	expect(data.ownerNames).toBe(false);
	expect(JSON.stringify(data)).not.toContain(MEMBER.name);
	expect(JSON.stringify(data)).not.toContain('@example.org');
	await expect(visitor.getByText(MEMBER.name)).toHaveCount(0);
	expect(await seriousA11yViolations(visitor)).toEqual([]);

	// On a phone nothing scrolls sideways.
	await visitor.setViewportSize({ width: 360, height: 740 });
	await visitor.reload();
	const widest = await visitor.evaluate(() => document.documentElement.scrollWidth);
	expect(widest).toBeLessThanOrEqual(360);

	// The admin allows owners' names: now they show, on the page and in the JSON.
	await page.getByRole('button', { name: 'Namen zeigen' }).click();
	await expect(page.getByText('Werden auf der öffentlichen Seite gezeigt.')).toBeVisible();
	await visitor.reload();
	await expect(
		visitor.locator(`[data-action-id="${sharedId}"]`).getByText(`Verantwortlich: ${MEMBER.name}`)
	).toBeVisible();
	const named = (await (await visitor.request.get(`${path}.json`)).json()) as PublicJson;
	expect(named.actions.find((a) => a.id === sharedId)?.owners).toEqual([MEMBER.name]);

	// The CSV opens in spreadsheets with umlauts: UTF-8 with a byte order mark.
	const csv = await visitor.request.get(`${path}.csv`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const bytes = await csv.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.toString('utf8');
	expect(text).toContain(shared);
	expect(text).toContain(sharedText);
	expect(text).toContain(internal);
	expect(text).not.toContain(internalText);
	expect(text).not.toContain(hidden);
	expect(text.split('\r\n')[0]).toContain('Verantwortlich');

	// Renewing: the old link is gone at once in all three forms, the new one works.
	await page.getByRole('button', { name: 'Neuen Link erstellen' }).click();
	await expect(
		page.getByText('Neuer Link erstellt. Der bisherige Link funktioniert nicht mehr.')
	).toBeVisible();
	const renewed = new URL(await page.getByLabel('Link zur öffentlichen Seite').inputValue())
		.pathname;
	expect(renewed).not.toBe(path);
	expect(await statuses(visitor.request, path)).toEqual(GONE);
	expect(await statuses(visitor.request, renewed)).toEqual({
		page: 200,
		json: 200,
		jsonError: null,
		csv: 200
	});
	await visitor.goto(path);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');

	// Turned off: the link answers "not found" too.
	await page.getByRole('button', { name: 'Ausschalten' }).click();
	await expect(page.getByTestId('public-state')).toHaveText(
		'Ausgeschaltet: Die Seite ist nicht erreichbar.'
	);
	expect(await statuses(visitor.request, renewed)).toEqual(GONE);

	// Tidy up: names hidden again, the test's actions archived.
	await page.getByRole('button', { name: 'Namen verbergen' }).click();
	await expect(page.getByText('Werden nicht gezeigt (Datenschutz).')).toBeVisible();
	for (const id of [sharedId, internalId, hiddenId]) {
		const current = (await (await member.request.get(`/api/actions/${id}`)).json()) as {
			version: number;
		};
		const archived = await member.request.post(`/api/actions/${id}/archive`, {
			data: { version: current.version }
		});
		expect(archived.status()).toBe(200);
	}
});

test('the action page keeps the choice after a conflict and explains it', async ({
	page,
	signInAs
}) => {
	await signInAs('member');
	const id = await newAction(page.request, `Konflikt öffentlich ${Date.now().toString(36)}`, '');
	await page.goto(`/actions/${id}`);
	// Someone else changes the action meanwhile.
	const other = await page.request.patch(`/api/actions/${id}`, {
		data: { progress: 10, version: 1 }
	});
	expect(other.status()).toBe(200);
	const publicity = page.getByRole('region', { name: 'Öffentliche Seite' });
	await publicity.getByRole('checkbox', { name: 'Auf der öffentlichen Seite zeigen' }).check();
	await publicity.getByRole('button', { name: 'Sichtbarkeit ändern' }).click();
	await expect(publicity.getByRole('alert')).toContainText('inzwischen geändert');
	await expect(
		publicity.getByRole('checkbox', { name: 'Auf der öffentlichen Seite zeigen' })
	).toBeChecked();
	await publicity.getByRole('button', { name: 'Sichtbarkeit ändern' }).click();
	await expect(publicity.getByRole('status')).toHaveText('Gespeichert.');
	const archived = await page.request.post(`/api/actions/${id}/archive`, {
		data: { version: 3 }
	});
	expect(archived.status()).toBe(200);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an action is marked public with a plain form, and its history says so', async ({
		page,
		signInAs
	}) => {
		await signInAs('member');
		const id = await newAction(
			page.request,
			`Ohne Skript öffentlich ${Date.now().toString(36)}`,
			''
		);
		await page.goto(`/actions/${id}`);
		const publicity = page.getByRole('region', { name: 'Öffentliche Seite' });
		await publicity.getByRole('checkbox', { name: 'Auf der öffentlichen Seite zeigen' }).check();
		await publicity.getByRole('button', { name: 'Sichtbarkeit ändern' }).click();
		await expect(publicity.getByRole('status')).toHaveText('Gespeichert.');
		await page.goto(`/actions/${id}`);
		await expect(
			publicity.getByRole('checkbox', { name: 'Auf der öffentlichen Seite zeigen' })
		).toBeChecked();
		await expect(
			page.getByText(`${MEMBER.name} hat die Maßnahme auf die öffentliche Seite gestellt.`)
		).toBeVisible();
		const archived = await page.request.post(`/api/actions/${id}/archive`, {
			data: { version: 2 }
		});
		expect(archived.status()).toBe(200);
	});
});
