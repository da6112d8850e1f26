// The JSON API as outside code uses it (DESIGN.md, "Contracts that outside code relies on").
// Every test that changes something creates its own actions first, so tests stay independent of
// each other and of the demo data, which other tests may rearrange at the same time.
import type { APIRequestContext, APIResponse } from '@playwright/test';
import {
	BOARD_ID,
	SESSION_COOKIE,
	UNKNOWN_ID,
	cellIds,
	createAction,
	expect,
	expectApiError,
	expectFieldError,
	expectOk,
	getAction,
	getBoard,
	newClient,
	placeless,
	rawJson,
	test,
	uniqueTitle,
	type Action,
	type Clients,
	type Dimension,
	type Horizon
} from './api-helpers';
import { DEMO_USERS } from './demo';

const DIMENSIONS: Dimension[] = ['ecological', 'economic', 'social'];
const HORIZONS: Horizon[] = ['short', 'medium', 'long'];
/** Board order of the cells: row by row (short term first), ecological → social in a row. */
const CELL_ORDER = HORIZONS.flatMap((h) => DIMENSIONS.map((d) => `${d}:${h}`));

const ACTION_KEYS = [
	'id',
	'boardId',
	'title',
	'description',
	'dimension',
	'horizon',
	'position',
	'status',
	'progress',
	'owners',
	'startDate',
	'dueDate',
	'version',
	'createdAt',
	'updatedAt',
	'archived'
];
const BOARD_ACTION_KEYS = [
	'id',
	'title',
	'dimension',
	'horizon',
	'position',
	'status',
	'progress',
	'owners',
	'dueDate',
	'version'
];

/** A JSON body just over the 64 KB limit (valid JSON, so only its size is wrong). */
const OVERSIZED = { title: 'Zu groß', description: 'x'.repeat(70 * 1024) };

/** The id of the user behind a client: a progress entry names its author. */
async function userIdOf(ctx: APIRequestContext, clients: Clients): Promise<number> {
	const action = await createAction(clients.member, { title: uniqueTitle('Wer bin ich') });
	const answer = await ctx.post(`/api/actions/${action.id}/progress`, {
		data: { note: 'Wer bin ich?', progress: 1 }
	});
	const { entry } = await expectOk<{ entry: { authorId: number } }>(answer, 201);
	expect(typeof entry.authorId).toBe('number');
	return entry.authorId;
}

// ---------------------------------------------------------------------------------------------
// Checks every route shares: signed out → 401, leader/staff writing → 403, unknown id → 404.

type Method = 'get' | 'post' | 'patch';

interface RouteSpec {
	/** How the route is written in DESIGN.md, e.g. `PATCH /api/actions/:id`. */
	name: string;
	method: Method;
	/** The path for an id (an action id, or the board id for board routes). */
	path: (id: number | string) => string;
	/** A valid body for the action (writes only). */
	body?: (action: Action) => Record<string, unknown>;
	/** Whether `:id` is a board id (true) or an action id. */
	boardRoute?: boolean;
}

function send(
	ctx: APIRequestContext,
	route: RouteSpec,
	id: number | string,
	body?: Record<string, unknown>
): Promise<APIResponse> {
	const url = route.path(id);
	if (route.method === 'get') return ctx.get(url);
	return ctx[route.method](url, { data: body ?? {} });
}

/** The action a route is tried on; board routes use board 1 but still need an action's body. */
async function subject(clients: Clients) {
	return createAction(clients.member, { title: uniqueTitle('Rechte') });
}

function accessTests(route: RouteSpec) {
	test(`${route.name} refuses a signed-out caller with 401 unauthorized`, async ({ clients }) => {
		const action = await subject(clients);
		const id = route.boardRoute ? BOARD_ID : action.id;
		await expectApiError(
			await send(clients.anonymous, route, id, route.body?.(action)),
			401,
			'unauthorized'
		);
		expect(await getAction(clients.member, action.id)).toEqual(placeless(action));
	});

	test(`${route.name} refuses a forged session cookie with 401`, async ({
		playwright,
		clients,
		baseURL
	}) => {
		const action = await subject(clients);
		const forged = await playwright.request.newContext({
			baseURL,
			extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=forged-id.forged-secret` }
		});
		try {
			const id = route.boardRoute ? BOARD_ID : action.id;
			await expectApiError(
				await send(forged, route, id, route.body?.(action)),
				401,
				'unauthorized'
			);
		} finally {
			await forged.dispose();
		}
	});

	if (route.method === 'get') {
		test(`${route.name} answers leader and staff too (reading is for everyone)`, async ({
			clients
		}) => {
			const action = await subject(clients);
			const id = route.boardRoute ? BOARD_ID : action.id;
			for (const role of ['leader', 'staff'] as const) {
				const response = await send(clients[role], route, id);
				expect(response.status(), `${role} reading ${route.path(id)}`).toBe(200);
				expect(await response.json()).toBeTruthy();
			}
		});
	} else {
		for (const role of ['leader', 'staff'] as const) {
			test(`${route.name} refuses a ${role} with 403 forbidden and changes nothing`, async ({
				clients
			}) => {
				const action = await subject(clients);
				const id = route.boardRoute ? BOARD_ID : action.id;
				const body = route.body?.(action);
				await expectApiError(await send(clients[role], route, id, body), 403, 'forbidden');
				expect(await getAction(clients.member, action.id)).toEqual(placeless(action));
				if (route.boardRoute) {
					const titles = (await getBoard(clients.member)).actions.map((a) => a.title);
					expect(titles).not.toContain(body?.title);
				}
			});
		}
	}

	test(`${route.name} answers 404 for an unknown id and for ids that are not numbers`, async ({
		clients
	}) => {
		const action = await subject(clients);
		for (const id of [UNKNOWN_ID, 'abc', '0', '-1', '1.5']) {
			await expectApiError(
				await send(clients.admin, route, id, route.body?.(action)),
				404,
				'not_found'
			);
		}
	});
}

/** Ids that only JavaScript's Number() reads as numbers: the contract answers 404 for them. */
function oddIdTests(route: RouteSpec) {
	test(`${route.name} answers 404 for ids written in hex, with an exponent or with spaces`, async ({
		clients
	}) => {
		const action = await subject(clients);
		const body = route.body?.(action);
		const id = route.boardRoute ? BOARD_ID : action.id;
		for (const odd of [`0x${id.toString(16)}`, `${id}e0`, `%20${id}`]) {
			const response = await send(clients.admin, route, odd, body);
			expect(response.status(), `${route.method.toUpperCase()} ${route.path(odd)}`).toBe(404);
		}
	});
}

/** A body that is not JSON → 400; one over 64 KB → 413. Neither changes the action. */
function bodyTests(route: RouteSpec) {
	test(`${route.name} refuses a body that is not JSON with 400`, async ({ clients }) => {
		const action = await subject(clients);
		const id = route.boardRoute ? BOARD_ID : action.id;
		const method = route.method === 'patch' ? 'patch' : 'post';
		for (const body of ['{"title": ', 'not json', '{title: "x"}']) {
			await expectApiError(
				await rawJson(clients.member, method, route.path(id), body),
				400,
				'bad_request'
			);
		}
		expect(await getAction(clients.member, action.id)).toEqual(placeless(action));
	});

	test(`${route.name} refuses a body over 64 KB with 413`, async ({ clients }) => {
		const action = await subject(clients);
		const id = route.boardRoute ? BOARD_ID : action.id;
		const body = { ...route.body!(action), ...OVERSIZED };
		await expectApiError(await send(clients.member, route, id, body), 413, 'payload_too_large');
		// Over the server's own limit for any body (512 KB) too: the same JSON answer, never a 500.
		const method = route.method === 'patch' ? 'patch' : 'post';
		const huge = JSON.stringify({ ...route.body!(action), note: 'x'.repeat(1024 * 1024) });
		await expectApiError(
			await rawJson(clients.member, method, route.path(id), huge),
			413,
			'payload_too_large'
		);
		expect(await getAction(clients.member, action.id)).toEqual(placeless(action));
	});
}

/** Each case: a name, what to merge into (or, with `undefined`, drop from) a valid body, the field. */
type BadCase = [string, Record<string, unknown>, string];

function fieldTests(route: RouteSpec, cases: BadCase[]) {
	for (const [name, change, field] of cases) {
		test(`${route.name} refuses ${name} with 400 naming "${field}" and changes nothing`, async ({
			clients
		}) => {
			const action = await subject(clients);
			const id = route.boardRoute ? BOARD_ID : action.id;
			const body: Record<string, unknown> = { ...route.body!(action), ...change };
			for (const [key, value] of Object.entries(change)) if (value === undefined) delete body[key];
			await expectFieldError(await send(clients.member, route, id, body), field);
			expect(await getAction(clients.member, action.id)).toEqual(placeless(action));
			if (route.boardRoute && typeof body.title === 'string' && body.title.trim()) {
				const board = await getBoard(clients.member);
				expect(board.actions.map((a) => a.title)).not.toContain(body.title);
			}
		});
	}
}

const LONG_TITLE = 'T'.repeat(201);
const LONG_DESCRIPTION = 'D'.repeat(10_001);
const TOO_MANY_OWNERS = Array.from({ length: 21 }, (_, i) => i + 1);

// ---------------------------------------------------------------------------------------------

test.describe('GET /api/boards', () => {
	const route: RouteSpec = { name: 'GET /api/boards', method: 'get', path: () => '/api/boards' };

	test('lists the boards as {id, name}, board 1 among them', async ({ clients }) => {
		const boards = await expectOk<{ id: number; name: string }[]>(
			await clients.member.get('/api/boards')
		);
		expect(Array.isArray(boards)).toBe(true);
		for (const board of boards) {
			expect(typeof board.id).toBe('number');
			expect(typeof board.name).toBe('string');
			expect(board.name.length).toBeGreaterThan(0);
		}
		expect(boards.map((b) => b.id)).toContain(BOARD_ID);
	});

	test('GET /api/boards answers every role the same list', async ({ clients }) => {
		const lists = await Promise.all(
			(['admin', 'member', 'leader', 'staff'] as const).map(async (role) =>
				expectOk(await clients[role].get('/api/boards'))
			)
		);
		for (const list of lists) expect(list).toEqual(lists[0]);
	});

	test('GET /api/boards refuses a signed-out caller with 401 unauthorized', async ({ clients }) => {
		await expectApiError(await send(clients.anonymous, route, 0), 401, 'unauthorized');
	});
});

test.describe('GET /api/boards/:id', () => {
	const route: RouteSpec = {
		name: 'GET /api/boards/:id',
		method: 'get',
		path: (id) => `/api/boards/${id}`,
		boardRoute: true
	};

	test('answers the board frame with horizons, goals and version', async ({ clients }) => {
		const { board } = await getBoard(clients.member);
		expect(board.id).toBe(BOARD_ID);
		expect(typeof board.name).toBe('string');
		expect(board.name.length).toBeGreaterThan(0);
		expect(typeof board.description).toBe('string');
		expect(Object.keys(board.horizons).sort()).toEqual(['long', 'medium', 'short']);
		for (const text of Object.values(board.horizons)) expect(typeof text).toBe('string');
		expect(Object.keys(board.goals).sort()).toEqual(['ecological', 'economic', 'social']);
		expect(Number.isInteger(board.version)).toBe(true);
	});

	test('lists the demo actions in board order: cell by cell, then by position', async ({
		clients
	}) => {
		const { actions } = await getBoard(clients.member);
		expect(actions.length).toBeGreaterThanOrEqual(12);
		for (const action of actions) {
			expect(Object.keys(action).sort()).toEqual([...BOARD_ACTION_KEYS].sort());
			expect(DIMENSIONS).toContain(action.dimension);
			expect(HORIZONS).toContain(action.horizon);
			expect(Array.isArray(action.owners)).toBe(true);
		}
		// Each cell is one run, the runs follow the board's cell order, positions count 0, 1, 2 …
		const runs: string[] = [];
		let expected = 0;
		for (const action of actions) {
			const key = `${action.dimension}:${action.horizon}`;
			if (runs.at(-1) !== key) {
				expect(runs, `cell ${key} appears twice`).not.toContain(key);
				runs.push(key);
				expected = 0;
			}
			expect(action.position, `position of action ${action.id} in ${key}`).toBe(expected);
			expected += 1;
		}
		expect(runs).toEqual(CELL_ORDER.filter((key) => runs.includes(key)));
		expect(runs.length, 'the demo board fills all nine cells').toBe(9);
	});

	test('shows a new action with its fields as the board lists them', async ({ clients }) => {
		const created = await createAction(clients.member, {
			title: uniqueTitle('Auf dem Board'),
			status: 'in_progress',
			progress: 30,
			dueDate: '2027-01-15'
		});
		const { actions } = await getBoard(clients.staff);
		const listed = actions.find((a) => a.id === created.id);
		expect(listed).toEqual({
			id: created.id,
			title: created.title,
			dimension: 'social',
			horizon: 'medium',
			position: listed?.position,
			status: 'in_progress',
			progress: 30,
			owners: [],
			dueDate: '2027-01-15',
			version: created.version
		});
	});

	accessTests(route);
	oddIdTests(route);
});

test.describe('GET /api/boards/:id/cards', () => {
	const route: RouteSpec = {
		name: 'GET /api/boards/:id/cards',
		method: 'get',
		path: (id) => `/api/boards/${id}/cards`,
		boardRoute: true
	};
	type Cards = {
		cards: { cells: Record<string, unknown[][]>; names: Record<string, string> };
		cells: Record<string, { total: number; matching: number }>;
	};

	test('answers the cards the board page shows, per cell, with the counts', async ({ clients }) => {
		const title = uniqueTitle('Karte');
		const action = await createAction(clients.member, {
			title,
			dimension: 'social',
			horizon: 'long'
		});
		const page = await expectOk<Cards>(
			await clients.member.get(`/api/boards/${BOARD_ID}/cards?q=${encodeURIComponent(title)}`)
		);
		expect(page.cards.cells['social:long'].map((card) => card[0])).toEqual([action.id]);
		expect(page.cards.cells['social:long'][0][1]).toBe(title);
		expect(page.cells['social:long'].matching).toBe(1);
		expect(page.cells['social:long'].total).toBeGreaterThanOrEqual(1);
		expect(Object.keys(page.cells)).toHaveLength(9);
	});

	test('shows a few cards per cell, and every card of an opened cell', async ({ clients }) => {
		for (let i = 0; i < 9; i++) {
			await createAction(clients.member, {
				title: uniqueTitle('Viele'),
				dimension: 'economic',
				horizon: 'medium'
			});
		}
		const url = `/api/boards/${BOARD_ID}/cards`;
		const closed = await expectOk<Cards>(await clients.staff.get(url));
		const opened = await expectOk<Cards>(await clients.staff.get(`${url}?show=economic:medium`));
		const all = await expectOk<Cards>(await clients.staff.get(`${url}?show=all`));
		const count = closed.cells['economic:medium'].total;
		expect(closed.cards.cells['economic:medium'].length).toBeLessThan(count);
		expect(opened.cards.cells['economic:medium']).toHaveLength(count);
		expect(all.cards.cells['economic:medium']).toHaveLength(count);
	});

	test('ignores filters and cells it does not know', async ({ clients }) => {
		const answer = await clients.member.get(
			`/api/boards/${BOARD_ID}/cards?status=nonsense&owner=-1&show=nowhere&q=${'x'.repeat(5000)}`
		);
		const page = await expectOk<Cards>(answer);
		expect(Object.keys(page.cells)).toHaveLength(9);
	});

	accessTests(route);
});

test.describe('GET /api/actions/:id', () => {
	const route: RouteSpec = {
		name: 'GET /api/actions/:id',
		method: 'get',
		path: (id) => `/api/actions/${id}`
	};

	test('answers one action with all its fields', async ({ clients }) => {
		const created = await createAction(clients.member, {
			title: uniqueTitle('Einzeln'),
			description: 'Mit **Markdown** und <b>HTML</b>',
			dimension: 'economic',
			horizon: 'medium',
			status: 'done',
			progress: 100,
			dueDate: '2026-03-01'
		});
		const action = await getAction(clients.leader, created.id);
		expect(Object.keys(action).sort()).toEqual([...ACTION_KEYS].sort());
		expect(action).toEqual(placeless(created));
		expect(action).toMatchObject({
			boardId: BOARD_ID,
			description: 'Mit **Markdown** und <b>HTML</b>',
			status: 'done',
			progress: 100,
			dueDate: '2026-03-01',
			archived: false,
			owners: []
		});
		expect(Number.isNaN(Date.parse(action.createdAt))).toBe(false);
		expect(Number.isNaN(Date.parse(action.updatedAt))).toBe(false);
	});

	accessTests(route);
	oddIdTests(route);
});

// ---------------------------------------------------------------------------------------------

test.describe('POST /api/boards/:id/actions', () => {
	const route: RouteSpec = {
		name: 'POST /api/boards/:id/actions',
		method: 'post',
		path: (id) => `/api/boards/${id}/actions`,
		body: () => ({ title: uniqueTitle('Neu'), dimension: 'social', horizon: 'medium' }),
		boardRoute: true
	};

	test('creates an action with every field and answers 201 with it', async ({ clients }) => {
		const memberId = await userIdOf(clients.member, clients);
		const title = uniqueTitle('Komplett');
		const response = await clients.member.post(`/api/boards/${BOARD_ID}/actions`, {
			data: {
				title,
				description: 'Lastenräder für die ambulante Pflege',
				dimension: 'ecological',
				horizon: 'medium',
				status: 'in_progress',
				progress: 40,
				dueDate: '2026-12-31',
				owners: [memberId]
			}
		});
		const action = await expectOk<Action>(response, 201);
		expect(Object.keys(action).sort()).toEqual([...ACTION_KEYS].sort());
		expect(action).toMatchObject({
			boardId: BOARD_ID,
			title,
			description: 'Lastenräder für die ambulante Pflege',
			dimension: 'ecological',
			horizon: 'medium',
			status: 'in_progress',
			progress: 40,
			dueDate: '2026-12-31',
			owners: [{ id: memberId, name: DEMO_USERS.member.name }],
			archived: false
		});
		expect(Number.isInteger(action.id)).toBe(true);
		expect(Number.isInteger(action.version)).toBe(true);
		expect(await getAction(clients.member, action.id)).toEqual(placeless(action));
	});

	test('fills in defaults: planned, 0 %, no date, no owners, empty description', async ({
		clients
	}) => {
		const action = await createAction(clients.admin, { title: uniqueTitle('Minimal') });
		expect(action).toMatchObject({
			status: 'planned',
			progress: 0,
			dueDate: null,
			owners: [],
			description: '',
			archived: false
		});
	});

	test('accepts a title of exactly 200 characters and trims surrounding spaces', async ({
		clients
	}) => {
		const long = uniqueTitle('Lang').padEnd(200, 'x');
		expect(long).toHaveLength(200);
		expect((await createAction(clients.member, { title: long })).title).toBe(long);
		const title = uniqueTitle('Getrimmt');
		expect((await createAction(clients.member, { title: `  ${title}  ` })).title).toBe(title);
	});

	test('places a new action at the end of its cell', async ({ clients }) => {
		const first = await createAction(clients.member, { dimension: 'ecological', horizon: 'long' });
		const second = await createAction(clients.member, { dimension: 'ecological', horizon: 'long' });
		expect(second.position).toBe(first.position + 1);
		const ids = cellIds(await getBoard(clients.member), 'ecological', 'long');
		expect(ids.at(-1)).toBe(second.id);
		expect(ids.at(-2)).toBe(first.id);
		expect(ids.indexOf(second.id)).toBe(second.position);
	});

	fieldTests(route, [
		['an empty title', { title: '' }, 'title'],
		['a title of only spaces', { title: '   ' }, 'title'],
		['a missing title', { title: undefined }, 'title'],
		['a title of 201 characters', { title: LONG_TITLE }, 'title'],
		['a title that is a number', { title: 42 }, 'title'],
		['an unknown dimension', { dimension: 'cultural' }, 'dimension'],
		['a missing dimension', { dimension: undefined }, 'dimension'],
		['an unknown horizon', { horizon: 'forever' }, 'horizon'],
		['a missing horizon', { horizon: undefined }, 'horizon'],
		['an unknown status', { status: 'finished' }, 'status'],
		['progress "abc"', { progress: 'abc' }, 'progress'],
		['progress 150', { progress: 150 }, 'progress'],
		['progress -1', { progress: -1 }, 'progress'],
		['progress 12.5', { progress: 12.5 }, 'progress'],
		['a description of 10,001 characters', { description: LONG_DESCRIPTION }, 'description'],
		['the date 2026-02-30', { dueDate: '2026-02-30' }, 'dueDate'],
		['a date in another format', { dueDate: '31.12.2026' }, 'dueDate'],
		['an owner who does not exist', { owners: [UNKNOWN_ID] }, 'owners'],
		['21 owners', { owners: TOO_MANY_OWNERS }, 'owners'],
		['owners that are not ids', { owners: ['jemand'] }, 'owners']
	]);
	bodyTests(route);
	accessTests(route);
});

// ---------------------------------------------------------------------------------------------

test.describe('PATCH /api/actions/:id', () => {
	const route: RouteSpec = {
		name: 'PATCH /api/actions/:id',
		method: 'patch',
		path: (id) => `/api/actions/${id}`,
		body: (a) => ({ title: uniqueTitle('Geändert'), version: a.version })
	};

	test('changes the fields and answers the action with the next version', async ({ clients }) => {
		const action = await createAction(clients.member);
		const title = uniqueTitle('Neuer Titel');
		const answer = await expectOk<Action>(
			await clients.member.patch(`/api/actions/${action.id}`, {
				data: {
					title,
					description: 'Neu beschrieben',
					status: 'in_progress',
					progress: 55,
					dueDate: '2028-02-29',
					version: action.version
				}
			})
		);
		expect(answer).toMatchObject({
			id: action.id,
			title,
			description: 'Neu beschrieben',
			status: 'in_progress',
			progress: 55,
			dueDate: '2028-02-29',
			version: action.version + 1,
			dimension: action.dimension,
			horizon: action.horizon
		});
		expect(await getAction(clients.staff, action.id)).toEqual(placeless(answer));
	});

	test('clears the due date with null and keeps fields that were not sent', async ({ clients }) => {
		const action = await createAction(clients.member, {
			dueDate: '2027-06-30',
			progress: 20,
			description: 'bleibt'
		});
		const answer = await expectOk<Action>(
			await clients.member.patch(`/api/actions/${action.id}`, {
				data: { dueDate: null, version: action.version }
			})
		);
		expect(answer).toMatchObject({
			dueDate: null,
			progress: 20,
			description: 'bleibt',
			title: action.title,
			version: action.version + 1
		});
	});

	test('sets owners that then show on GET /api/boards/1, and removes them again', async ({
		clients
	}) => {
		const memberId = await userIdOf(clients.member, clients);
		const adminId = await userIdOf(clients.admin, clients);
		const action = await createAction(clients.member);
		const answer = await expectOk<Action>(
			await clients.member.patch(`/api/actions/${action.id}`, {
				data: { owners: [memberId, adminId], version: action.version }
			})
		);
		const expected = [
			{ id: adminId, name: DEMO_USERS.admin.name },
			{ id: memberId, name: DEMO_USERS.member.name }
		];
		const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
		expect([...answer.owners].sort(byName)).toEqual(expected);
		expect(answer.version).toBe(action.version + 1);

		const listed = (await getBoard(clients.leader)).actions.find((a) => a.id === action.id);
		expect([...(listed?.owners ?? [])].sort(byName)).toEqual(expected);
		expect(listed?.version).toBe(answer.version);

		const cleared = await expectOk<Action>(
			await clients.member.patch(`/api/actions/${action.id}`, {
				data: { owners: [], version: answer.version }
			})
		);
		expect(cleared.owners).toEqual([]);
		const relisted = (await getBoard(clients.member)).actions.find((a) => a.id === action.id);
		expect(relisted?.owners).toEqual([]);
	});

	test('refuses a stale version with 409 and the current action, keeping the first change', async ({
		clients
	}) => {
		const action = await createAction(clients.member);
		const first = await expectOk<Action>(
			await clients.member.patch(`/api/actions/${action.id}`, {
				data: { title: uniqueTitle('Zuerst'), version: action.version }
			})
		);
		const body = await expectApiError(
			await clients.admin.patch(`/api/actions/${action.id}`, {
				data: { title: uniqueTitle('Zu spät'), progress: 90, version: action.version }
			}),
			409,
			'conflict'
		);
		expect(body.current).toEqual(placeless(first));
		expect(await getAction(clients.member, action.id)).toEqual(placeless(first));
	});

	test('two edits based on the same version at once: one wins, the other gets 409', async ({
		clients
	}) => {
		const action = await createAction(clients.member);
		const [a, b] = await Promise.all(
			[clients.member, clients.admin].map((ctx, i) =>
				ctx.patch(`/api/actions/${action.id}`, {
					data: { title: uniqueTitle(`Gleichzeitig ${i}`), version: action.version }
				})
			)
		);
		expect([a.status(), b.status()].sort()).toEqual([200, 409]);
		const winner = (a.status() === 200 ? await a.json() : await b.json()) as Action;
		const loser = a.status() === 200 ? b : a;
		const refused = await expectApiError(loser, 409, 'conflict');
		expect(refused.current).toEqual(placeless(winner));
		expect(await getAction(clients.member, action.id)).toEqual(placeless(winner));
	});

	fieldTests(route, [
		['a missing version', { version: undefined }, 'version'],
		['version "abc"', { version: 'abc' }, 'version'],
		['version 0', { version: 0 }, 'version'],
		['an empty title', { title: '' }, 'title'],
		['a title of 201 characters', { title: LONG_TITLE }, 'title'],
		['a title that is a number', { title: 42 }, 'title'],
		['a description of 10,001 characters', { description: LONG_DESCRIPTION }, 'description'],
		['an unknown status', { status: 'finished' }, 'status'],
		['progress "abc"', { progress: 'abc' }, 'progress'],
		['progress 150', { progress: 150 }, 'progress'],
		['the date 2026-02-30', { dueDate: '2026-02-30' }, 'dueDate'],
		['an owner who does not exist', { owners: [UNKNOWN_ID] }, 'owners'],
		['21 owners', { owners: TOO_MANY_OWNERS }, 'owners']
	]);
	bodyTests(route);
	accessTests(route);
});

// ---------------------------------------------------------------------------------------------

test.describe('POST /api/actions/:id/move', () => {
	const route: RouteSpec = {
		name: 'POST /api/actions/:id/move',
		method: 'post',
		path: (id) => `/api/actions/${id}/move`,
		body: (a) => ({ dimension: 'economic', horizon: 'short', index: 0, version: a.version })
	};

	const move = (
		ctx: APIRequestContext,
		action: Pick<Action, 'id' | 'version'>,
		dimension: Dimension,
		horizon: Horizon,
		index: number
	) =>
		ctx.post(`/api/actions/${action.id}/move`, {
			data: { dimension, horizon, index, version: action.version }
		});

	test('a move to index 0 of another cell makes the action first there', async ({ clients }) => {
		const action = await createAction(clients.member, { dimension: 'social', horizon: 'medium' });
		const moved = await expectOk<Action>(await move(clients.member, action, 'social', 'short', 0));
		expect(moved).toMatchObject({
			id: action.id,
			dimension: 'social',
			horizon: 'short',
			position: 0,
			version: action.version + 1,
			title: action.title
		});
		const board = await getBoard(clients.member);
		expect(cellIds(board, 'social', 'short')[0]).toBe(action.id);
		expect(cellIds(board, 'social', 'medium')).not.toContain(action.id);
		expect(board.actions.find((a) => a.id === action.id)?.position).toBe(0);
		expect(await getAction(clients.member, action.id)).toEqual(moved);
	});

	test('a move to a large index puts the action last in the cell', async ({ clients }) => {
		const action = await createAction(clients.member, { dimension: 'social', horizon: 'medium' });
		const moved = await expectOk<Action>(
			await move(clients.member, action, 'economic', 'long', 5000)
		);
		expect(moved).toMatchObject({ dimension: 'economic', horizon: 'long' });
		// The index is clamped: the answer gives the real place, not 5000.
		expect(moved.position).toBeLessThan(5000);
		const board = await getBoard(clients.member);
		const ids = cellIds(board, 'economic', 'long');
		expect(ids.at(-1)).toBe(action.id);
		expect(board.actions.find((a) => a.id === action.id)?.position).toBe(ids.length - 1);
	});

	test('moving within its own cell reorders it among its neighbours', async ({ clients }) => {
		const cell = { dimension: 'economic', horizon: 'short' } as const;
		const a = await createAction(clients.member, { ...cell, title: uniqueTitle('A') });
		const b = await createAction(clients.member, { ...cell, title: uniqueTitle('B') });
		const c = await createAction(clients.member, { ...cell, title: uniqueTitle('C') });
		const mine = (ids: number[]) => ids.filter((id) => [a.id, b.id, c.id].includes(id));
		expect(mine(cellIds(await getBoard(clients.member), cell.dimension, cell.horizon))).toEqual([
			a.id,
			b.id,
			c.id
		]);

		// C forward to A's place: C, A, B.
		const indexOfA = cellIds(await getBoard(clients.member), cell.dimension, cell.horizon).indexOf(
			a.id
		);
		const cMoved = await expectOk<Action>(
			await move(clients.member, c, cell.dimension, cell.horizon, indexOfA)
		);
		expect(cMoved.position).toBe(indexOfA);
		expect(cMoved.version).toBe(c.version + 1);
		let ids = cellIds(await getBoard(clients.member), cell.dimension, cell.horizon);
		expect(mine(ids)).toEqual([c.id, a.id, b.id]);
		expect(ids.indexOf(c.id)).toBe(indexOfA);

		// A back behind B: C, B, A. Without A in the cell, B's index is where A goes.
		const indexOfB = ids.filter((id) => id !== a.id).indexOf(b.id) + 1;
		const aMoved = await expectOk<Action>(
			await move(clients.member, a, cell.dimension, cell.horizon, indexOfB)
		);
		expect(aMoved.position).toBe(indexOfB);
		ids = cellIds(await getBoard(clients.member), cell.dimension, cell.horizon);
		expect(mine(ids)).toEqual([c.id, b.id, a.id]);
	});

	test('each move raises the version by one and the last move counts', async ({ clients }) => {
		let action = await createAction(clients.member);
		const start = action.version;
		for (const [dimension, horizon] of [
			['ecological', 'medium'],
			['ecological', 'short'],
			['social', 'long']
		] as const) {
			action = await expectOk<Action>(await move(clients.member, action, dimension, horizon, 9999));
		}
		expect(action.version).toBe(start + 3);
		expect(await getAction(clients.member, action.id)).toMatchObject({
			dimension: 'social',
			horizon: 'long',
			version: start + 3
		});
	});

	test('ten concurrent moves of ten actions by ten sessions all succeed', async ({
		playwright,
		clients,
		baseURL
	}) => {
		const actions = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				createAction(clients.member, {
					title: uniqueTitle(`Parallel ${i}`),
					dimension: 'ecological',
					horizon: 'medium'
				})
			)
		);
		const target = (i: number): [Dimension, Horizon] =>
			i % 2 ? ['ecological', 'short'] : ['ecological', 'medium'];
		const sessions = await Promise.all(
			actions.map((_, i) =>
				newClient(
					(options) => playwright.request.newContext(options),
					baseURL,
					i % 2 ? 'admin' : 'member'
				)
			)
		);
		try {
			const responses = await Promise.all(
				actions.map((action, i) => move(sessions[i], action, ...target(i), i % 3 ? 0 : 9999))
			);
			const bodies = await Promise.all(responses.map((r) => r.text()));
			for (const body of bodies) expect(body).not.toContain('database is locked');
			expect(responses.map((r) => r.status())).toEqual(Array(10).fill(200));
			const moved = bodies.map((b) => JSON.parse(b) as Action);
			moved.forEach((m, i) => {
				expect(m.id).toBe(actions[i].id);
				expect(m.version).toBe(actions[i].version + 1);
			});
			const board = await getBoard(clients.member);
			actions.forEach((action, i) => {
				const listed = board.actions.find((a) => a.id === action.id);
				const [dimension, horizon] = target(i);
				expect(listed).toMatchObject({ dimension, horizon, version: action.version + 1 });
			});
		} finally {
			await Promise.all(sessions.map((s) => s.dispose()));
		}
	});

	test('five moves of one action based on the same version: one wins, four get 409', async ({
		clients
	}) => {
		const action = await createAction(clients.member);
		const responses = await Promise.all(
			HORIZONS.concat(HORIZONS)
				.slice(0, 5)
				.map((horizon, i) =>
					move(i % 2 ? clients.admin : clients.member, action, 'ecological', horizon, 0)
				)
		);
		const statuses = responses.map((r) => r.status());
		expect(statuses.filter((s) => s === 200)).toHaveLength(1);
		expect(statuses.filter((s) => s === 409)).toHaveLength(4);
		const winner = (await responses[statuses.indexOf(200)].json()) as Action;
		expect(winner.version).toBe(action.version + 1);
		for (const response of responses.filter((r) => r.status() === 409)) {
			const body = await expectApiError(response, 409, 'conflict');
			expect(body.current?.id).toBe(action.id);
			expect(body.current?.version).toBe(winner.version);
		}
		expect(await getAction(clients.member, action.id)).toEqual(placeless(winner));
	});

	test('refuses a stale version with 409 and the current action; the action stays put', async ({
		clients
	}) => {
		const action = await createAction(clients.member);
		const edited = await expectOk<Action>(
			await clients.admin.patch(`/api/actions/${action.id}`, {
				data: { progress: 10, version: action.version }
			})
		);
		const body = await expectApiError(
			await move(clients.member, action, 'economic', 'medium', 0),
			409,
			'conflict'
		);
		expect(body.current).toEqual(placeless(edited));
		expect(await getAction(clients.member, action.id)).toMatchObject({
			dimension: action.dimension,
			horizon: action.horizon,
			version: edited.version
		});
	});

	test('refuses to move an archived action with 409', async ({ clients }) => {
		const action = await createAction(clients.member);
		const archived = await expectOk<Action>(
			await clients.member.post(`/api/actions/${action.id}/archive`, {
				data: { version: action.version }
			})
		);
		await expectApiError(
			await move(clients.member, archived, 'economic', 'long', 0),
			409,
			'conflict'
		);
		expect(await getAction(clients.member, action.id)).toEqual(placeless(archived));
	});

	fieldTests(route, [
		['an unknown dimension', { dimension: 'cultural' }, 'dimension'],
		['a missing dimension', { dimension: undefined }, 'dimension'],
		['an unknown horizon', { horizon: 'forever' }, 'horizon'],
		['a missing horizon', { horizon: undefined }, 'horizon'],
		['a missing index', { index: undefined }, 'index'],
		['index -1', { index: -1 }, 'index'],
		['index "abc"', { index: 'abc' }, 'index'],
		['index 1.5', { index: 1.5 }, 'index'],
		['a missing version', { version: undefined }, 'version'],
		['version "abc"', { version: 'abc' }, 'version']
	]);
	bodyTests(route);
	accessTests(route);
});

// ---------------------------------------------------------------------------------------------

test.describe('POST /api/actions/:id/progress', () => {
	const route: RouteSpec = {
		name: 'POST /api/actions/:id/progress',
		method: 'post',
		path: (id) => `/api/actions/${id}/progress`,
		body: () => ({ note: 'Zwischenstand', progress: 50 })
	};

	test('a progress entry answers 201 and updates progress and status', async ({ clients }) => {
		const action = await createAction(clients.member);
		const response = await clients.member.post(`/api/actions/${action.id}/progress`, {
			data: { note: 'Angebote eingeholt', progress: 35, status: 'in_progress' }
		});
		const { entry, action: after } = await expectOk<{
			entry: Record<string, unknown>;
			action: Action;
		}>(response, 201);
		expect(entry).toMatchObject({
			actionId: action.id,
			note: 'Angebote eingeholt',
			progress: 35,
			status: 'in_progress'
		});
		expect(typeof entry.id).toBe('number');
		expect(Number.isNaN(Date.parse(String(entry.createdAt)))).toBe(false);
		expect(after).toMatchObject({
			id: action.id,
			progress: 35,
			status: 'in_progress',
			version: action.version + 1
		});
		expect(await getAction(clients.member, action.id)).toEqual(placeless(after));
		const listed = (await getBoard(clients.staff)).actions.find((a) => a.id === action.id);
		expect(listed).toMatchObject({ progress: 35, status: 'in_progress', version: after.version });

		const done = await expectOk<{ action: Action }>(
			await clients.admin.post(`/api/actions/${action.id}/progress`, {
				data: { note: 'Fertig', progress: 100, status: 'done' }
			}),
			201
		);
		expect(done.action).toMatchObject({
			progress: 100,
			status: 'done',
			version: after.version + 1
		});
	});

	test('a progress entry without a status leaves the status alone', async ({ clients }) => {
		const action = await createAction(clients.member, { status: 'in_progress', progress: 10 });
		const { entry, action: after } = await expectOk<{
			entry: Record<string, unknown>;
			action: Action;
		}>(
			await clients.member.post(`/api/actions/${action.id}/progress`, {
				data: { note: 'Weiter geht’s', progress: 70 }
			}),
			201
		);
		expect(entry.status ?? null).toBeNull();
		expect(after).toMatchObject({ status: 'in_progress', progress: 70 });
	});

	test('accepts a note of exactly 2,000 characters', async ({ clients }) => {
		const action = await createAction(clients.member);
		const note = 'n'.repeat(2000);
		const { entry } = await expectOk<{ entry: { note: string } }>(
			await clients.member.post(`/api/actions/${action.id}/progress`, {
				data: { note, progress: 5 }
			}),
			201
		);
		expect(entry.note).toBe(note);
	});

	test('refuses progress on an archived action with 409', async ({ clients }) => {
		const action = await createAction(clients.member);
		const archived = await expectOk<Action>(
			await clients.member.post(`/api/actions/${action.id}/archive`, { data: {} })
		);
		await expectApiError(
			await clients.member.post(`/api/actions/${action.id}/progress`, {
				data: { note: 'zu spät', progress: 80 }
			}),
			409,
			'conflict'
		);
		expect(await getAction(clients.member, action.id)).toEqual(placeless(archived));
	});

	fieldTests(route, [
		['a missing progress', { progress: undefined }, 'progress'],
		['progress "abc"', { progress: 'abc' }, 'progress'],
		['progress 150', { progress: 150 }, 'progress'],
		['progress -5', { progress: -5 }, 'progress'],
		['a note of 2,001 characters', { note: 'n'.repeat(2001) }, 'note'],
		['a note that is not text', { note: 17 }, 'note'],
		['an unknown status', { status: 'finished' }, 'status']
	]);
	bodyTests(route);
	accessTests(route);
});

// ---------------------------------------------------------------------------------------------

test.describe('POST /api/actions/:id/archive and /restore', () => {
	const archiveRoute: RouteSpec = {
		name: 'POST /api/actions/:id/archive',
		method: 'post',
		path: (id) => `/api/actions/${id}/archive`,
		body: (a) => ({ version: a.version })
	};
	const restoreRoute: RouteSpec = {
		name: 'POST /api/actions/:id/restore',
		method: 'post',
		path: (id) => `/api/actions/${id}/restore`,
		body: (a) => ({ version: a.version })
	};

	test('archiving takes the action off the board; restoring brings it back at the end of its cell', async ({
		clients
	}) => {
		const cell = { dimension: 'ecological', horizon: 'short' } as const;
		const x = await createAction(clients.member, { ...cell, title: uniqueTitle('X') });
		const y = await createAction(clients.member, { ...cell, title: uniqueTitle('Y') });

		const archived = await expectOk<Action>(
			await clients.member.post(`/api/actions/${x.id}/archive`, { data: { version: x.version } })
		);
		expect(archived).toMatchObject({ id: x.id, archived: true, version: x.version + 1 });
		expect((await getBoard(clients.member)).actions.map((a) => a.id)).not.toContain(x.id);
		expect(await getAction(clients.staff, x.id)).toEqual(placeless(archived));

		const restored = await expectOk<Action>(
			await clients.member.post(`/api/actions/${x.id}/restore`, {
				data: { version: archived.version }
			})
		);
		expect(restored).toMatchObject({
			id: x.id,
			archived: false,
			version: archived.version + 1,
			...cell
		});
		const ids = cellIds(await getBoard(clients.member), cell.dimension, cell.horizon);
		expect(ids).toContain(x.id);
		expect(ids.indexOf(x.id)).toBeGreaterThan(ids.indexOf(y.id));
	});

	test('archive and restore work without a version', async ({ clients }) => {
		const action = await createAction(clients.member);
		const archived = await expectOk<Action>(
			await clients.admin.post(`/api/actions/${action.id}/archive`)
		);
		expect(archived.archived).toBe(true);
		const restored = await expectOk<Action>(
			await clients.admin.post(`/api/actions/${action.id}/restore`, { data: {} })
		);
		expect(restored.archived).toBe(false);
		expect((await getBoard(clients.member)).actions.map((a) => a.id)).toContain(action.id);
	});

	test('archiving with a stale version answers 409 with the current action and archives nothing', async ({
		clients
	}) => {
		const action = await createAction(clients.member);
		const edited = await expectOk<Action>(
			await clients.admin.patch(`/api/actions/${action.id}`, {
				data: { title: uniqueTitle('Neuer'), version: action.version }
			})
		);
		const body = await expectApiError(
			await clients.member.post(`/api/actions/${action.id}/archive`, {
				data: { version: action.version }
			}),
			409,
			'conflict'
		);
		expect(body.current).toEqual(placeless(edited));
		expect((await getBoard(clients.member)).actions.map((a) => a.id)).toContain(action.id);
	});

	test('restoring with a stale version answers 409 and the action stays archived', async ({
		clients
	}) => {
		const action = await createAction(clients.member);
		const archived = await expectOk<Action>(
			await clients.member.post(`/api/actions/${action.id}/archive`, {
				data: { version: action.version }
			})
		);
		const body = await expectApiError(
			await clients.member.post(`/api/actions/${action.id}/restore`, {
				data: { version: action.version }
			}),
			409,
			'conflict'
		);
		expect(body.current).toEqual(placeless(archived));
		expect((await getBoard(clients.member)).actions.map((a) => a.id)).not.toContain(action.id);
	});

	for (const route of [archiveRoute, restoreRoute]) {
		fieldTests(route, [
			['version "abc"', { version: 'abc' }, 'version'],
			['version 0', { version: 0 }, 'version'],
			['version -3', { version: -3 }, 'version']
		]);
		bodyTests(route);
		accessTests(route);
	}
});

test.describe('goals: GET and POST /api/boards/:id/goals, POST /api/goals/:id/values', () => {
	interface Goal {
		id: number;
		name: string;
		values: { value: number; date: string; source: string | null }[];
	}

	test('leadership defines a goal, the working group records values, everyone reads them in order', async ({
		clients
	}) => {
		const name = uniqueTitle('Weniger Heizöl');
		const created = await expectOk<Goal>(
			await clients.leader.post(`/api/boards/${BOARD_ID}/goals`, {
				data: {
					dimension: 'ecological',
					name,
					unit: 'Liter pro Jahr',
					baseline: { value: 18000, year: 2023 },
					target: { value: 4000, year: 2030 },
					direction: 'down'
				}
			}),
			201
		);
		const goal = {
			id: created.id,
			dimension: 'ecological',
			name,
			unit: 'Liter pro Jahr',
			baseline: { value: 18000, year: 2023 },
			target: { value: 4000, year: 2030 },
			direction: 'down',
			version: 1,
			values: []
		};
		expect(created).toEqual(goal);

		const later = await clients.member.post(`/api/goals/${created.id}/values`, {
			data: { value: 15250.5, date: '2025-12-31', source: 'Heizölrechnungen 2025' }
		});
		const { entry } = await expectOk<{ entry: Record<string, unknown> }>(later, 201);
		expect(entry).toMatchObject({ value: 15250.5, date: '2025-12-31' });
		await expectOk(
			await clients.member.post(`/api/goals/${created.id}/values`, {
				data: { value: 17100, date: '2024-12-31' }
			}),
			201
		);

		const listed = await expectOk<Goal[]>(await clients.staff.get(`/api/boards/${BOARD_ID}/goals`));
		expect(listed.find((g) => g.id === created.id)).toEqual({
			...goal,
			values: [
				{ value: 17100, date: '2024-12-31', source: null },
				{ value: 15250.5, date: '2025-12-31', source: 'Heizölrechnungen 2025' }
			]
		});
	});

	test('only leadership and admins define goals; staff record no values', async ({ clients }) => {
		const fields = {
			dimension: 'social',
			name: uniqueTitle('Mentoring'),
			unit: '%',
			baselineValue: 10,
			baselineYear: 2024,
			targetValue: 60,
			targetYear: 2029,
			direction: 'up'
		};
		for (const who of ['member', 'staff'] as const) {
			await expectApiError(
				await clients[who].post(`/api/boards/${BOARD_ID}/goals`, { data: fields }),
				403,
				'forbidden'
			);
		}
		const goal = await expectOk<Goal>(
			await clients.admin.post(`/api/boards/${BOARD_ID}/goals`, { data: fields }),
			201
		);
		await expectApiError(
			await clients.staff.post(`/api/goals/${goal.id}/values`, {
				data: { value: 20, date: '2025-06-30' }
			}),
			403,
			'forbidden'
		);
		await expectApiError(
			await clients.anonymous.get(`/api/boards/${BOARD_ID}/goals`),
			401,
			'unauthorized'
		);
		await expectOk(
			await clients.leader.post(`/api/goals/${goal.id}/values`, {
				data: { value: 20, date: '2025-06-30' }
			}),
			201
		);
	});

	test('a target before its baseline, an unknown goal and a bad value are refused', async ({
		clients
	}) => {
		await expectFieldError(
			await clients.leader.post(`/api/boards/${BOARD_ID}/goals`, {
				data: {
					dimension: 'economic',
					name: uniqueTitle('Rückwärts'),
					baselineValue: 1,
					baselineYear: 2030,
					targetValue: 2,
					targetYear: 2025,
					direction: 'up'
				}
			}),
			'targetYear'
		);
		await expectApiError(
			await clients.member.post(`/api/goals/${UNKNOWN_ID}/values`, {
				data: { value: 1, date: '2025-06-30' }
			}),
			404,
			'not_found'
		);
		await expectApiError(
			await clients.leader.get(`/api/boards/${UNKNOWN_ID}/goals`),
			404,
			'not_found'
		);
		const goal = await expectOk<Goal>(
			await clients.admin.post(`/api/boards/${BOARD_ID}/goals`, {
				data: {
					dimension: 'economic',
					name: uniqueTitle('Regionale Lieferanten'),
					unit: '%',
					baselineValue: 20,
					baselineYear: 2024,
					targetValue: 50,
					targetYear: 2028,
					direction: 'up'
				}
			}),
			201
		);
		for (const [field, data] of [
			['value', { value: 'viel', date: '2025-06-30' }],
			['date', { value: 30, date: '2025-02-30' }],
			['source', { value: 30, date: '2025-06-30', source: 'x'.repeat(301) }]
		] as const) {
			await expectFieldError(
				await clients.member.post(`/api/goals/${goal.id}/values`, { data }),
				field
			);
		}
	});
});
