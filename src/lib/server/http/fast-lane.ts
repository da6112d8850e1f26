import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookie } from 'cookie';
import { cookieName as LOCALE_COOKIE } from '$lib/paraglide/runtime';
import type { Db } from '../db';
import { GroupCommit } from '../db/group-commit';
import { liveBoards } from '../live/broker';
import { SESSION_COOKIE, sessionUserAsIs } from '../auth/session';
import { can } from '../domain/permissions';
import { moveAction } from '../domain/actions';
import { moveActionInput } from '../domain/action-input';
import { inLocale, localeFrom } from '../locale-scope';
import { apiErrorBody, MAX_JSON_BYTES, parseJson, toApiError } from './api';
import { parseId } from './ids';

/**
 * The production server's fast lane for the one request the board sends most: a move
 * (`POST /api/actions/:id/move`). It answers before SvelteKit builds a `Request`, runs its hooks
 * and reads the answer back as a stream — plumbing that costs several times more than the move.
 *
 * It takes only what needs no plumbing: a session that is valid as it stands, a role that may
 * move, a same-site (or script) request with a small body of known length. Everything else —
 * signed out, expired or due for renewal, no right, cross-site, chunked or too big — goes on to
 * SvelteKit's route (`src/routes/api/actions/[id]/move/+server.ts`), which answers those cases.
 * Both use the same schema, domain function and error answers, so the answer is the same.
 *
 * Moves that arrive together are committed together (`GroupCommit`): ten people dropping cards at
 * once cost one commit instead of ten.
 *
 * Returns true when it took the request.
 */
export type FastLane = (req: IncomingMessage, res: ServerResponse) => boolean;

const MOVE_PATH = /^\/api\/actions\/([^/?]+)\/move(?:\?.*)?$/;

export function createFastLane(getDb: () => Db): FastLane {
	let moves: GroupCommit | undefined;
	return (req, res) => {
		if (req.method !== 'POST') return false;
		const path = MOVE_PATH.exec(req.url ?? '');
		if (!path) return false;
		const id = parseId(path[1]);
		if (id === null) return false;
		const length = Number(req.headers['content-length']);
		if (!Number.isInteger(length) || length > MAX_JSON_BYTES) return false;
		const origin = expectedOrigin(req);
		if (origin === null) return false;
		const cookies = parseCookie(req.headers.cookie ?? '');
		const token = cookies[SESSION_COOKIE];
		if (!token) return false;
		const db = getDb();
		const user = sessionUserAsIs(db, token);
		if (!user || !can(user.role, 'writeActions')) return false;

		moves ??= new GroupCommit(db, () => liveBoards.publishCommitted(db));
		const group = moves;
		const locale = localeFrom(cookies[LOCALE_COOKIE]);
		readBody(req, length, (body) =>
			inLocale(locale, origin, () => {
				let input;
				try {
					input = parseJson(body, moveActionInput);
				} catch (err) {
					return sendError(res, err);
				}
				group.add(
					() => moveAction(db, user, id, input),
					(outcome) =>
						inLocale(locale, origin, () =>
							outcome.ok ? send(res, 200, outcome.value) : sendError(res, outcome.error)
						)
				);
			})
		);
		return true;
	};
}

function sendError(res: ServerResponse, err: unknown) {
	const apiError = toApiError(err);
	send(res, apiError.status, apiErrorBody(apiError));
}

/**
 * The origin this request was made to, the way adapter-node sees it — or null when the request
 * comes from another site, or when the server is set up in a way only SvelteKit knows to read.
 */
function expectedOrigin(req: IncomingMessage): string | null {
	const env = process.env;
	if (env.HOST_HEADER || env.PORT_HEADER) return null;
	const protocolHeader = env.PROTOCOL_HEADER?.toLowerCase();
	const protocol = (protocolHeader && req.headers[protocolHeader]) || 'https';
	const origin = env.ORIGIN || `${protocol}://${req.headers.host}`;
	const sent = req.headers.origin;
	return sent === undefined || sent === origin ? origin : null;
}

function readBody(req: IncomingMessage, length: number, done: (body: string) => void) {
	const chunks: Buffer[] = [];
	let received = 0;
	req.on('data', (chunk: Buffer) => {
		received += chunk.length;
		if (received > length) req.destroy();
		else chunks.push(chunk);
	});
	req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
}

function send(res: ServerResponse, status: number, body: unknown) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text)
	});
	res.end(text);
}

const FAST_LANE = Symbol.for('dreiklang.fast-lane');

/** Offers the fast lane to the production server (`scripts/serve.js`), which looks for it here. */
export function offerFastLane(getDb: () => Db) {
	(globalThis as Record<symbol, unknown>)[FAST_LANE] = createFastLane(getDb);
}
