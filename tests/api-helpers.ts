import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, ROLES, type Role } from './demo';
import { test as base } from './fixtures';

export { expect };

export const SESSION_COOKIE = 'dreiklang_session';
export const BOARD_ID = 1;
/** An id that no board, action or user of the demo data has. */
export const UNKNOWN_ID = 987_654_321;

export type Dimension = 'ecological' | 'economic' | 'social';
export type Horizon = 'short' | 'medium' | 'long';
export type Status = 'planned' | 'in_progress' | 'done' | 'dropped';

export interface Owner {
	id: number;
	name: string;
}

/** An action as `GET /api/actions/:id` and every write answer it. */
export interface Action {
	id: number;
	boardId: number;
	title: string;
	description: string;
	dimension: Dimension;
	horizon: Horizon;
	position: number;
	status: Status;
	progress: number;
	owners: Owner[];
	startDate: string | null;
	dueDate: string | null;
	version: number;
	createdAt: string;
	updatedAt: string;
	archived: boolean;
}

/** An action as `GET /api/boards/:id` lists it. */
export type BoardAction = Pick<
	Action,
	| 'id'
	| 'title'
	| 'dimension'
	| 'horizon'
	| 'position'
	| 'status'
	| 'progress'
	| 'owners'
	| 'dueDate'
	| 'version'
>;

export interface BoardAnswer {
	board: {
		id: number;
		name: string;
		description: string;
		horizons: Record<Horizon, string>;
		goals: Record<Dimension, string>;
		version: number;
	};
	actions: BoardAction[];
}

/** Signed-in API clients, one per demo role, plus one that never signed in. */
export type Clients = Record<Role | 'anonymous', APIRequestContext>;

/**
 * Signs in the way scripts do: `POST /login` as a form. The answer is a form-action result;
 * what counts is the session cookie it leaves in the context.
 */
export async function signIn(ctx: APIRequestContext, email: string, password = DEMO_PASSWORD) {
	const response = await ctx.post('/login', { form: { email, password }, maxRedirects: 0 });
	expect(response.status(), `sign-in of ${email}`).toBeLessThan(400);
	const { cookies } = await ctx.storageState();
	expect(
		cookies.map((c) => c.name),
		`session cookie after signing in ${email}`
	).toContain(SESSION_COOKIE);
}

export async function newClient(
	newContext: (options: { baseURL?: string }) => Promise<APIRequestContext>,
	baseURL: string | undefined,
	role?: Role
) {
	const ctx = await newContext({ baseURL });
	if (role) await signIn(ctx, DEMO_USERS[role].email);
	return ctx;
}

export const test = base.extend<object, { clients: Clients }>({
	clients: [
		async ({ playwright, workerServer }, use) => {
			const baseURL = workerServer.url;
			const newContext = (options: { baseURL?: string }) => playwright.request.newContext(options);
			const entries = await Promise.all(
				[...ROLES, 'anonymous' as const].map(
					async (role) =>
						[
							role,
							await newClient(newContext, baseURL, role === 'anonymous' ? undefined : role)
						] as const
				)
			);
			const clients = Object.fromEntries(entries) as Clients;
			await use(clients);
			await Promise.all(Object.values(clients).map((c) => c.dispose()));
		},
		{ scope: 'worker' }
	]
});

let counter = 0;
/** A title no other test (or earlier run) uses. */
export function uniqueTitle(label = 'API-Test'): string {
	counter += 1;
	return `${label} ${Date.now().toString(36)}-${process.pid}-${counter}`;
}

/**
 * Checks an error answer: the status, `{error: {code, message}}` and no stack trace anywhere.
 * Returns the parsed body for further checks.
 */
export async function expectApiError(
	response: APIResponse,
	status: number,
	code: string
): Promise<{
	error: { code: string; message: string; fields?: Record<string, string> };
	current?: Action;
}> {
	const text = await response.text();
	expect(response.status(), `${response.url()} answered ${text.slice(0, 300)}`).toBe(status);
	expect(response.headers()['content-type'] ?? '').toContain('application/json');
	expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|\.js:\d+/);
	const body = JSON.parse(text);
	expect(body.error?.code).toBe(code);
	expect(typeof body.error?.message).toBe('string');
	expect(body.error.message.length).toBeGreaterThan(0);
	expect(body.error).not.toHaveProperty('stack');
	return body;
}

/** Checks a 400 whose `fields` names `field` (and gives it a message). */
export async function expectFieldError(response: APIResponse, field: string) {
	const body = await expectApiError(response, 400, 'bad_request');
	expect(body.error.fields, `fields of ${JSON.stringify(body.error)}`).toBeDefined();
	expect(Object.keys(body.error.fields!)).toContain(field);
	expect(body.error.fields![field].length).toBeGreaterThan(0);
	return body;
}

export async function expectOk<T>(response: APIResponse, status = 200): Promise<T> {
	const text = await response.text();
	expect(response.status(), `${response.url()} answered ${text.slice(0, 300)}`).toBe(status);
	return JSON.parse(text) as T;
}

export interface NewAction {
	title?: string;
	dimension?: Dimension;
	horizon?: Horizon;
	description?: string;
	status?: Status;
	progress?: number;
	dueDate?: string | null;
	owners?: number[];
}

/** Creates an action on board 1 (as a member, unless another client is given). */
export async function createAction(
	ctx: APIRequestContext,
	fields: NewAction = {},
	boardId = BOARD_ID
): Promise<Action> {
	const response = await ctx.post(`/api/boards/${boardId}/actions`, {
		data: { title: uniqueTitle(), dimension: 'social', horizon: 'medium', ...fields }
	});
	return expectOk<Action>(response, 201);
}

export async function getAction(ctx: APIRequestContext, id: number): Promise<Action> {
	return expectOk<Action>(await ctx.get(`/api/actions/${id}`));
}

export async function getBoard(ctx: APIRequestContext, boardId = BOARD_ID): Promise<BoardAnswer> {
	return expectOk<BoardAnswer>(await ctx.get(`/api/boards/${boardId}`));
}

/** The ids of a cell's actions in board order. */
export function cellIds(board: BoardAnswer, dimension: Dimension, horizon: Horizon): number[] {
	return board.actions
		.filter((a) => a.dimension === dimension && a.horizon === horizon)
		.map((a) => a.id);
}

/** Sends a raw body with a JSON content type. */
export function rawJson(
	ctx: APIRequestContext,
	method: 'post' | 'patch',
	url: string,
	body: string
) {
	return ctx[method](url, { data: body, headers: { 'content-type': 'application/json' } });
}

/**
 * Matches an action in every field but its position: other tests add and move actions in the
 * same cells at the same time, which shifts the 0-based place of everything after them.
 */
export function placeless(action: Action) {
	return { ...action, position: expect.any(Number) };
}
