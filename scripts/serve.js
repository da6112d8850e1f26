// Builds the app when the build is missing or older than the sources, then serves it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD_MARKER = join(ROOT, 'build', 'handler.js');
const SOURCES = [
	'src',
	'messages',
	'static',
	'drizzle',
	'svelte.config.js',
	'vite.config.ts',
	'package.json'
];

/**
 * When the newest file under `path` was changed. Only files count: a folder's own time changes
 * whenever a tool rewrites something generated inside it (the translations), which is no reason
 * to build again.
 * @param {string} path
 */
function newestChange(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide') continue; // generated during the build itself
		newest = Math.max(newest, newestChange(join(path, entry)));
	}
	return newest;
}

export function buildIfNeeded() {
	const builtAt = existsSync(BUILD_MARKER) ? statSync(BUILD_MARKER).mtimeMs : 0;
	const changedAt = Math.max(...SOURCES.map((s) => newestChange(join(ROOT, s))));
	if (builtAt > changedAt) return;
	console.log('Building Dreiklang …');
	const result = spawnSync(
		process.execPath,
		[join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'],
		{
			cwd: ROOT,
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	if (result.status !== 0) {
		console.error('The build failed.');
		process.exit(1);
	}
}

/**
 * Serves the built app. Without ORIGIN or PROTOCOL_HEADER, adapter-node would assume https and
 * refuse every form post over plain http; here each request says which protocol it really came in on.
 */
export async function serve() {
	process.env.PORT ||= '3000';
	process.env.DATABASE_PATH ||= './data/dreiklang.db';
	const forwardProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (forwardProtocol) process.env.PROTOCOL_HEADER = 'x-dreiklang-protocol';

	// Importing the handler runs the server's init hook, which applies pending migrations.
	// Every request goes to SvelteKit; this server only says which protocol it came in on.
	const { handler } = await import(pathToFileURL(BUILD_MARKER).href);
	const server = http.createServer((req, res) => {
		if (forwardProtocol) {
			req.headers['x-dreiklang-protocol'] = 'encrypted' in req.socket ? 'https' : 'http';
		}
		handler(req, res);
	});
	// Longer than the idle time of clients and proxies that keep connections open (nginx: 60 s):
	// the server never closes a quiet connection just as a client sends on it.
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 66_000;
	const port = Number(process.env.PORT);
	const host = process.env.HOST || '0.0.0.0';
	server.listen(port, host, () => {
		const shown = host === '0.0.0.0' ? 'localhost' : host;
		console.log(
			`Dreiklang is running on http://${shown}:${port} (database: ${process.env.DATABASE_PATH})`
		);
	});
	// New requests end at once; what the app registered (src/lib/server/shutdown.ts) — an
	// e-mail being handed over — finishes first.
	const stop = async () => {
		server.close();
		server.closeAllConnections();
		const finishing = /** @type {Map<string, () => unknown> | undefined} */ (
			/** @type {any} */ (globalThis)[Symbol.for('dreiklang.shutdown')]
		);
		await Promise.allSettled([...(finishing?.values() ?? [])].map((finish) => finish()));
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	return server;
}
