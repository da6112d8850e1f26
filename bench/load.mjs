// Load generation with autocannon over keep-alive connections, with every response time kept
// (autocannon's own histogram rounds to whole milliseconds, too coarse for a 5 ms bar).
import autocannon from 'autocannon';
import { getJson } from './http.mjs';
import { CELLS, cellKey } from './seed.mjs';
import { round, shuffle, summarize } from './stats.mjs';

/**
 * Runs autocannon and resolves with exact latencies of the 2xx answers (ms), the status codes,
 * errors and the achieved rate (answers per second between the start and the last answer).
 * It runs for `duration` seconds, longer if needed to collect `minSamples` answers, but never
 * longer than `maxSeconds` — so a slow page still gets a few samples and a fast one many.
 */
export function cannon({
	url,
	connections,
	duration,
	minSamples = 1,
	maxSeconds = duration,
	headers,
	method,
	body,
	requests
}) {
	return new Promise((resolve, reject) => {
		const latencies = [];
		const statuses = {};
		let first = null;
		let last = null;
		let stopping = false;
		const started = performance.now();
		const limit = Math.max(duration, maxSeconds);
		const options = {
			url,
			connections,
			pipelining: 1,
			duration: limit,
			sampleInt: 100,
			timeout: 60
		};
		// autocannon takes an `undefined` option as a value, so only the given ones are passed.
		for (const [key, value] of Object.entries({ headers, method, body, requests })) {
			if (value !== undefined) options[key] = value;
		}
		const instance = autocannon(options, (err, result) => {
			clearInterval(check);
			if (err) return reject(err);
			const seconds = first === null ? 0 : (last - first) / 1000;
			const ok = latencies.length;
			resolve({
				latency: summarize(latencies),
				statuses,
				ok,
				non2xx: result.non2xx,
				errors: result.errors,
				timeouts: result.timeouts,
				perSecond: seconds > 0 ? round(ok / seconds, 1) : null,
				seconds: round(seconds, 2)
			});
		});
		instance.on('start', () => {
			first = performance.now();
		});
		instance.on('response', (_client, status, _bytes, responseTime) => {
			last = performance.now();
			first ??= last - responseTime;
			statuses[status] = (statuses[status] ?? 0) + 1;
			if (status >= 200 && status < 300) latencies.push(responseTime);
			enough();
		});
		const enough = () => {
			if (
				!stopping &&
				performance.now() - started >= duration * 1000 &&
				latencies.length >= minSamples
			) {
				stopping = true;
				instance.stop();
			}
		};
		const check = setInterval(enough, 50);
	});
}

/**
 * What the bench knows of the board: every live action with its current version and cell.
 * Writes always carry the version the bench last saw, so they take the app's real path with its
 * version check; the bench learns each new version from the answer.
 */
export class BoardModel {
	constructor(random) {
		this.random = random;
		this.byId = new Map();
		this.order = [];
		this.counts = new Map(CELLS.map((c) => [cellKey(c), 0]));
		this.cursor = 0;
		this.inFlight = new Set();
		this.failures = [];
	}

	/** Reads the board from `GET /api/boards/:id` (after a run whose last answers were cut off). */
	async sync(base, boardId, cookie) {
		const { actions } = await getJson(`${base}/api/boards/${boardId}`, cookie);
		this.byId = new Map(actions.map((a) => [a.id, { ...a }]));
		this.counts = new Map(CELLS.map((c) => [cellKey(c), 0]));
		for (const a of actions) this.counts.set(cellKey(a), this.counts.get(cellKey(a)) + 1);
		this.order = shuffle(
			actions.map((a) => a.id),
			this.random
		);
		this.cursor = 0;
		this.inFlight.clear();
		return actions.length;
	}

	get size() {
		return this.byId.size;
	}

	/** The next action in the rotation that no other connection is writing right now. */
	take() {
		for (let i = 0; i < this.order.length; i++) {
			const id = this.order[this.cursor++ % this.order.length];
			if (!this.inFlight.has(id)) {
				this.inFlight.add(id);
				return this.byId.get(id);
			}
		}
		throw new Error('no action is free to write');
	}

	release(id) {
		this.inFlight.delete(id);
	}

	/** A move of `action` to a random cell and a random place in it, based on its version. */
	planMove(action) {
		const to = CELLS[Math.floor(this.random() * CELLS.length)];
		const others = this.counts.get(cellKey(to)) - (cellKey(action) === cellKey(to) ? 1 : 0);
		const index = Math.floor(this.random() * (others + 1));
		return { dimension: to.dimension, horizon: to.horizon, index, version: action.version };
	}

	/** Takes in an action as an answer returned it (new version, maybe a new cell). */
	learn(view) {
		const known = this.byId.get(view.id);
		if (!known) return;
		if (cellKey(known) !== cellKey(view)) {
			this.counts.set(cellKey(known), this.counts.get(cellKey(known)) - 1);
			this.counts.set(cellKey(view), this.counts.get(cellKey(view)) + 1);
		}
		known.version = view.version;
		known.dimension = view.dimension;
		known.horizon = view.horizon;
	}

	fail(kind, status, body) {
		if (this.failures.length < 20)
			this.failures.push({ kind, status, body: String(body).slice(0, 300) });
	}
}

/** autocannon `requests` for moves: each request moves the next free action with its version. */
export function moveRequests(model) {
	return [
		{
			method: 'POST',
			setupRequest(req, context) {
				const action = model.take();
				context.id = action.id;
				return {
					...req,
					path: `/api/actions/${action.id}/move`,
					body: JSON.stringify(model.planMove(action))
				};
			},
			onResponse(status, body, context) {
				model.release(context.id);
				if (status === 200) model.learn(JSON.parse(body));
				else model.fail('move', status, body);
			}
		}
	];
}

let progressCounter = 0;

/** autocannon `requests` for progress entries on the next free action. */
export function progressRequests(model) {
	return [
		{
			method: 'POST',
			setupRequest(req, context) {
				const action = model.take();
				context.id = action.id;
				progressCounter++;
				return {
					...req,
					path: `/api/actions/${action.id}/progress`,
					body: JSON.stringify({
						note: `Zwischenstand ${progressCounter}: weitere Standorte umgestellt.`,
						progress: Math.floor(model.random() * 101)
					})
				};
			},
			onResponse(status, body, context) {
				model.release(context.id);
				if (status === 201) model.learn(JSON.parse(body).action);
				else model.fail('progress', status, body);
			}
		}
	];
}
