// Hundreds of generated bad requests against every write endpoint and form action (the cases are
// built in tests/bad-input-cases.ts). Each must be refused the way DESIGN.md promises — never a
// 5xx, never a stack trace, API errors as `{error: {code, message}}` — and none may change the
// database. All of it runs as the admin, so that every refusal is about the input, not the role.
import { createHash } from 'node:crypto';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import Database from 'better-sqlite3';
import {
	ACTION_SUBJECTS,
	ARCHIVED_SUBJECTS,
	GOAL_SUBJECTS,
	IDEA_SUBJECTS,
	ROW_ACTIONS,
	listWriteRoutes,
	writeTargets,
	type ActionSubjectName,
	type GoalSubjectName,
	type IdeaSubjectName,
	type RowAction,
	type BadCase,
	type Subject,
	type Wire,
	type Subjects,
	type Target
} from './bad-input-cases';
import { DEMO_USERS, demoAccount, expect, signInByRequest, test, uniqueEmail } from './fixtures';
import { unsubscribeToken } from './unsubscribe-links';

const BOARD_ID = 1;
/** Requests in flight at once: enough to keep both cores busy, few enough to stay polite. */
const CONCURRENCY = 4;
/** Tables left out of the digest: a sign-in writes a session, which no input check is about. */
const TECHNICAL_TABLES = new Set(['sessions']);

/** Ids and versions for building the targets without a server (to list them and their cases). */
const PLACEHOLDER_SUBJECTS: Subjects = {
	boardId: BOARD_ID,
	goalId: 1,
	board: {
		version: 1,
		name: 'Board',
		description: '',
		horizons: { short: '', medium: '', long: '' },
		goals: { ecological: '', economic: '', social: '' },
		quietDays: { short: 30, medium: 60, long: 180 }
	},
	actions: Object.fromEntries(
		ACTION_SUBJECTS.map((name) => [name, { of: 'action', id: 1, version: 1 }])
	) as Record<ActionSubjectName, Subject>,
	ideas: Object.fromEntries(
		IDEA_SUBJECTS.map((name) => [name, { of: 'idea', id: 1, version: 1 }])
	) as Record<IdeaSubjectName, Subject>,
	goals: Object.fromEntries(
		GOAL_SUBJECTS.map((name) => [name, { of: 'goal', id: 1, version: 1 }])
	) as Record<GoalSubjectName, Subject>,
	rowUsers: { role: 1, deactivate: 1, reactivate: 1, link: 1 },
	signInToken: 'token',
	adminName: DEMO_USERS.admin.name,
	unsubscribeToken: 'payload.signature'
};

test('every write endpoint and form action has bad-input cases', () => {
	const routes = listWriteRoutes();
	const targets = writeTargets(PLACEHOLDER_SUBJECTS);
	const covered = new Set(targets.filter((t) => t.cases.length > 0).map((t) => t.key));
	expect(
		{
			withoutCases: routes.filter((key) => !covered.has(key)),
			noLongerInTheApp: targets.map((t) => t.key).filter((key) => !routes.includes(key))
		},
		'tests/bad-input-cases.ts → writeTargets() must list every write route of src/routes'
	).toEqual({ withoutCases: [], noLongerInTheApp: [] });
});

// ---------------------------------------------------------------------------------------------
// The database's content, read beside the running server.

/** Each table's rows by primary key (JSON of the row), for a digest and for saying what changed. */
type Snapshot = Map<string, Map<string, string>>;

interface Column {
	name: string;
	pk: number;
}

function snapshot(databasePath: string): Snapshot {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const tables = db
			.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
			.pluck()
			.all() as string[];
		const result: Snapshot = new Map();
		for (const table of tables.filter((t) => !TECHNICAL_TABLES.has(t))) {
			const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as Column[];
			const key = columns
				.filter((c) => c.pk > 0)
				.sort((a, b) => a.pk - b.pk)
				.map((c) => `"${c.name}"`);
			// sqlite_sequence has no primary key: its rowid orders it, its first column names a row.
			const rows = db
				.prepare(
					key.length
						? `SELECT * FROM "${table}" ORDER BY ${key.join(', ')}`
						: `SELECT rowid AS "rowid*", * FROM "${table}" ORDER BY rowid`
				)
				.all() as Record<string, unknown>[];
			result.set(
				table,
				new Map(
					rows.map(({ 'rowid*': rowid, ...row }) => [
						key.length
							? key.map((k) => String(row[k.slice(1, -1)])).join('/')
							: `${String(row[columns[0].name])} (row ${String(rowid)})`,
						JSON.stringify(row)
					])
				)
			);
		}
		return result;
	} finally {
		db.close();
	}
}

function digest(snap: Snapshot): string {
	const hash = createHash('sha256');
	for (const [table, rows] of snap) {
		hash.update(`\n#${table}\n`);
		for (const [key, row] of rows) hash.update(`${key}\t${row}\n`);
	}
	return hash.digest('hex');
}

const clip = (text: string, length = 80) =>
	text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text;

/** How many examples of each kind of change a table lists before it only counts them. */
const EXAMPLES = 3;

/** What differs between two snapshots: per table the rows added, removed and changed. */
function changesBetween(before: Snapshot, after: Snapshot): string[] {
	const changes: string[] = [];
	for (const table of new Set([...before.keys(), ...after.keys()])) {
		const old = before.get(table) ?? new Map<string, string>();
		const now = after.get(table) ?? new Map<string, string>();
		const added = [...now].filter(([key]) => !old.has(key));
		const removed = [...old.keys()].filter((key) => !now.has(key));
		const changed = [...now].filter(([key, row]) => old.has(key) && old.get(key) !== row);
		const more = (n: number) => (n > EXAMPLES ? ` and ${n - EXAMPLES} more` : '');
		if (added.length) {
			changes.push(
				`${table}: ${added.length} rows added, e.g. ` +
					added
						.slice(0, EXAMPLES)
						.map(([, row]) => clip(row, 160))
						.join(' | ') +
					more(added.length)
			);
		}
		if (removed.length) {
			changes.push(
				`${table}: rows removed: ${removed.slice(0, EXAMPLES).join(', ')}${more(removed.length)}`
			);
		}
		for (const [key, row] of changed.slice(0, EXAMPLES)) {
			const a = JSON.parse(old.get(key)!) as Record<string, unknown>;
			const b = JSON.parse(row) as Record<string, unknown>;
			const columns = Object.keys(b).filter((c) => JSON.stringify(a[c]) !== JSON.stringify(b[c]));
			changes.push(
				`${table} ${key} changed: ` +
					columns
						.map((c) => `${c} ${clip(JSON.stringify(a[c]))} → ${clip(JSON.stringify(b[c]))}`)
						.join(', ')
			);
		}
		if (changed.length > EXAMPLES)
			changes.push(`${table}: ${changed.length - EXAMPLES} more rows changed`);
	}
	return changes;
}

// ---------------------------------------------------------------------------------------------
// What the run needs on the server: fresh actions, two people, the board's frame.

/** The JSON of an answer that must have `status` (the set-up requests of the run). */
async function answerOf<T>(response: Promise<APIResponse>, status = 200) {
	const answer = await response;
	const text = await answer.text();
	expect(answer.status(), `${answer.url()} answered ${text.slice(0, 300)}`).toBe(status);
	return JSON.parse(text) as T;
}

interface BoardAnswer {
	board: Subjects['board'];
}

interface ActionAnswer {
	id: number;
	version: number;
}

/** A fresh action for one target (archived for the restore targets). */
async function freshAction(admin: APIRequestContext, name: ActionSubjectName): Promise<Subject> {
	const created = await answerOf<ActionAnswer>(
		admin.post(`/api/boards/${BOARD_ID}/actions`, {
			data: { title: `Prüfstück ${name}`, dimension: 'ecological', horizon: 'medium' }
		}),
		201
	);
	if (!ARCHIVED_SUBJECTS.includes(name)) {
		return { of: 'action', id: created.id, version: created.version };
	}
	const archived = await answerOf<ActionAnswer>(
		admin.post(`/api/actions/${created.id}/archive`, { data: { version: created.version } })
	);
	return { of: 'action', id: archived.id, version: archived.version };
}

/** A fresh idea of the admin's for one target. */
async function freshIdea(admin: APIRequestContext, name: IdeaSubjectName): Promise<Subject> {
	const created = await answerOf<ActionAnswer>(
		admin.post('/api/ideas', { data: { title: `Prüfidee ${name}` } }),
		201
	);
	return { of: 'idea', id: created.id, version: created.version };
}

/** A fresh goal of the board for one target (2024 → 2028, so a year's change can break the order). */
async function freshGoal(admin: APIRequestContext, name: GoalSubjectName): Promise<Subject> {
	const created = await answerOf<ActionAnswer>(
		admin.post(`/api/boards/${BOARD_ID}/goals`, {
			data: {
				dimension: 'social',
				name: `Prüfziel ${name}`,
				unit: '%',
				baselineValue: 5,
				baselineYear: 2024,
				targetValue: 20,
				targetYear: 2028,
				direction: 'up'
			}
		}),
		201
	);
	return { of: 'goal', id: created.id, version: created.version };
}

/** The version an action, board, idea or goal has now. */
async function currentVersion(admin: APIRequestContext, subject: Subject): Promise<number> {
	if (subject.of === 'goal') {
		const goals = await answerOf<ActionAnswer[]>(admin.get(`/api/boards/${BOARD_ID}/goals`));
		return goals.find((goal) => goal.id === subject.id)!.version;
	}
	if (subject.of === 'idea') {
		const ideas = await answerOf<ActionAnswer[]>(admin.get('/api/ideas'));
		return ideas.find((idea) => idea.id === subject.id)!.version;
	}
	if (subject.of === 'action') {
		return (await answerOf<ActionAnswer>(admin.get(`/api/actions/${subject.id}`))).version;
	}
	const { board } = await answerOf<{ board: { version: number } }>(
		admin.get(`/api/boards/${subject.id}`)
	);
	return board.version;
}

/** A new staff member with a one-time sign-in link: their id and the link's token. */
async function newPersonWithLink(admin: APIRequestContext, databasePath: string, origin: string) {
	const email = uniqueEmail('bad-input');
	const response = await admin.post('/admin/users?/create', {
		form: { name: 'Prüfperson', email, role: 'staff', access: 'link' },
		// The action's JSON answer carries the link; the page would have to be read for it.
		headers: { accept: 'application/json', origin }
	});
	const text = await response.text();
	const token = /\/signin\/([A-Za-z0-9._-]+)/.exec(text)?.[1];
	expect(token, `the sign-in link in ${text.slice(0, 300)}`).toBeTruthy();
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const row = db.prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: number };
		return { id: row.id, token: token! };
	} finally {
		db.close();
	}
}

async function prepareSubjects(
	admin: APIRequestContext,
	databasePath: string,
	origin: string
): Promise<Subjects> {
	const { board } = await answerOf<BoardAnswer>(admin.get(`/api/boards/${BOARD_ID}`));
	const actions = {} as Record<ActionSubjectName, Subject>;
	for (const name of ACTION_SUBJECTS) actions[name] = await freshAction(admin, name);
	const ideas = {} as Record<IdeaSubjectName, Subject>;
	for (const name of IDEA_SUBJECTS) ideas[name] = await freshIdea(admin, name);
	const goals = {} as Record<GoalSubjectName, Subject>;
	for (const name of GOAL_SUBJECTS) goals[name] = await freshGoal(admin, name);
	const rowUsers = {} as Record<RowAction, number>;
	for (const action of ROW_ACTIONS) {
		rowUsers[action] = (await newPersonWithLink(admin, databasePath, origin)).id;
	}
	// Reactivating someone active changes nothing visible; an accepted bad case should.
	const deactivated = await admin.post('/admin/users?/deactivate', {
		form: { userId: rowUsers.reactivate },
		headers: { accept: 'application/json', origin }
	});
	expect(await deactivated.text()).toContain('"type":"success"');
	const goal = await answerOf<{ id: number }>(
		admin.post(`/api/boards/${BOARD_ID}/goals`, {
			data: {
				dimension: 'economic',
				name: 'Prüfziel',
				unit: '%',
				baselineValue: 5,
				baselineYear: 2024,
				targetValue: 20,
				targetYear: 2028,
				direction: 'up'
			}
		}),
		201
	);
	const linkUser = await newPersonWithLink(admin, databasePath, origin);
	const unsubscribing = await newPersonWithLink(admin, databasePath, origin);
	return {
		boardId: BOARD_ID,
		goalId: goal.id,
		board,
		actions,
		ideas,
		goals,
		rowUsers,
		signInToken: linkUser.token,
		adminName: DEMO_USERS.admin.name,
		unsubscribeToken: unsubscribeToken(databasePath, unsubscribing.id, 'owner_added')
	};
}

// ---------------------------------------------------------------------------------------------
// Sending a case and judging its answer.

interface Answer {
	/** The HTTP status, or for an enhanced form the status of the action's outcome. */
	status: number;
	headers: Record<string, string>;
	text: string;
	/** Sent the way `use:enhance` sends a form: SvelteKit answers JSON and renders no page. */
	enhanced: boolean;
	/** Where a redirect leads (the header, or for an enhanced form its outcome). */
	location?: string;
}

/**
 * Bad field values go to form actions the way the app's enhanced forms send them, which runs the
 * same action without rendering the page (a board page costs far more than the check); the body,
 * size and path cases go as a browser without JavaScript sends them and get the page.
 */
const sentEnhanced = (target: Target, badCase: BadCase) =>
	target.formAction && (badCase.kind === 'field' || badCase.kind === 'huge');

async function send(
	ctx: APIRequestContext,
	target: Target,
	badCase: BadCase,
	wire: Wire,
	origin: string
): Promise<Answer> {
	const enhanced = sentEnhanced(target, badCase);
	const response = await ctx.fetch(badCase.path ?? target.path, {
		method: target.method,
		data: wire.data,
		headers: {
			// An empty header is how a request "without" a Content-Type goes out from Playwright.
			'content-type': wire.contentType ?? '',
			accept: target.api || enhanced ? 'application/json' : 'text/html',
			...(enhanced && { 'x-sveltekit-action': 'true' }),
			// What a browser sends with a form; the API is also used by scripts, which send none.
			...(!target.api && { origin })
		},
		maxRedirects: 0,
		failOnStatusCode: false
	});
	const answer: Answer = {
		status: response.status(),
		headers: response.headers(),
		text: await response.text(),
		enhanced,
		location: response.headers().location
	};
	return enhanced && answer.status < 500 ? withActionOutcome(answer) : answer;
}

/** Bodies above the JSON limit go on a connection of their own (see the run below). */
const OWN_CONNECTION_BYTES = 64 * 1024;

const firstLine = (message: string) => message.split('\n')[0];

/**
 * An enhanced form's answer is 200 with `{type, status?, location?}`: a `failure` carries the
 * status the page would have had, a `redirect` its target; an `error` keeps the HTTP status.
 */
function withActionOutcome(answer: Answer): Answer {
	let outcome: { type?: string; status?: number; location?: string };
	try {
		outcome = JSON.parse(answer.text);
	} catch {
		return answer;
	}
	if (outcome.type === 'failure' || outcome.type === 'redirect') {
		return { ...answer, status: outcome.status ?? answer.status, location: outcome.location };
	}
	return answer;
}

/** Frames of a stack trace, file paths of the server, error class names. */
const STACK_TRACE = [/\bat .*[\\/][^\s]*:\d+:\d+/, /node_modules/, /\b\w*Error: /];

const API_CODES: Record<number, string> = {
	400: 'bad_request',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	409: 'conflict',
	413: 'payload_too_large',
	429: 'too_many_requests'
};

/** DESIGN.md: `{"error": {"code", "message", "fields"?}}`, the code matching the status. */
function apiShapeProblems(answer: Answer): string[] {
	if (!(answer.headers['content-type'] ?? '').includes('application/json')) {
		return [`not JSON but ${answer.headers['content-type'] ?? 'no content type'}`];
	}
	let body: { error?: { code?: unknown; message?: unknown } };
	try {
		body = JSON.parse(answer.text);
	} catch {
		return ['JSON that does not parse'];
	}
	const { code, message } = body.error ?? {};
	const problems: string[] = [];
	if (typeof code !== 'string' || typeof message !== 'string' || !message) {
		problems.push('not the error shape {error: {code, message}}');
	} else if (API_CODES[answer.status] && code !== API_CODES[answer.status]) {
		problems.push(`code "${code}" with status ${answer.status}`);
	}
	return problems;
}

function problemsOf(target: Target, badCase: BadCase, answer: Answer): string[] {
	const problems: string[] = [];
	const expected = target.refusals[badCase.kind];
	if (answer.status >= 500) problems.push('a server error');
	else if (!expected.includes(answer.status)) problems.push(`expected ${expected.join(' or ')}`);
	if (STACK_TRACE.some((pattern) => pattern.test(answer.text))) problems.push('a stack trace');
	if (target.api && answer.status >= 400) problems.push(...apiShapeProblems(answer));
	if (!target.api && !answer.enhanced && answer.status >= 400) {
		const type = answer.headers['content-type'] ?? '';
		if (!type.includes('text/html')) problems.push(`a ${type || 'typeless'} answer, not a page`);
	}
	if (answer.status === 303 && target.checkRedirect) {
		const problem = target.checkRedirect(answer.location ?? '');
		if (problem) problems.push(problem);
	}
	return problems;
}

/** The gist of an answer for a report line: a JSON body, or a page's title and alert. */
function excerpt(answer: Answer): string {
	const text = answer.text;
	if (answer.enhanced || !(answer.headers['content-type'] ?? '').includes('html')) {
		return clip(text.replace(/\s+/g, ' ').trim(), 160) || '(empty)';
	}
	const plain = (html: string) =>
		html
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
	const title = /<title>([\s\S]*?)<\/title>/.exec(text)?.[1];
	const alert = /role="alert"[^>]*>([\s\S]*?)<\/(?:p|div)>/.exec(text)?.[1];
	return [`page "${plain(title ?? '')}"`, alert && `alert "${clip(plain(alert), 100)}"`]
		.filter(Boolean)
		.join(', ');
}

/** Runs `run` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>) {
	const queue = [...items];
	await Promise.all(
		Array.from({ length: limit }, async () => {
			for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
		})
	);
}

test('bad requests to every write route are refused cleanly and change nothing', async ({
	playwright,
	workerServer
}) => {
	// Over 2,000 requests: on a busy machine they take their time.
	test.setTimeout(240_000);
	const origin = workerServer.url;
	const admin = await playwright.request.newContext({ baseURL: origin });
	// Sign-in, setup, sign-in links and sign-out are for people without a session: sending bad
	// input there as the admin would end the admin's session (POST /login signs out first).
	const anonymous = await playwright.request.newContext({ baseURL: origin });
	try {
		await signInByRequest(admin, demoAccount('admin'));
		const subjects = await prepareSubjects(admin, workerServer.databasePath, origin);
		const targets = writeTargets(subjects).sort((a, b) => b.cases.length - a.cases.length);
		const total = targets.reduce((sum, t) => sum + t.cases.length, 0);
		expect(total, 'generated bad requests').toBeGreaterThanOrEqual(300);

		const before = snapshot(workerServer.databasePath);
		const failures: string[] = [];
		const started = Date.now();
		/**
		 * A big body goes on a client of its own, and `GET /health` follows on its connection: a
		 * server may answer without reading a body, but must then close the connection cleanly —
		 * a reset fails whatever request comes next on it (which would blame an innocent case).
		 */
		async function sendAlone(ctx: APIRequestContext, target: Target, badCase: BadCase, wire: Wire) {
			const own = await playwright.request.newContext({
				baseURL: origin,
				storageState: await ctx.storageState()
			});
			try {
				const answer = await send(own, target, badCase, wire, origin);
				const reset = await own.get('/health').then(
					() => null,
					(error: Error) => `the connection broke after the answer (${firstLine(error.message)})`
				);
				return { answer, reset };
			} finally {
				await own.dispose();
			}
		}

		await inParallel(targets, CONCURRENCY, async (target) => {
			const ctx = target.as === 'admin' ? admin : anonymous;
			for (const badCase of target.cases) {
				const path = badCase.path ?? target.path;
				const report = (problem: string) =>
					failures.push(`${target.method} ${clip(path)} — ${badCase.name}: ${problem}`);
				const wire = badCase.wire();
				let answer: Answer;
				let reset: string | null = null;
				try {
					if (wire.data.length > OWN_CONNECTION_BYTES) {
						({ answer, reset } = await sendAlone(ctx, target, badCase, wire));
					} else {
						answer = await send(ctx, target, badCase, wire, origin);
					}
				} catch (error) {
					report(`no answer (${firstLine((error as Error).message)})`);
					continue;
				}
				const problems = [...problemsOf(target, badCase, answer), ...(reset ? [reset] : [])];
				if (problems.length === 0) continue;
				const location = answer.status === 303 ? ` → ${clip(answer.location ?? '')}` : '';
				const how = target.formAction ? (answer.enhanced ? ' [enhanced]' : ' [no JS]') : '';
				failures.push(
					`${target.method} ${clip(path)}${how} — ${badCase.name}: ${problems.join('; ')} ` +
						`(got ${answer.status}${location}: ${excerpt(answer)})`
				);
				// It went through: later cases must carry the version it left, or every one of them
				// would only meet a conflict and test nothing else.
				if (answer.status < 400 && target.subject) {
					target.subject.version = await currentVersion(admin, target.subject);
				}
			}
		});
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		const after = snapshot(workerServer.databasePath);
		if (digest(after) !== digest(before)) {
			for (const change of changesBetween(before, after)) failures.push(`database: ${change}`);
		}

		const perTarget = targets.map((t) => `${String(t.cases.length).padStart(4)}  ${t.key}`);
		const summary = `${total} bad requests to ${targets.length} write routes in ${seconds} s`;
		await test.info().attach('bad requests per route', {
			body: `${summary}\n${perTarget.join('\n')}\n`,
			contentType: 'text/plain'
		});
		console.log(summary);
		expect(failures, `${failures.length} problems in ${summary}`).toEqual([]);
	} finally {
		await admin.dispose();
		await anonymous.dispose();
	}
});
