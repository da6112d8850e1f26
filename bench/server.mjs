// Builds once, freezes the build, starts and stops the production server, watches its memory.
import { spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync
} from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';

/** Runs `vite build` in the repository (the same command `scripts/serve.js` uses). */
export function build(root) {
	const started = performance.now();
	const result = spawnSync(
		process.execPath,
		[join(root, 'node_modules/vite/bin/vite.js'), 'build'],
		{
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			encoding: 'utf8'
		}
	);
	if (result.status !== 0) {
		process.stderr.write(result.stdout.slice(-4000) + result.stderr.slice(-4000));
		throw new Error('the build failed');
	}
	return (performance.now() - started) / 1000;
}

/**
 * Copies what the server needs — build/, scripts/start.js and scripts/serve.js, drizzle/ — into
 * `dest`. `build/` is shared with others who may rebuild it while the bench runs; the copy keeps
 * the code under measurement fixed. Run from the copy, start.js sees no sources and never rebuilds;
 * packages still resolve from the repository's node_modules above it.
 */
export function snapshot(root, dest) {
	if (!existsSync(join(root, 'build/handler.js'))) throw new Error('build/ is missing');
	rmSync(dest, { recursive: true, force: true });
	mkdirSync(join(dest, 'scripts'), { recursive: true });
	cpSync(join(root, 'build'), join(dest, 'build'), { recursive: true });
	cpSync(join(root, 'drizzle'), join(dest, 'drizzle'), { recursive: true });
	for (const f of ['start.js', 'serve.js'])
		cpSync(join(root, 'scripts', f), join(dest, 'scripts', f));
	// start.js rebuilds when a source (drizzle/ among them) is newer than build/handler.js:
	// the copied sources get an old date, the copied build the current one.
	const old = new Date('2000-01-01T00:00:00Z');
	const age = (path) => {
		if (statSync(path).isDirectory()) for (const e of readdirSync(path)) age(join(path, e));
		utimesSync(path, old, old);
	};
	age(join(dest, 'drizzle'));
	const now = new Date();
	utimesSync(join(dest, 'build/handler.js'), now, now);
	return dest;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** GET `url`; resolves with the status code, or null when nothing answers. */
function probe(url) {
	return new Promise((resolve) => {
		const req = http.get(url, { agent: false, timeout: 1000 }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode));
		});
		req.on('error', () => resolve(null));
		req.on('timeout', () => req.destroy());
	});
}

/** Reads a `Vm…:  1234 kB` line of /proc/<pid>/status, in bytes; null when unavailable. */
export function procMemory(pid, field) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const m = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
		return m ? Number(m[1]) * 1024 : null;
	} catch {
		return null;
	}
}

/**
 * Starts `node scripts/start.js` from the snapshot with the given database and waits for
 * `GET /health` = 200. Samples the server's RSS every 200 ms.
 */
/**
 * The node flags `npm start` gives the server (package.json's start script: the heap sizes that
 * keep its memory small), so the bench runs the server exactly as production does.
 */
export function startFlags(root) {
	const start = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;
	const match = /^node((?:\s+--\S+)*)\s+scripts\/start\.js$/.exec(start);
	if (!match) throw new Error(`package.json's start script is not "node [flags] scripts/start.js"`);
	return match[1].trim().split(/\s+/).filter(Boolean);
}

export async function startServer({
	appDir,
	dbPath,
	port,
	host = '127.0.0.1',
	cpuProfileDir,
	nodeFlags = []
}) {
	const base = `http://${host}:${port}`;
	if ((await probe(`${base}/health`)) !== null) {
		throw new Error(`something already answers on ${base}; choose another port with --port`);
	}
	const env = { ...process.env, PORT: String(port), HOST: host, DATABASE_PATH: dbPath };
	env.NODE_ENV = 'production';
	// Like a plain `npm start`: no ORIGIN, so scripts/serve.js forwards the real protocol.
	delete env.ORIGIN;
	delete env.PROTOCOL_HEADER;
	delete env.MIGRATIONS_PATH;
	delete env.NODE_OPTIONS; // only the flags npm start gives
	const nodeArgs = [
		...nodeFlags,
		...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])
	];
	const child = spawn(process.execPath, [...nodeArgs, join(appDir, 'scripts/start.js')], {
		cwd: appDir,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	const keep = (chunk) => {
		log = (log + chunk).slice(-20_000);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	let exited = null;
	const exit = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			resolve(exited);
		})
	);

	const started = performance.now();
	for (;;) {
		if (exited) throw new Error(`the server exited (${JSON.stringify(exited)}):\n${log}`);
		if ((await probe(`${base}/health`)) === 200) break;
		if (performance.now() - started > 30_000) {
			child.kill('SIGKILL');
			throw new Error(`the server did not answer /health within 30 s:\n${log}`);
		}
		await sleep(100);
	}
	const startupMs = performance.now() - started;

	let rssPeakSampled = 0;
	const sample = () => {
		const rss = procMemory(child.pid, 'VmRSS');
		if (rss !== null && rss > rssPeakSampled) rssPeakSampled = rss;
	};
	sample();
	const rssAfterStart = procMemory(child.pid, 'VmRSS');
	const sampler = setInterval(sample, 200);

	return {
		base,
		pid: child.pid,
		startupMs,
		rssAfterStart,
		log: () => log,
		/** RSS now, and the peak so far (VmHWM, the kernel's high-water mark, and our samples). */
		memory() {
			sample();
			return {
				rss: procMemory(child.pid, 'VmRSS'),
				hwm: procMemory(child.pid, 'VmHWM'),
				sampledPeak: rssPeakSampled
			};
		},
		/** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
		async stop() {
			clearInterval(sampler);
			if (exited) return exited;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			const result = await exit;
			clearTimeout(timer);
			return result;
		}
	};
}
