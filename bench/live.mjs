// Live fan-out: many open event streams of one board, moves one after another, and for each
// move the time until its event has reached every stream.
import http from 'node:http';
import { request } from './http.mjs';
import { summarize } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Opens one `text/event-stream` and calls `onEvent(parsed, arrivedAt)` for every `data:` event. */
function openStream(url, cookie, onEvent) {
	return new Promise((resolve, reject) => {
		const req = http.get(
			url,
			{ agent: false, headers: { cookie, accept: 'text/event-stream' } },
			(res) => {
				if (
					res.statusCode !== 200 ||
					!String(res.headers['content-type']).startsWith('text/event-stream')
				) {
					res.resume();
					reject(
						new Error(`event stream answered ${res.statusCode} ${res.headers['content-type']}`)
					);
					return;
				}
				res.setEncoding('utf8');
				let buffer = '';
				let opened = false;
				res.on('data', (chunk) => {
					const at = performance.now();
					buffer += chunk;
					let end;
					while ((end = buffer.indexOf('\n\n')) !== -1) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const data = block
							.split('\n')
							.filter((line) => line.startsWith('data:'))
							.map((line) => line.slice(5).trimStart())
							.join('\n');
						const named = block.split('\n').find((line) => line.startsWith('event:'));
						if (data && !named) onEvent(JSON.parse(data), at);
					}
					if (!opened) {
						opened = true;
						resolve(req);
					}
				});
				res.on('error', () => {});
			}
		);
		req.on('error', (err) => {
			if (err.code !== 'ECONNRESET') reject(err);
		});
	});
}

/**
 * Opens `streams` event streams of the board, then makes `moves` moves one after another (each
 * waits until its event has arrived everywhere, or 5 s). Returns the delivery times over all
 * arrivals, measured from the move's answer and from the moment the move was sent.
 */
export async function measureFanOut({ base, boardId, cookie, model, streams, moves }) {
	const waiting = new Map(); // `${actionId}:${version}` → { arrivals: [], done }
	const url = `${base}/api/boards/${boardId}/events`;
	const opened = [];
	const onEvent = (event, at) => {
		const entry = waiting.get(`${event.actionId}:${event.version}`);
		if (!entry) return;
		entry.arrivals.push(at);
		if (entry.arrivals.length === streams) entry.done();
	};
	try {
		for (let i = 0; i < streams; i += 20) {
			const batch = Math.min(20, streams - i);
			opened.push(
				...(await Promise.all(
					Array.from({ length: batch }, () => openStream(url, cookie, onEvent))
				))
			);
		}
		await sleep(300); // let the presence notices of 100 arrivals settle

		const fromAnswer = [];
		const fromSend = [];
		const moveTimes = [];
		let missed = 0;
		const failures = [];
		const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
		for (let i = 0; i < moves; i++) {
			const action = model.take();
			const body = model.planMove(action);
			const key = `${action.id}:${action.version + 1}`;
			const entry = { arrivals: [] };
			const all = new Promise((resolve) => (entry.done = resolve));
			waiting.set(key, entry);
			const res = await request(`${base}/api/actions/${action.id}/move`, {
				method: 'POST',
				headers: { cookie, 'content-type': 'application/json' },
				body: JSON.stringify(body),
				useAgent: keepAlive
			});
			model.release(action.id);
			if (res.status !== 200) {
				failures.push({ status: res.status, body: res.body.toString().slice(0, 300) });
				waiting.delete(key);
				continue;
			}
			model.learn(JSON.parse(res.body.toString('utf8')));
			moveTimes.push(res.done - res.sent);
			let timer;
			await Promise.race([all, new Promise((r) => (timer = setTimeout(r, 5000)))]);
			clearTimeout(timer);
			waiting.delete(key);
			missed += streams - entry.arrivals.length;
			for (const at of entry.arrivals) {
				fromAnswer.push(at - res.done);
				fromSend.push(at - res.sent);
			}
		}
		keepAlive.destroy();
		return {
			streams,
			moves,
			arrivals: fromAnswer.length,
			missed,
			failures,
			afterAnswer: summarize(fromAnswer),
			afterSend: summarize(fromSend),
			move: summarize(moveTimes)
		};
	} finally {
		for (const req of opened) req.destroy();
	}
}
