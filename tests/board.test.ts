import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
	demoAccount,
	expect as baseExpect,
	seriousA11yViolations,
	signInByRequest,
	test,
	waitForHydration
} from './fixtures';

// A busy machine can take a while to render a drag step; states are still waited for, never time.
const expect = baseExpect.configure({ timeout: 15_000 });

type Dimension = 'ecological' | 'economic' | 'social';
type Horizon = 'short' | 'medium' | 'long';

interface CreatedAction {
	id: number;
	title: string;
	version: number;
}

/** Adds an action through the API (as the page's signed-in member) with a title no other test uses. */
async function addAction(
	request: APIRequestContext,
	label: string,
	dimension: Dimension,
	horizon: Horizon
): Promise<CreatedAction> {
	const title = `${label} ${Math.random().toString(36).slice(2, 8)}`;
	const response = await request.post('/api/boards/1/actions', {
		data: { title, dimension, horizon }
	});
	expect(response.status()).toBe(201);
	return response.json();
}

const cell = (page: Page, dimension: Dimension, horizon: Horizon) =>
	page.locator(`[data-dimension="${dimension}"][data-horizon="${horizon}"]`);

const card = (page: Page, id: number) => page.locator(`li[data-action-id="${id}"]`);

/** The ids of the cards in a cell, top to bottom. */
async function idsIn(page: Page, dimension: Dimension, horizon: Horizon): Promise<number[]> {
	const ids = await cell(page, dimension, horizon)
		.locator('li[data-action-id]')
		.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-action-id'))));
	return ids;
}

/** Opens the board and waits until dragging works (the drag library is attached to every cell). */
async function openBoard(page: Page, query = '?show=all') {
	await page.goto(`/boards/1${query}`);
	await expect(page.locator('.grid')).toHaveAttribute('data-drag-ready', '');
}

/** Where on a cell a card is dropped. */
type Spot = 'heading' | 'first-card' | 'below-cards' | 'quick-add' | 'middle';

/**
 * Scrolls so that both the card and `spot` of the target cell are in the window and returns
 * both in window coordinates (the card where it is picked up), plus, for 'below-cards', how much
 * empty space the cell has below its quick-add field.
 */
async function bringIntoView(from: Locator, target: Locator, spot: Spot) {
	const handle = await from.elementHandle();
	return target.evaluate(
		(cell, [card, spot]) => {
			const box = (el: Element | null) => {
				if (!el) throw new Error(`nothing to drop onto at ${spot}`);
				return el.getBoundingClientRect();
			};
			const c = cell.getBoundingClientRect();
			const quickAdd = box(cell.querySelector('input[name="title"]'));
			let y: number;
			let room = 0;
			if (spot === 'heading') y = box(cell.querySelector('h3')).top + 6;
			else if (spot === 'first-card') y = box(cell.querySelector('li[data-action-id]')).top + 8;
			else if (spot === 'quick-add') y = quickAdd.top + quickAdd.height / 2;
			else if (spot === 'below-cards') {
				room = c.bottom - quickAdd.bottom;
				y = quickAdd.bottom + room / 2;
			} else y = c.top + c.height / 2;
			const grab = box(card as Element);
			const before = window.scrollY;
			window.scrollTo(0, before + (grab.top + 15 + y) / 2 - window.innerHeight / 2);
			const dy = window.scrollY - before;
			return {
				card: { x: grab.left + 30, y: grab.top + 15 - dy },
				spot: { x: c.left + c.width / 2, y: y - dy },
				room,
				height: window.innerHeight
			};
		},
		[handle, spot] as const
	);
}

/**
 * Drags a card with the mouse in small steps, the way svelte-dnd-action follows a real pointer,
 * onto `spot` of `target` (a cell in the same row, next to the card's own): first along its own
 * cell to the height of the spot, then across; drops once the placeholder shows at `index` there.
 * (A path through other cells would put the placeholder there on the way and move the rows.)
 */
async function mouseDrag(page: Page, from: Locator, target: Locator, spot: Spot, index: number) {
	const grid = page.locator('.grid');
	const at = await bringIntoView(from, target, spot);
	for (const point of [at.card, at.spot]) {
		expect(point.y, 'card and spot fit in the window').toBeGreaterThan(0);
		expect(point.y).toBeLessThan(at.height);
	}
	await page.mouse.move(at.card.x, at.card.y);
	await page.mouse.down();
	await page.mouse.move(at.card.x + 5, at.card.y + 5, { steps: 5 });
	await expect(grid).toHaveAttribute('data-dragging', '');
	await page.mouse.move(at.card.x + 5, at.spot.y, { steps: 10 });
	await page.mouse.move(at.spot.x, at.spot.y, { steps: 15 });
	await expect(target).toHaveAttribute('data-drop-index', String(index));
	await page.mouse.up();
	await expect(grid).not.toHaveAttribute('data-dragging');
}

/** Moves an action through the API (to set a scene: e.g. a card at the top of its cell). */
async function moveByApi(
	request: APIRequestContext,
	action: CreatedAction,
	dimension: Dimension,
	horizon: Horizon,
	index: number
): Promise<CreatedAction> {
	const response = await request.post(`/api/actions/${action.id}/move`, {
		data: { dimension, horizon, index, version: action.version }
	});
	expect(response.status()).toBe(200);
	return response.json();
}

/** The ids of the actions in a cell, in order, as the server has them. */
async function idsOnServer(request: APIRequestContext, dimension: Dimension, horizon: Horizon) {
	const board = await (await request.get('/api/boards/1')).json();
	return (board.actions as { id: number; dimension: string; horizon: string }[])
		.filter((a) => a.dimension === dimension && a.horizon === horizon)
		.map((a) => a.id);
}

/** The alert that says why a move did not happen. */
const problem = (page: Page) => page.locator('.notice.error[role="alert"]');
const liveRegion = (page: Page) => page.locator('p[aria-live="polite"]');

test.describe('the cluster board', () => {
	test.use({ viewport: { width: 1280, height: 1000 } });
	// Dragging takes many small steps; a busy machine needs more than the default 30 s for some.
	test.describe.configure({ timeout: 120_000 });

	test('shows nine cells with their headers and every card carries its id', async ({
		page,
		signInAs
	}) => {
		await signInAs('member');
		await openBoard(page);
		for (const name of ['Ökologisch', 'Ökonomisch', 'Sozial']) {
			await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
		}
		await expect(page.locator('[data-dimension][data-horizon]')).toHaveCount(9);
		await expect(page.getByText('bis 6 Monate').first()).toBeVisible();
		expect(await page.locator('li[data-action-id]').count()).toBeGreaterThanOrEqual(12);
	});

	test('a member drags a card onto the top card of another cell, and it stays after reload', async ({
		page,
		signInAs
	}) => {
		await signInAs('member');
		const first = await addAction(page.request, 'Ziehen A', 'economic', 'long');
		const second = await addAction(page.request, 'Ziehen B', 'economic', 'long');
		const moving = await addAction(page.request, 'Ziehen C', 'ecological', 'long');
		await moveByApi(page.request, first, 'economic', 'long', 0);
		await moveByApi(page.request, moving, 'ecological', 'long', 0);
		await openBoard(page);

		await mouseDrag(page, card(page, moving.id), cell(page, 'economic', 'long'), 'first-card', 0);
		expect((await idsIn(page, 'economic', 'long'))[0]).toBe(moving.id);
		await expect(problem(page)).toHaveCount(0);
		await expect(liveRegion(page)).toContainText(moving.title);

		await page.reload();
		const ids = await idsIn(page, 'economic', 'long');
		expect(ids[0]).toBe(moving.id);
		expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
		expect(await idsIn(page, 'ecological', 'long')).not.toContain(moving.id);
	});

	test('a card dropped onto the empty lower part of a cell goes last there, and stays', async ({
		page,
		signInAs
	}) => {
		await signInAs('member');
		// The economic cell of the row gets more cards than the social one, so the social cell
		// (as tall as its row) has empty space below its cards.
		const counts = async (d: Dimension) => (await idsOnServer(page.request, d, 'medium')).length;
		const more = Math.max(0, (await counts('social')) - (await counts('economic')) + 2);
		for (let i = 0; i < more; i++) await addAction(page.request, 'Füller', 'economic', 'medium');
		const moving = await addAction(page.request, 'Nach unten', 'economic', 'medium');
		await openBoard(page);
		const target = cell(page, 'social', 'medium');
		const before = await idsIn(page, 'social', 'medium');
		expect(
			(await bringIntoView(card(page, moving.id), target, 'below-cards')).room
		).toBeGreaterThan(100);

		await mouseDrag(page, card(page, moving.id), target, 'below-cards', before.length);
		expect(await idsIn(page, 'social', 'medium')).toEqual([...before, moving.id]);
		await expect(problem(page)).toHaveCount(0);
		await expect(liveRegion(page)).toContainText(moving.title);

		await page.reload();
		expect(await idsIn(page, 'social', 'medium')).toEqual([...before, moving.id]);
		expect(await idsIn(page, 'economic', 'medium')).not.toContain(moving.id);
	});

	test('a card dropped onto the heading of a cell goes first there', async ({ page, signInAs }) => {
		await signInAs('member');
		const moving = await addAction(page.request, 'Nach oben', 'economic', 'short');
		await moveByApi(page.request, moving, 'economic', 'short', 0);
		await openBoard(page);
		const target = cell(page, 'ecological', 'short');
		const before = await idsIn(page, 'ecological', 'short');

		await mouseDrag(page, card(page, moving.id), target, 'heading', 0);
		expect(await idsIn(page, 'ecological', 'short')).toEqual([moving.id, ...before]);
		await expect(liveRegion(page)).toContainText(moving.title);
		await page.reload();
		expect((await idsOnServer(page.request, 'ecological', 'short'))[0]).toBe(moving.id);
	});

	test('a card dropped onto the quick-add field of a cell goes last there', async ({
		page,
		signInAs
	}) => {
		await signInAs('member');
		const moving = await addAction(page.request, 'Ans Ende', 'social', 'short');
		// Level with the end of the target cell, so both are in the window together.
		const level = (await idsOnServer(page.request, 'economic', 'short')).length - 1;
		await moveByApi(page.request, moving, 'social', 'short', Math.max(0, level));
		await openBoard(page);
		const target = cell(page, 'economic', 'short');
		const before = await idsIn(page, 'economic', 'short');

		await mouseDrag(page, card(page, moving.id), target, 'quick-add', before.length);
		expect(await idsIn(page, 'economic', 'short')).toEqual([...before, moving.id]);
		await expect(liveRegion(page)).toContainText(moving.title);
		await page.reload();
		expect(await idsOnServer(page.request, 'economic', 'short')).toEqual([...before, moving.id]);
	});

	test('a card dropped into an empty cell lands there', async ({ page, signInAs }) => {
		await signInAs('member');
		// Empties the social · long cell (archived actions can be restored).
		const board = await (await page.request.get('/api/boards/1')).json();
		for (const a of board.actions as (CreatedAction & { dimension: string; horizon: string })[]) {
			if (a.dimension !== 'social' || a.horizon !== 'long') continue;
			const archived = await page.request.post(`/api/actions/${a.id}/archive`, {
				data: { version: a.version }
			});
			expect(archived.status()).toBe(200);
		}
		const moving = await addAction(page.request, 'Leere Zelle', 'economic', 'long');
		await moveByApi(page.request, moving, 'economic', 'long', 0);
		await openBoard(page);
		const target = cell(page, 'social', 'long');
		await expect(target.locator('li[data-action-id]')).toHaveCount(0);

		await mouseDrag(page, card(page, moving.id), target, 'middle', 0);
		expect(await idsIn(page, 'social', 'long')).toEqual([moving.id]);
		await expect(target.getByText('1 Maßnahme', { exact: true })).toBeVisible();
		await page.reload();
		expect(await idsOnServer(page.request, 'social', 'long')).toEqual([moving.id]);
	});

	test('a drop that someone else got ahead of puts the card back and says why', async ({
		page,
		signInAs
	}) => {
		await signInAs('member');
		const moving = await addAction(page.request, 'Konflikt', 'economic', 'medium');
		const current = await moveByApi(page.request, moving, 'economic', 'medium', 0);
		await openBoard(page);
		const from = await idsIn(page, 'economic', 'medium');

		// Someone renames the action while the card is being dragged: the drop is stale (409).
		const target = cell(page, 'social', 'medium');
		const at = await bringIntoView(card(page, moving.id), target, 'heading');
		await page.mouse.move(at.card.x, at.card.y);
		await page.mouse.down();
		await page.mouse.move(at.card.x + 5, at.card.y + 5, { steps: 5 });
		await expect(page.locator('.grid')).toHaveAttribute('data-dragging', '');
		const renamed = await page.request.patch(`/api/actions/${moving.id}`, {
			data: { title: `${moving.title} neu`, version: current.version }
		});
		expect(renamed.status()).toBe(200);
		// Where the target's heading is now: the pointer follows the board as a person's eyes
		// would, should anything above it have changed its height meanwhile.
		const heading = (await target.locator('h3').boundingBox())!;
		const spot = { x: at.spot.x, y: heading.y + 6 };
		await page.mouse.move(at.card.x + 5, spot.y, { steps: 10 });
		await page.mouse.move(spot.x, spot.y, { steps: 15 });
		await expect(target).toHaveAttribute('data-drop-index', '0');
		await page.mouse.up();

		await expect(problem(page)).toContainText(
			'Jemand anderes hat diese Maßnahme inzwischen geändert.'
		);
		await expect(problem(page)).toContainText('ist wieder an ihrem Platz');
		await expect(liveRegion(page)).toContainText('Jemand anderes hat diese Maßnahme');
		await expect(
			cell(page, 'economic', 'medium').locator(`li[data-action-id="${moving.id}"]`)
		).toBeVisible();
		expect(await idsIn(page, 'economic', 'medium')).toEqual(from);
		expect(await idsOnServer(page.request, 'economic', 'medium')).toContain(moving.id);

		// "Move anyway" moves it with the current version.
		await problem(page).getByRole('button', { name: 'Noch einmal verschieben' }).click();
		await expect(target.locator('li[data-action-id]').first()).toHaveAttribute(
			'data-action-id',
			String(moving.id)
		);
		await expect(problem(page)).toHaveCount(0);
		expect((await idsOnServer(page.request, 'social', 'medium'))[0]).toBe(moving.id);
	});

	test('a drop while the board is filtered puts the card back and says why', async ({
		page,
		signInAs
	}) => {
		await signInAs('member');
		const tag = `Gefiltert${Math.random().toString(36).slice(2, 8)}`;
		const moving = await addAction(page.request, tag, 'ecological', 'short');
		const other = await addAction(page.request, tag, 'economic', 'short');
		await openBoard(page, `?q=${tag}`);
		await expect(page.locator('li[data-action-id]')).toHaveCount(2);

		await mouseDrag(page, card(page, moving.id), cell(page, 'economic', 'short'), 'heading', 0);
		await expect(problem(page)).toContainText('Solange gefiltert wird, ist Ziehen aus.');
		await expect(problem(page)).toContainText(`„${moving.title}“ ist wieder an ihrem Platz.`);
		await expect(liveRegion(page)).toContainText('Solange gefiltert wird');
		expect(await idsIn(page, 'ecological', 'short')).toEqual([moving.id]);
		expect(await idsIn(page, 'economic', 'short')).toEqual([other.id]);
		expect(await idsOnServer(page.request, 'ecological', 'short')).toContain(moving.id);
	});

	test('a member moves a card with the keyboard alone', async ({ page, signInAs }) => {
		await signInAs('member');
		const action = await addAction(page.request, 'Tastatur', 'social', 'short');
		await openBoard(page);

		await card(page, action.id).focus();
		await page.keyboard.press('Space');
		await page.keyboard.press('Tab'); // to the next cell: social · short → ecological · medium
		await page.keyboard.press('Space');
		await expect(page.locator('p[aria-live="polite"]')).toContainText(action.title);

		await page.reload();
		expect(await idsIn(page, 'social', 'short')).not.toContain(action.id);
		const api = await (await page.request.get(`/api/actions/${action.id}`)).json();
		expect({ dimension: api.dimension, horizon: api.horizon }).not.toEqual({
			dimension: 'social',
			horizon: 'short'
		});
		expect(api.version).toBe(action.version + 1);
	});

	test('a member moves a card with "Move to…" in a dialog', async ({ page, signInAs }) => {
		await signInAs('member');
		const action = await addAction(page.request, 'Dialog', 'ecological', 'long');
		await openBoard(page);

		await page.getByRole('link', { name: `Verschieben…: ${action.title}` }).click();
		const dialog = page.getByRole('dialog');
		await dialog.getByLabel('Sozial · mittelfristig').check();
		await dialog.getByLabel('An welche Stelle?').selectOption({ label: 'Ganz oben' });
		await dialog.getByRole('button', { name: 'Verschieben', exact: true }).click();
		await expect(dialog).toBeHidden();
		await expect(
			cell(page, 'social', 'medium').locator('li[data-action-id]').first()
		).toHaveAttribute('data-action-id', String(action.id));
		await page.reload();
		expect((await idsIn(page, 'social', 'medium'))[0]).toBe(action.id);
	});

	test('quick add puts a new action at the end of its cell', async ({ page, signInAs }) => {
		await signInAs('member');
		await openBoard(page);
		const title = `Schnell ${Date.now()}`;
		const input = page.getByLabel('Neue Maßnahme in Ökonomisch · mittelfristig');
		await input.fill(title);
		await input.press('Enter');
		const cards = cell(page, 'economic', 'medium').locator('li[data-action-id]');
		await expect(cards.last()).toContainText(title);
		await expect(input).toHaveValue('');
	});

	test('quick add with an empty title says what is missing', async ({ page, signInAs }) => {
		await signInAs('member');
		await openBoard(page);
		const input = page.getByLabel('Neue Maßnahme in Sozial · langfristig');
		await input.press('Enter');
		await expect(cell(page, 'social', 'long').getByText('Bitte ausfüllen.')).toBeVisible();
	});

	test('filters live in the URL and say how many actions match', async ({ page, signInAs }) => {
		await signInAs('member');
		const action = await addAction(page.request, 'Filterprobe', 'social', 'medium');
		await page.goto(`/boards/1?q=${encodeURIComponent(action.title)}`);
		await expect(page.locator('li[data-action-id]')).toHaveCount(1);
		await expect(card(page, action.id)).toBeVisible();
		await expect(page.getByText(/^1 von \d+ Maßnahmen passen\.$/)).toBeVisible();
		await expect(page.getByLabel('Suchen')).toHaveValue(action.title);

		await page.getByRole('link', { name: 'Filter zurücksetzen' }).click();
		await expect(page).toHaveURL(/\/boards\/1$/);
		expect(await page.locator('li[data-action-id]').count()).toBeGreaterThan(1);
	});

	test('"only mine" shows the actions the member owns', async ({ page, signInAs }) => {
		await signInAs('member');
		await page.goto('/boards/1?mine=1');
		const cards = page.locator('li[data-action-id]');
		expect(await cards.count()).toBeGreaterThan(0);
		for (const owners of await cards.locator('[aria-label="Verantwortlich"]').all()) {
			await expect(owners).toContainText('Tobias Brandt');
		}
	});

	for (const role of ['leader', 'staff'] as const) {
		test(`a ${role} sees the board read-only`, async ({ page, signInAs }) => {
			await signInAs(role);
			await openBoard(page);
			await expect(page.getByText('Sie sehen das Board zum Lesen.')).toBeVisible();
			await expect(page.getByRole('link', { name: /^Verschieben…/ })).toHaveCount(0);
			await expect(page.getByPlaceholder('+ Neue Maßnahme (Enter)')).toHaveCount(0);
			await expect(page.locator('li[data-action-id]').first()).toHaveAttribute('tabindex', '-1');
		});
	}

	test('the board has no serious accessibility problems', async ({ page, signInAs }) => {
		await signInAs('member');
		await openBoard(page);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('at 360 px the cells stack and "Move to…" still works', async ({ page, signInAs }) => {
		await signInAs('member');
		const action = await addAction(page.request, 'Handy', 'economic', 'short');
		await page.setViewportSize({ width: 360, height: 740 });
		await openBoard(page);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
		await page.getByRole('link', { name: `Verschieben…: ${action.title}` }).click();
		await page.getByRole('dialog').getByLabel('Ökologisch · langfristig').check();
		await page
			.getByRole('dialog')
			.getByRole('button', { name: 'Verschieben', exact: true })
			.click();
		await expect(
			cell(page, 'ecological', 'long').locator(`li[data-action-id="${action.id}"]`)
		).toBeVisible();
	});
});

test.describe('on a touch screen', () => {
	test.describe.configure({ timeout: 120_000 });

	test('a finger drags a card into the next cell, and it stays after reload', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({
			baseURL,
			locale: 'de-DE',
			viewport: { width: 390, height: 844 },
			hasTouch: true,
			isMobile: true
		});
		try {
			const page = await context.newPage();
			await signInByRequest(page.request, demoAccount('member'));
			const moving = await addAction(page.request, 'Finger', 'ecological', 'short');
			await page.goto('/boards/1?show=all');
			await waitForHydration(page);
			const grid = page.locator('.grid');
			await expect(grid).toHaveAttribute('data-drag-ready', '');

			// The cells stack; the next one (economic · short) begins right below this card's cell.
			const target = cell(page, 'economic', 'short');
			const before = await idsIn(page, 'economic', 'short');
			const at = await bringIntoView(card(page, moving.id), target, 'heading');
			const cdp = await context.newCDPSession(page);
			const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) =>
				cdp.send('Input.dispatchTouchEvent', {
					type,
					touchPoints: type === 'touchEnd' ? [] : [{ x, y }]
				});

			await touch('touchStart', at.card.x, at.card.y);
			// Held still, the finger picks the card up (moving at once would scroll instead).
			await expect(grid).toHaveAttribute('data-dragging', '');
			const steps = 20;
			for (let i = 1; i <= steps; i++) {
				await touch(
					'touchMove',
					at.card.x + ((at.spot.x - at.card.x) * i) / steps,
					at.card.y + ((at.spot.y - at.card.y) * i) / steps
				);
			}
			await expect(target).toHaveAttribute('data-drop-index', '0');
			await touch('touchEnd');
			await expect(grid).not.toHaveAttribute('data-dragging');

			expect(await idsIn(page, 'economic', 'short')).toEqual([moving.id, ...before]);
			await expect(page.locator('p[aria-live="polite"]')).toContainText(moving.title);
			await page.reload();
			expect((await idsIn(page, 'economic', 'short'))[0]).toBe(moving.id);
			expect(await idsIn(page, 'ecological', 'short')).not.toContain(moving.id);
		} finally {
			await context.close();
		}
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('"Move to…" moves an action with a plain form', async ({ page, signInAs }) => {
		await signInAs('member');
		const target = await addAction(page.request, 'Ohne JS Ziel', 'economic', 'medium');
		const action = await addAction(page.request, 'Ohne JS', 'ecological', 'short');
		await page.goto('/boards/1?show=all');
		await page.getByRole('link', { name: `Verschieben…: ${action.title}` }).click();
		await expect(page).toHaveURL(new RegExp(`/actions/${action.id}#move$`));
		await page.getByLabel('Ökonomisch · mittelfristig').check();
		await page.getByLabel('An welche Stelle?').selectOption({ label: 'Ganz oben' });
		await page.getByRole('button', { name: 'Verschieben', exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`/actions/${action.id}$`));
		await expect(page.getByText('Ökonomisch · mittelfristig').first()).toBeVisible();

		await page.goto('/boards/1?show=all');
		const ids = await idsIn(page, 'economic', 'medium');
		expect(ids[0]).toBe(action.id);
		expect(ids).toContain(target.id);
	});

	test('quick add, edit and a progress entry work as plain forms', async ({ page, signInAs }) => {
		await signInAs('member');
		await page.goto('/boards/1?show=all');
		const title = `Formular ${Date.now()}`;
		await page.getByLabel('Neue Maßnahme in Sozial · kurzfristig').fill(title);
		await page.getByLabel('Neue Maßnahme in Sozial · kurzfristig').press('Enter');
		await page.getByRole('link', { name: title, exact: true }).click();

		await page.getByLabel('Fällig am').fill('2027-05-04');
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page.getByText('Gespeichert.')).toBeVisible();

		await page.getByLabel('Notiz').fill('Erster Schritt geschafft');
		await page.locator('#progress-value').fill('30');
		await page.getByLabel('Status ändern (optional)').selectOption({ label: 'läuft' });
		await page.getByRole('button', { name: 'Fortschritt eintragen' }).click();
		await expect(page.getByText('Erster Schritt geschafft')).toBeVisible();
		await expect(page.getByText(/Fortschritt eingetragen: 30 %/)).toBeVisible();
	});
});
