// Plain HTTP requests for the bench's own bookkeeping (sign-in, checks, asset downloads).
import http from 'node:http';

/** One keep-alive connection pool for the bench's single requests. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/**
 * Sends one request; resolves with status, headers, the body as a Buffer and the time (ms, from
 * `performance.now()`) at which the response had fully arrived.
 */
export function request(url, { method = 'GET', headers = {}, body, useAgent = agent } = {}) {
	return new Promise((resolve, reject) => {
		const sent = performance.now();
		const req = http.request(url, { method, headers, agent: useAgent }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () =>
				resolve({
					status: res.statusCode,
					headers: res.headers,
					body: Buffer.concat(chunks),
					sent,
					done: performance.now()
				})
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		if (body !== undefined) req.end(body);
		else req.end();
	});
}

/** GET a JSON document; throws unless the answer is 200. */
export async function getJson(url, cookie) {
	const res = await request(url, { headers: { cookie, accept: 'application/json' } });
	if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${res.body}`);
	return JSON.parse(res.body.toString('utf8'));
}

/**
 * Signs in with `POST /login` as a form, the way DESIGN.md promises scripts can, and returns the
 * `cookie` header to send from then on (the session cookie and the language cookie).
 */
export async function signIn(base, email, password) {
	const res = await request(`${base}/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ email, password }).toString()
	});
	const setCookie = res.headers['set-cookie'] ?? [];
	const pairs = setCookie
		.filter((c) => !/max-age=0/i.test(c))
		.map((c) => c.split(';')[0].trim())
		.filter((c) => !c.endsWith('='));
	if (res.status !== 303 || !pairs.some((p) => p.startsWith('dreiklang_session='))) {
		throw new Error(
			`sign-in as ${email} failed: ${res.status} ${res.body.toString().slice(0, 300)}`
		);
	}
	return pairs.join('; ');
}
