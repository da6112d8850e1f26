// Who may open what: the authorisation matrix (tests/authorization-matrix.ts) held against the
// route tree and against the running app. The route tree is read from src/routes, so a new page,
// form action or endpoint fails here until somebody has written down who may use it.
import type { APIRequestContext, APIResponse } from '@playwright/test';
import {
	MATRIX,
	WHO,
	goalFields,
	type Context,
	type MatrixRow,
	type Need,
	type Outcome,
	type Subject,
	type Who
} from './authorization-matrix';
import { demoAccount, expect, signInByRequest, test, uniqueEmail, type Role } from './fixtures';
import { entryName, readRouteTree, type Entry } from './route-tree';
import { unsubscribeToken } from './unsubscribe-links';

const BOARD_ID = 1;
/** An id that no board, action or person of the demo data has. */
const UNKNOWN_ID = 987_654_321;
/** Every action this test makes has a title that starts so; the end of the test archives them. */
const TITLE_PREFIX = 'Rechte-Matrix';

// ---------------------------------------------------------------------------------------------
// What the app answered, in the terms of an Outcome.

interface Answer {
	status: number;
	location?: string;
	type: string;
	error?: string;
	/** The start of the body of a 5xx, or what went wrong with the request itself. */
	detail?: string;
}

/** `{error: {code, message}}` → its code; a body without a message does not count as one. */
function errorCodeOf(type: string, body: string): string | undefined {
	if (!type.includes('application/json')) return undefined;
	try {
		const error = JSON.parse(body)?.error;
		if (typeof error?.code !== 'string') return undefined;
		return typeof error.message === 'string' && error.message ? error.code : `${error.code}?`;
	} catch {
		return undefined;
	}
}

/** A redirect target as a path with its query when it stays on this site. */
function targetOf(location: string | undefined | null, baseURL: string): string | undefined {
	if (!location) return undefined;
	const url = new URL(location, baseURL);
	return url.origin === new URL(baseURL).origin ? url.pathname + url.search : url.href;
}

async function answerOf(response: APIResponse, baseURL: string): Promise<Answer> {
	const headers = response.headers();
	const type = headers['content-type'] ?? '';
	const body = await response.text();
	return {
		status: response.status(),
		location: targetOf(headers.location, baseURL),
		type,
		error: errorCodeOf(type, body),
		...(response.status() >= 500 && { detail: body.slice(0, 200) })
	};
}

/**
 * An event stream never ends, and Playwright's request API waits for the whole body: Node's
 * fetch, with the context's cookies, hands over the status and headers and lets the body go.
 */
async function streamAnswerOf(
	ctx: APIRequestContext,
	url: string,
	baseURL: string
): Promise<Answer> {
	const { cookies } = await ctx.storageState();
	const response = await fetch(new URL(url, baseURL), {
		headers: {
			accept: 'text/event-stream',
			cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ')
		},
		redirect: 'manual',
		signal: AbortSignal.timeout(10_000)
	});
	const type = response.headers.get('content-type') ?? '';
	if (response.ok) {
		await response.body?.cancel();
		return { status: response.status, type };
	}
	const body = await response.text();
	return {
		status: response.status,
		location: targetOf(response.headers.get('location'), baseURL),
		type,
		error: errorCodeOf(type, body)
	};
}

function describeOutcome(outcome: Outcome | Answer, withType: boolean): string {
	return [
		String(outcome.status),
		outcome.location && `→ ${outcome.location}`,
		outcome.error && `JSON ${outcome.error}`,
		withType && outcome.type && `(${outcome.type})`,
		'detail' in outcome && outcome.detail
	]
		.filter(Boolean)
		.join(' ');
}

/** The expected outcome with `{here}` filled in: the requested path, encoded for `redirectTo`. */
function resolved(expected: Outcome, requested: string): Outcome {
	if (!expected.location) return expected;
	return {
		...expected,
		location: expected.location.replace('{here}', encodeURIComponent(requested))
	};
}

function matches(expected: Outcome, actual: Answer): boolean {
	return (
		actual.status === expected.status &&
		(expected.location === undefined || actual.location === expected.location) &&
		(expected.error === undefined || actual.error === expected.error) &&
		(expected.type === undefined || actual.type.includes(expected.type))
	);
}

// ---------------------------------------------------------------------------------------------
// What the rows need: throwaway actions, people, links, the board's frame — made by an admin of
// its own, never through the contexts whose answers are checked.

interface Account {
	email: string;
	password: string;
}

/** The world a run works in: fixed ids, and a person of each role made for this run. */
interface World {
	baseURL: string;
	/** The admin that prepares what rows need; its own answers are never checked. */
	admin: APIRequestContext;
	/** A staff member made for this run who proposes the ideas rows need (no row's account). */
	proposer: APIRequestContext;
	newContext: () => Promise<APIRequestContext>;
	/** Part of every title and text this run makes. */
	run: string;
	/** Whether a route method is a page's (HTML) or an endpoint's. */
	kinds: Map<string, Entry['kind']>;
	fixed: Pick<
		Context,
		| 'board'
		| 'action'
		| 'goal'
		| 'report'
		| 'unknown'
		| 'person'
		| 'calendar'
		| 'token'
		| 'retired'
		| 'unsubscribe'
	>;
	accounts: Record<Who, Account>;
	unique: (label: string) => string;
}

async function expectStatus(response: APIResponse, status: number, what: string) {
	expect(response.status(), `${what}: ${(await response.text()).slice(0, 300)}`).toBe(status);
}

/** Adds a person as an admin does on /admin/users; a `link` person comes with a sign-in token. */
async function addPerson(
	world: Pick<World, 'admin' | 'baseURL'>,
	role: Role,
	access: 'password' | 'link'
) {
	const account = {
		email: uniqueEmail(`matrix-${role}`),
		password: `kiwi-${Math.random().toString(36).slice(2, 12)}-wolke`
	};
	const response = await world.admin.post('/admin/users?/create', {
		form: {
			name: `Matrix ${role}`,
			email: account.email,
			role,
			access,
			...(access === 'password' && { password: account.password })
		},
		headers: { origin: world.baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	await expectStatus(response, 200, `adding ${account.email}`);
	const token = /\/signin\/([a-z0-9]+\.[a-z0-9]+)/.exec(await response.text())?.[1];
	if (access === 'link') expect(token, `the sign-in link of ${account.email}`).toBeTruthy();
	return { account, token: token ?? '' };
}

/** A person's id, read from the user list (each row is labelled by `user-<id>-name`). */
async function personIdOf(admin: APIRequestContext, email: string): Promise<number> {
	const html = await (await admin.get('/admin/users')).text();
	const at = html.indexOf(`>${email}<`);
	expect(at, `${email} on /admin/users`).toBeGreaterThan(0);
	const ids = [...html.slice(0, at).matchAll(/id="user-(\d+)-name"/g)];
	expect(ids.length, `the row of ${email}`).toBeGreaterThan(0);
	return Number(ids.at(-1)![1]);
}

/** A calendar secret, from the subscription link on /upcoming. */
async function calendarSecretOf(ctx: APIRequestContext): Promise<string> {
	const html = await (await ctx.get('/upcoming')).text();
	const secret = /\/calendar\/([a-z2-7]+)\.ics/.exec(html)?.[1];
	expect(secret, 'the calendar link on /upcoming').toBeTruthy();
	return secret!;
}

/**
 * A person who signed in, was given a calendar secret and a fresh sign-in link, and was then
 * deactivated: both keys should be dead.
 */
async function retiredPerson(world: Pick<World, 'admin' | 'baseURL'>, signedIn: APIRequestContext) {
	const { account } = await addPerson(world, 'staff', 'password');
	await signInByRequest(signedIn, account);
	const calendar = await calendarSecretOf(signedIn);
	const userId = await personIdOf(world.admin, account.email);
	const headers = { origin: world.baseURL, accept: 'text/html' };
	const link = await world.admin.post('/admin/users?/link', { form: { userId }, headers });
	await expectStatus(link, 200, `a sign-in link for ${account.email}`);
	const token = /\/signin\/([a-z0-9]+\.[a-z0-9]+)/.exec(await link.text())?.[1];
	expect(token, `the sign-in link of ${account.email}`).toBeTruthy();
	const deactivate = await world.admin.post('/admin/users?/deactivate', {
		form: { userId },
		headers
	});
	await expectStatus(deactivate, 200, `deactivating ${account.email}`);
	return { calendar, token: token! };
}

async function newAction(world: World, archived: boolean): Promise<Subject> {
	const created = await world.admin.post(`/api/boards/${BOARD_ID}/actions`, {
		data: { title: world.unique(TITLE_PREFIX), dimension: 'social', horizon: 'long' }
	});
	await expectStatus(created, 201, 'a throwaway action');
	const action = (await created.json()) as Subject;
	if (!archived) return { id: action.id, version: action.version };
	const archive = await world.admin.post(`/api/actions/${action.id}/archive`, {
		data: { version: action.version }
	});
	await expectStatus(archive, 200, 'archiving a throwaway action');
	const done = (await archive.json()) as Subject;
	return { id: done.id, version: done.version };
}

/** An idea that no account of the rows proposed. */
async function newIdea(world: World): Promise<Subject> {
	const created = await world.proposer.post('/api/ideas', {
		data: { title: world.unique('Idee zum Prüfen') }
	});
	await expectStatus(created, 201, 'a throwaway idea');
	const idea = (await created.json()) as Subject;
	return { id: idea.id, version: idea.version };
}

/** A goal of board 1 that the rows record values of (made once, by the admin). */
async function newGoal(admin: APIRequestContext, unique: World['unique']): Promise<number> {
	const created = await admin.post(`/api/boards/${BOARD_ID}/goals`, {
		data: goalFields({ unique })
	});
	await expectStatus(created, 201, 'a goal to record values of');
	return ((await created.json()) as { id: number }).id;
}

/** A goal of board 1 that exists for one request only (one role's change never spoils the next). */
async function newGoalSubject(world: World): Promise<Subject> {
	const created = await world.admin.post(`/api/boards/${BOARD_ID}/goals`, {
		data: goalFields({ unique: world.unique })
	});
	await expectStatus(created, 201, 'a throwaway goal');
	const goal = (await created.json()) as Subject;
	return { id: goal.id, version: goal.version };
}

/** A frozen report of board 1 that the rows read (frozen once, by the admin). */
async function newReport(
	admin: APIRequestContext,
	baseURL: string,
	unique: World['unique']
): Promise<number> {
	const frozen = await admin.post('/reports?/freeze', {
		form: { title: unique('Bericht der Rechte-Matrix'), from: '2026-01-01', to: '2026-06-30' },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	await expectStatus(frozen, 303, 'a frozen report to read');
	return Number(/\/reports\/(\d+)$/.exec(frozen.headers().location ?? '')?.[1]);
}

/** Board 1's frame as its form sends it, at its current version. */
async function frameOf(world: World): Promise<Record<string, string | number>> {
	const { board } = await (await world.admin.get(`/api/boards/${BOARD_ID}`)).json();
	return {
		name: board.name,
		description: board.description,
		horizonShort: board.horizons.short,
		horizonMedium: board.horizons.medium,
		horizonLong: board.horizons.long,
		goalEcological: board.goals.ecological,
		goalEconomic: board.goals.economic,
		goalSocial: board.goals.social,
		quietDaysShort: board.quietDays.short,
		quietDaysMedium: board.quietDays.medium,
		quietDaysLong: board.quietDays.long,
		version: board.version
	};
}

async function prepare(world: World, need: Need | undefined): Promise<Partial<Context>> {
	switch (need) {
		case 'action':
			return { subject: await newAction(world, false) };
		case 'archived action':
			return { subject: await newAction(world, true) };
		case 'sign-in link':
			return { token: (await addPerson(world, 'staff', 'link')).token };
		case 'frame':
			return { frame: await frameOf(world) };
		case 'idea':
			return { idea: await newIdea(world) };
		case 'goal':
			return { subject: await newGoalSubject(world) };
		default:
			return {};
	}
}

/** The row's context; reading a prepared value the row did not ask for is a mistake in the matrix. */
function contextFor(world: World, who: Who, row: MatrixRow, prepared: Partial<Context>): Context {
	const prepare = <K extends 'subject' | 'frame' | 'idea'>(key: K): Context[K] => {
		const value = prepared[key];
		if (value === undefined) throw new Error(`${entryName(row)} reads "${key}" without needing it`);
		return value as Context[K];
	};
	return {
		...world.fixed,
		token: prepared.token ?? world.fixed.token,
		get subject() {
			return prepare('subject');
		},
		get frame() {
			return prepare('frame');
		},
		get idea() {
			return prepare('idea');
		},
		account: world.accounts[who],
		unique: world.unique
	};
}

/** Everything the rows need that exists only in this run's database, made by an admin of its own. */
async function buildWorld(
	newContext: () => Promise<APIRequestContext>,
	baseURL: string,
	databasePath: string
): Promise<World> {
	const admin = await newContext();
	await signInByRequest(admin, demoAccount('admin'));
	const setup = { admin, baseURL };
	const accounts = {} as Record<Who, Account>;
	for (const who of WHO) {
		// A signed-out visitor signs in (the `/login` row) as a person of their own.
		const role = who === 'signedOut' ? 'staff' : who;
		accounts[who] = (await addPerson(setup, role, 'password')).account;
	}
	const person = (await addPerson(setup, 'staff', 'password')).account;
	const calendarUser = (await addPerson(setup, 'staff', 'password')).account;
	const calendarContext = await newContext();
	const retiredContext = await newContext();
	const proposer = await newContext();
	await signInByRequest(calendarContext, calendarUser);
	await signInByRequest(proposer, (await addPerson(setup, 'staff', 'password')).account);
	const { actions } = await (await admin.get(`/api/boards/${BOARD_ID}`)).json();
	const personId = await personIdOf(admin, person.email);
	const run = Date.now().toString(36);
	let counter = 0;
	const unique = (label: string) => `${label} ${run}-${++counter}`;
	const world: World = {
		baseURL,
		admin,
		proposer,
		newContext,
		run,
		kinds: new Map(readRouteTree().map((e) => [entryName(e), e.kind])),
		accounts,
		unique,
		fixed: {
			board: BOARD_ID,
			action: actions[0].id,
			goal: await newGoal(admin, unique),
			report: await newReport(admin, baseURL, unique),
			unknown: UNKNOWN_ID,
			person: personId,
			unsubscribe: unsubscribeToken(databasePath, personId, 'owner_added'),
			calendar: await calendarSecretOf(calendarContext),
			token: (await addPerson(setup, 'staff', 'link')).token,
			retired: await retiredPerson(setup, retiredContext)
		}
	};
	await calendarContext.dispose();
	await retiredContext.dispose();
	return world;
}

/** A context signed in as `account` (nobody for a signed-out visitor). */
async function contextOf(world: World, who: Who, account: Account) {
	const ctx = await world.newContext();
	if (who !== 'signedOut') await signInByRequest(ctx, account);
	return ctx;
}

async function send(
	world: World,
	ctx: APIRequestContext,
	row: MatrixRow,
	c: Context,
	url: string
): Promise<Answer> {
	if (row.stream) return streamAnswerOf(ctx, url, world.baseURL);
	const accept = url.startsWith('/api/')
		? 'application/json'
		: world.kinds.get(entryName(row)) === 'endpoint'
			? '*/*'
			: 'text/html';
	// Writes go as a browser sends them: with the site's own Origin.
	const headers = { accept, ...(row.method !== 'GET' && { origin: world.baseURL }) };
	const response = await ctx.fetch(url, {
		method: row.method,
		headers,
		maxRedirects: 0,
		...(row.form && { form: row.form(c) }),
		...(row.json && { data: row.json(c) })
	});
	return answerOf(response, world.baseURL);
}

/**
 * One role's requests, every row one after another in the role's own context (a signed-in demo
 * account, or nobody); each mismatch becomes one line.
 */
async function mismatchesOf(world: World, who: Who): Promise<string[]> {
	const mismatches: string[] = [];
	const ctx =
		who === 'signedOut' ? await world.newContext() : await contextOf(world, who, demoAccount(who));
	for (const row of MATRIX) {
		const c = contextFor(world, who, row, await prepare(world, row.needs));
		const url = row.path(c);
		const expected = resolved(row.expect[who], url);
		const sender = row.ownSession ? await contextOf(world, who, world.accounts[who]) : ctx;
		let actual: Answer;
		try {
			actual = await send(world, sender, row, c, url);
		} catch (error) {
			actual = { status: 0, type: '', detail: String(error).split('\n')[0] };
		} finally {
			if (row.ownSession) await sender.dispose();
		}
		if (!matches(expected, actual)) {
			const withType = expected.type !== undefined;
			const variant = row.variant ? ` (${row.variant})` : '';
			mismatches.push(
				`${who} ${row.method} ${url}${variant}: expected ${describeOutcome(expected, withType)}, got ${describeOutcome(actual, withType)}`
			);
		}
	}
	await ctx.dispose();
	return mismatches;
}

/** Leaves board 1 as it was: every action this run added goes to the archive. */
async function archiveWhatThisRunAdded(world: World) {
	const board = await (await world.admin.get(`/api/boards/${BOARD_ID}`)).json();
	for (const action of board.actions as { id: number; title: string; version: number }[]) {
		const ours =
			action.title.startsWith(`${TITLE_PREFIX} `) && action.title.includes(` ${world.run}-`);
		if (!ours) continue;
		await world.admin.post(`/api/actions/${action.id}/archive`, {
			data: { version: action.version }
		});
	}
}

// ---------------------------------------------------------------------------------------------

test('the matrix has a row for every page, form action and endpoint, and none for what is gone', () => {
	const tree = new Set(readRouteTree().map(entryName));
	const matrix = new Set(MATRIX.map(entryName));
	const problems = [
		...[...tree]
			.filter((name) => !matrix.has(name))
			.map((name) => `missing in the matrix: ${name}`),
		...[...matrix]
			.filter((name) => !tree.has(name))
			.map((name) => `in the matrix but not in src/routes: ${name}`)
	];
	expect(problems).toEqual([]);
});

test('every route answers a signed-out visitor and each role as the matrix says', async ({
	playwright,
	baseURL,
	workerServer
}) => {
	test.setTimeout(120_000);
	const world = await buildWorld(
		() => playwright.request.newContext({ baseURL }),
		baseURL!,
		workerServer.databasePath
	);
	// One role after another: the rows' writes (the frame above all) never race each other.
	const mismatches: string[] = [];
	for (const who of WHO) mismatches.push(...(await mismatchesOf(world, who)));
	await archiveWhatThisRunAdded(world);
	await world.admin.dispose();
	await world.proposer.dispose();
	expect(mismatches).toEqual([]);
});
