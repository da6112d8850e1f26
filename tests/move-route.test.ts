import { expect, test } from './fixtures';

/**
 * The one way in for a move is SvelteKit's route (`POST /api/actions/:id/move`): what the route
 * answers for a browser on the same site, for another site, and in the person's language.
 */
test.describe('the move route', () => {
	async function newAction(request: import('@playwright/test').APIRequestContext) {
		const response = await request.post('/api/boards/1/actions', {
			data: {
				title: `Route ${Math.random().toString(36).slice(2, 8)}`,
				dimension: 'social',
				horizon: 'short'
			}
		});
		expect(response.status()).toBe(201);
		return (await response.json()) as { id: number; version: number };
	}

	test('a same-site move is stored before it is answered; another site is refused', async ({
		page,
		signInAs,
		baseURL
	}) => {
		await signInAs('member');
		const action = await newAction(page.request);
		const body = { dimension: 'economic', horizon: 'long', index: 0, version: action.version };

		const foreign = await page.request.post(`/api/actions/${action.id}/move`, {
			data: body,
			headers: { origin: 'https://elsewhere.example' }
		});
		expect(foreign.status()).toBe(403);
		expect((await foreign.json()).error.code).toBe('forbidden');

		const moved = await page.request.post(`/api/actions/${action.id}/move`, {
			data: body,
			headers: { origin: new URL(baseURL!).origin }
		});
		expect(moved.status()).toBe(200);
		const answer = await moved.json();
		expect(answer).toMatchObject({
			id: action.id,
			dimension: 'economic',
			horizon: 'long',
			position: 0,
			version: action.version + 1
		});
		// The answer means "stored": the next read sees exactly what the answer said.
		expect(await (await page.request.get(`/api/actions/${action.id}`)).json()).toEqual(answer);
	});

	test('errors come in the language the person chose', async ({ page, signInAs, baseURL }) => {
		await signInAs('member');
		const action = await newAction(page.request);
		await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);

		const bad = await page.request.post(`/api/actions/${action.id}/move`, {
			data: { dimension: 'nowhere', horizon: 'long', index: 0, version: action.version }
		});
		expect(bad.status()).toBe(400);
		expect(await bad.json()).toMatchObject({
			error: { code: 'bad_request', message: 'Please check the marked fields.' }
		});

		const stale = await page.request.post(`/api/actions/${action.id}/move`, {
			data: { dimension: 'economic', horizon: 'long', index: 0, version: action.version + 5 }
		});
		expect(stale.status()).toBe(409);
		expect(await stale.json()).toMatchObject({
			error: { code: 'conflict', message: 'Someone else has changed this action in the meantime.' },
			current: { id: action.id, dimension: 'social', horizon: 'short', version: action.version }
		});
	});
});
