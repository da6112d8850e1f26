import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { createSession } from '../auth/session';
import { createBoard } from '../domain/boards';
import { createAction, getAction } from '../domain/actions';
import type { Role } from '../../roles';
import { createFastLane } from './fast-lane';

const DEFERRED = 599;
let server: Server | undefined;
afterEach(() => server?.close());

/** A real HTTP server with the fast lane in front; what it leaves answers 599 ("SvelteKit's"). */
async function setup(role: Role = 'member') {
	const db = createTestDb();
	const user = await makeUser(db, { role });
	const board = createBoard(db, { name: 'Board' });
	const action = createAction(db, user, board.id, {
		title: 'Solar',
		dimension: 'ecological',
		horizon: 'short'
	});
	const lane = createFastLane(() => db);
	server = createServer((req, res) => {
		if (lane(req, res)) return;
		req.resume();
		res.writeHead(DEFERRED).end();
	});
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const { token } = createSession(db, user.id);
	const move = (body: unknown, headers: Record<string, string> = {}, id = action.id) =>
		fetch(`${base}/api/actions/${id}/move`, {
			method: 'POST',
			headers: { cookie: `dreiklang_session=${token}`, ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});
	return { db, action, base, token, move };
}

const to = { dimension: 'social', horizon: 'long', index: 0 };

describe('the fast lane for moves', () => {
	it('moves with the version check and answers like the API route', async () => {
		const { db, action, move } = await setup();
		const res = await move({ ...to, version: action.version });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json');
		const body = await res.json();
		expect(body).toEqual(getAction(db, action.id));
		expect(body).toMatchObject({ dimension: 'social', horizon: 'long', version: 2 });

		const stale = await move({ ...to, version: action.version });
		expect(stale.status).toBe(409);
		expect(await stale.json()).toMatchObject({
			error: {
				code: 'conflict',
				message: 'Jemand anderes hat diese Maßnahme inzwischen geändert.'
			},
			current: { version: 2 }
		});
	});

	it('answers bad input with the same translated errors', async () => {
		const { move } = await setup();
		const broken = await move('{"dimension":', { cookie: '' });
		expect(broken.status).toBe(DEFERRED); // no session: SvelteKit answers 401

		const { move: moveEn, token } = await setup();
		const english = { cookie: `dreiklang_session=${token}; PARAGLIDE_LOCALE=en` };
		const json = await moveEn('{"dimension":', english);
		expect(json.status).toBe(400);
		expect(await json.json()).toEqual({
			error: { code: 'bad_request', message: 'The request is not valid JSON.' }
		});
		const fields = await moveEn({ dimension: 'blue', horizon: 'long', index: -1 }, english);
		expect(fields.status).toBe(400);
		const body = await fields.json();
		expect(Object.keys(body.error.fields).sort()).toEqual(['dimension', 'index', 'version']);

		const missing = await moveEn({ ...to, version: 1 }, english, 999);
		expect(missing.status).toBe(404);
	});

	it('leaves everything it does not take in full to SvelteKit', async () => {
		const { base, action, move, token } = await setup();
		const valid = { ...to, version: action.version };
		const cases = [
			move(valid, { cookie: 'dreiklang_session=unknown.token' }),
			move(valid, { origin: 'https://elsewhere.example' }),
			move('x'.repeat(70_000)),
			fetch(`${base}/api/actions/${action.id}/move`, {
				method: 'POST',
				headers: { cookie: `dreiklang_session=${token}` },
				body: new Blob([JSON.stringify(valid)]).stream(),
				duplex: 'half'
			} as RequestInit),
			fetch(`${base}/api/actions/${action.id}/move/`, { method: 'POST', body: '{}' }),
			fetch(`${base}/api/actions/0x1/move`, { method: 'POST', body: '{}' }),
			fetch(`${base}/api/actions/${action.id}/move`, {
				headers: { cookie: `dreiklang_session=${token}` }
			})
		];
		for (const res of await Promise.all(cases)) expect(res.status).toBe(DEFERRED);
		const staff = await setup('staff');
		expect((await staff.move({ ...to, version: 1 })).status).toBe(DEFERRED);
	});
});
