// `npm run bench`: measures Dreiklang's production server at 100, 1,000 and 10,000 actions.
// See docs/BENCHMARKS.md for what is measured and how. Exit code 0 whenever the measurement
// itself worked (a failed bar is a result, not an error); 1 when the bench could not measure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AssetSizer } from './assets.mjs';
import { cpuWatch } from './cpu.mjs';
import { request, signIn } from './http.mjs';
import { measureFanOut } from './live.mjs';
import { BoardModel, cannon, moveRequests, progressRequests } from './load.mjs';
import { printProfile, summarizeProfile } from './profile.mjs';
import { judgeBars, printAssets, printBars, printTable, tableRows } from './report.mjs';
import { createBenchDatabase, removeDatabase } from './seed.mjs';
import { build, snapshot, startFlags, startServer } from './server.mjs';
import { prng } from './stats.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const TMP = join(ROOT, 'bench/tmp');
const PHASES = ['page', 'ideas', 'report', 'api', 'move', 'progress', 'live', 'assets'];
const ROUTES = ['/boards/1', '/roadmap', '/upcoming', '/ideas', '/login'];

const { values: opts } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		'no-build': { type: 'boolean', default: false },
		sizes: { type: 'string' },
		only: { type: 'string' },
		port: { type: 'string', default: '4300' },
		profile: { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
		out: { type: 'string' },
		help: { type: 'boolean', short: 'h', default: false }
	}
});

if (opts.help) {
	console.log(`npm run bench [-- options]
  --quick          shorter measurements (the whole run stays under two minutes)
  --no-build       use the existing build/ instead of building first
  --sizes 100,1000 board sizes (default 100,1000,10000)
  --only move,live phases to run: ${PHASES.join(', ')} (default all)
  --port 4300      port of the server under test (on 127.0.0.1)
  --profile        run the server with --cpu-prof and print its top functions per size
  --keep           keep the databases in bench/tmp/
  --out FILE       where to write the results (default bench/results/latest.json,
                   latest-quick.json with --quick, bench/tmp/partial.json with --sizes/--only)`);
	process.exit(0);
}

const sizes = (opts.sizes ?? '100,1000,10000').split(',').map((s) => Number(s.trim()));
const phases = new Set(opts.only ? opts.only.split(',').map((s) => s.trim()) : PHASES);
for (const p of phases) if (!PHASES.includes(p)) throw new Error(`unknown phase ${p}`);
const port = Number(opts.port);
const partial = Boolean(opts.sizes || opts.only);
const outFile = resolve(
	ROOT,
	opts.out ??
		(partial
			? 'bench/tmp/partial.json'
			: opts.quick
				? 'bench/results/latest-quick.json'
				: 'bench/results/latest.json')
);

/**
 * Each measurement runs `duration` seconds, longer when it has fewer than `minSamples` answers
 * by then (a slow page), but never longer than `maxSeconds`.
 */
const TIMING = opts.quick
	? {
			warmup: { duration: 0.5, minSamples: 1, maxSeconds: 5 },
			c1: { duration: 2, minSamples: 5, maxSeconds: 8 },
			c10: { duration: 2, minSamples: 10, maxSeconds: 8 },
			liveMoves: 10,
			streams: 100
		}
	: {
			warmup: { duration: 1, minSamples: 2, maxSeconds: 10 },
			c1: { duration: 5, minSamples: 20, maxSeconds: 30 },
			c10: { duration: 5, minSamples: 30, maxSeconds: 30 },
			liveMoves: 30,
			streams: 100
		};

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const say = (text) => console.log(`[${elapsed().padStart(7)}] ${text}`);

function fileSize(path) {
	return existsSync(path) ? statSync(path).size : 0;
}
const dbBytes = (path) => fileSize(path) + fileSize(`${path}-wal`);

/** A measurement must see only 2xx answers; anything else makes its figures meaningless. */
function expectClean(run, what) {
	const bad = run.non2xx + run.errors + run.timeouts;
	if (bad > 0 || run.ok === 0) {
		throw new Error(
			`${what}: ${run.ok} ok, statuses ${JSON.stringify(run.statuses)}, ${run.errors} errors, ${run.timeouts} timeouts`
		);
	}
	return run;
}

/** Warm-up, then concurrency 1 and concurrency 10, of one request shape. */
async function measure(what, shape, { c10 = true } = {}) {
	expectClean(await cannon({ ...shape, connections: 1, ...TIMING.warmup }), `${what} (warm-up)`);
	await shape.after?.();
	const one = expectClean(await cannon({ ...shape, connections: 1, ...TIMING.c1 }), what);
	await shape.after?.();
	if (!c10) return { c1: one };
	// CPU during the run at concurrency 10: a server below one core was waiting, not working.
	const cpu = cpuWatch(shape.serverPid);
	const ten = expectClean(
		await cannon({ ...shape, connections: 10, ...TIMING.c10 }),
		`${what} (c=10)`
	);
	ten.cpu = cpu.stop();
	await shape.after?.();
	return { c1: one, c10: ten };
}

function brief(run) {
	return `median ${run.latency.median} ms, p99 ${run.latency.p99} ms, ${run.perSecond}/s`;
}

/** The c=10 rate with the cores the server and the bench used meanwhile. */
function briefTen(run) {
	const cpu = run.cpu ? ` (server ${run.cpu.server} cores, bench ${run.cpu.bench})` : '';
	return `c=10 ${run.perSecond}/s, p99 ${run.latency.p99} ms${cpu}`;
}

async function benchSize(size, appDir, shared) {
	const dbPath = join(TMP, `bench-${size}.db`);
	const seedStart = performance.now();
	const seeded = await createBenchDatabase({
		path: dbPath,
		migrationsFolder: join(appDir, 'drizzle'),
		size
	});
	const result = {
		size,
		board: {
			live: seeded.live.length,
			archived: seeded.archived,
			progressEntries: seeded.progressEntries,
			events: seeded.events,
			ideas: seeded.ideas
		},
		seedSeconds: Math.round(performance.now() - seedStart) / 1000,
		db: { seeded: dbBytes(dbPath) }
	};
	say(
		`${size} actions: seeded in ${result.seedSeconds} s (${seeded.live.length} live, ${seeded.archived} archived, ` +
			`${seeded.progressEntries} progress entries, ${seeded.events} events, ${seeded.ideas} ideas)`
	);

	const cpuProfileDir = opts.profile ? join(TMP, 'profiles', String(size)) : undefined;
	if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
	const server = await startServer({
		appDir,
		dbPath,
		port,
		cpuProfileDir,
		nodeFlags: startFlags(ROOT)
	});
	const cpu = cpuWatch(server.pid);
	try {
		result.startupMs = Math.round(server.startupMs);
		const { base } = server;
		const cookie = await signIn(base, seeded.member.email, seeded.member.password);
		const model = new BoardModel(prng(size));
		const seen = await model.sync(base, seeded.boardId, cookie);
		if (seen !== seeded.live.length) {
			throw new Error(
				`GET /api/boards/${seeded.boardId} lists ${seen} actions, the seed made ${seeded.live.length}`
			);
		}
		// A run stops with requests still on the wire; the server may still commit some of them
		// (it commits writes that arrive together at the end of the event-loop turn). A short pause
		// lets them land before the bench reads the board again.
		const sync = async () => {
			await new Promise((resolve) => setTimeout(resolve, 250));
			return model.sync(base, seeded.boardId, cookie);
		};
		const writeHeaders = { cookie, 'content-type': 'application/json', accept: 'application/json' };

		// The server's peak memory after each phase: which load drives it.
		const peaks = { signIn: 0 };
		const notePeak = (phase) => {
			const m = server.memory();
			peaks[phase] = Math.max(m.hwm ?? 0, m.sampledPeak);
		};
		notePeak('signIn');
		if (phases.has('page')) {
			// The board as it opens (long cells show their first cards), then with every cell
			// opened — plain, and compressed as a browser asks for it.
			const shapes = [
				['page', 'board page', `/boards/${seeded.boardId}`, {}],
				['pageAll', 'board ?show=all', `/boards/${seeded.boardId}?show=all`, {}],
				[
					'pageAllGzip',
					'board ?show=all gzip',
					`/boards/${seeded.boardId}?show=all`,
					{ 'accept-encoding': 'gzip' }
				]
			];
			for (const [key, what, path, extra] of shapes) {
				const url = `${base}${path}`;
				const headers = { cookie, accept: 'text/html', ...extra };
				const page = await request(url, { headers });
				if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
				const encoding = page.headers['content-encoding'] ?? null;
				if (extra['accept-encoding'] && encoding !== 'gzip')
					say(`  warning: GET ${path} with accept-encoding: gzip came back uncompressed`);
				const raw = encoding === 'gzip' ? gunzipSync(page.body) : page.body;
				const html = raw.toString('utf8');
				result[key] = {
					htmlBytes: raw.length,
					wireBytes: page.body.length,
					encoding,
					cards: html.match(/data-action-id=/g)?.length ?? 0,
					...(await measure(what, { url, serverPid: server.pid, headers }))
				};
				say(`  ${(what + ':').padEnd(22)} ${brief(result[key].c1)} | ${briefTen(result[key].c10)}`);
			}
		}
		if (phases.has('page')) notePeak('page');
		if (phases.has('ideas')) {
			// Everyone's ideas as staff open them (newest first, the first page of the list), and
			// all of them as the API answers.
			const headers = { cookie, accept: 'text/html' };
			for (const [key, what, path, accept] of [
				['ideasPage', '/ideas page', '/ideas', 'text/html'],
				['ideasApi', 'GET /api/ideas', '/api/ideas', 'application/json']
			]) {
				const url = `${base}${path}`;
				const res = await request(url, { headers: { ...headers, accept } });
				if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
				result[key] = {
					bytes: res.body.length,
					...(await measure(what, { url, serverPid: server.pid, headers: { ...headers, accept } }))
				};
				say(`  ${(what + ':').padEnd(22)} ${brief(result[key].c1)} | ${briefTen(result[key].c10)}`);
			}
		}
		if (phases.has('ideas')) notePeak('ideas');
		if (phases.has('report')) {
			// The report of a period that holds every action of the board: the page as it renders
			// on screen, and its XLSX export (one at a time: a download is no crowd's request).
			const period = `from=2000-01-01&to=${new Date().toISOString().slice(0, 10)}`;
			for (const [key, what, path, accept, c10] of [
				[
					'reportPage',
					'/reports page',
					`/reports?board=${seeded.boardId}&${period}`,
					'text/html',
					true
				],
				[
					'reportXlsx',
					'report XLSX',
					`/api/boards/${seeded.boardId}/report?${period}&format=xlsx`,
					'*/*',
					false
				]
			]) {
				const url = `${base}${path}`;
				const headers = { cookie, accept };
				const res = await request(url, { headers });
				if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
				result[key] = {
					bytes: res.body.length,
					...(await measure(what, { url, serverPid: server.pid, headers }, { c10 }))
				};
				const ten = result[key].c10 ? ` | ${briefTen(result[key].c10)}` : '';
				say(`  ${(what + ':').padEnd(22)} ${brief(result[key].c1)}${ten}`);
			}
		}
		if (phases.has('report')) notePeak('report');
		if (phases.has('api')) {
			const url = `${base}/api/boards/${seeded.boardId}`;
			const res = await request(url, { headers: { cookie, accept: 'application/json' } });
			result.api = {
				jsonBytes: res.body.length,
				...(await measure('GET /api/boards/:id', {
					url,
					serverPid: server.pid,
					headers: { cookie, accept: 'application/json' }
				}))
			};
			say(`  board API:  ${brief(result.api.c1)} | ${briefTen(result.api.c10)}`);
		}
		if (phases.has('api')) notePeak('api');
		if (phases.has('move')) {
			const shape = {
				url: base,
				serverPid: server.pid,
				headers: writeHeaders,
				requests: moveRequests(model),
				after: sync
			};
			const runs = await measure('move', shape);
			const errors =
				model.failures.length +
				[runs.c1, runs.c10].reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
			result.move = { ...runs, errors, failures: model.failures.slice() };
			if (errors > 0) throw new Error(`moves failed: ${JSON.stringify(model.failures)}`);
			say(
				`  move:       ${brief(result.move.c1)} | ${briefTen(result.move.c10)}, errors ${errors}`
			);
		}
		if (phases.has('move')) notePeak('move');
		if (phases.has('progress')) {
			const shape = {
				url: base,
				serverPid: server.pid,
				headers: writeHeaders,
				requests: progressRequests(model),
				after: sync
			};
			result.progress = await measure('progress entry', shape, { c10: false });
			if (model.failures.length)
				throw new Error(`progress entries failed: ${JSON.stringify(model.failures)}`);
			say(`  progress:   ${brief(result.progress.c1)}`);
		}
		if (phases.has('progress')) notePeak('progress');
		if (phases.has('live')) {
			result.live = await measureFanOut({
				base,
				boardId: seeded.boardId,
				cookie,
				model,
				streams: TIMING.streams,
				moves: TIMING.liveMoves
			});
			if (result.live.failures.length)
				throw new Error(`moves during fan-out failed: ${JSON.stringify(result.live.failures)}`);
			if (result.live.missed)
				throw new Error(`${result.live.missed} events never reached their stream`);
			say(
				`  live:       ${result.live.arrivals} arrivals, after answer median ${result.live.afterAnswer.median} ms ` +
					`p99 ${result.live.afterAnswer.p99} ms; after send median ${result.live.afterSend.median} ms`
			);
		}
		if (phases.has('live')) notePeak('live');
		if (phases.has('assets') && !shared.assets) {
			const sizer = new AssetSizer(cookie);
			shared.assets = {};
			for (const route of ROUTES) {
				shared.assets[route] = await sizer.route(
					`${base}${route}`,
					route === '/login' ? '' : cookie
				);
			}
		}
		if (phases.has('assets')) notePeak('assets');
		result.cpu = cpu.stop();
		if (result.cpu && result.cpu.others > 0.25) {
			say(
				`  warning: other processes used ${result.cpu.others} cores meanwhile; these figures are disturbed — run again on a quiet machine`
			);
		}
		const memory = server.memory();
		result.memory = {
			afterStart: server.rssAfterStart,
			end: memory.rss,
			peak: Math.max(memory.hwm ?? 0, memory.sampledPeak),
			hwm: memory.hwm,
			sampledPeak: memory.sampledPeak,
			peakAfter: peaks
		};
		result.db.end = dbBytes(dbPath);
		say(
			`  memory peak ${(result.memory.peak / 1e6).toFixed(1)} MB (after ${Object.entries(peaks)
				.map(([phase, bytes]) => `${phase} ${(bytes / 1e6).toFixed(0)}`)
				.join(', ')}), database ${(result.db.end / 1e6).toFixed(1)} MB`
		);
	} catch (err) {
		console.error(`\nServer log (last lines):\n${server.log().split('\n').slice(-30).join('\n')}`);
		throw err;
	} finally {
		await server.stop();
		if (!opts.keep) removeDatabase(dbPath);
	}
	if (cpuProfileDir) {
		const newest = readdirSync(cpuProfileDir)
			.filter((f) => f.endsWith('.cpuprofile'))
			.map((f) => join(cpuProfileDir, f))
			.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
		if (newest) {
			say(`  CPU profile of the server: ${relative(ROOT, newest)}`);
			result.profile = summarizeProfile(newest, { root: ROOT, top: 30 });
			printProfile(result.profile);
		}
	}
	return result;
}

function git(...args) {
	const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

async function main() {
	mkdirSync(TMP, { recursive: true });
	let buildSeconds = null;
	if (opts['no-build']) {
		if (!existsSync(join(ROOT, 'build/handler.js')))
			throw new Error('--no-build, but build/ is missing');
		say('using the existing build/');
	} else {
		say('building (vite build) …');
		buildSeconds = Math.round(build(ROOT) * 10) / 10;
		say(`built in ${buildSeconds} s`);
	}
	const appDir = snapshot(ROOT, join(TMP, 'app'));
	const commit = git('rev-parse', '--short', 'HEAD');
	const dirty = Boolean(git('status', '--porcelain', '--', 'src', 'messages', 'static', 'drizzle'));

	const shared = {};
	const bySize = {};
	try {
		for (const size of sizes) bySize[size] = await benchSize(size, appDir, shared);
	} finally {
		// The copy of the build would otherwise be linted by `eslint .` (bench/tmp is not ignored there).
		if (!opts.keep) rmSync(appDir, { recursive: true, force: true });
	}

	const bars = judgeBars(bySize, shared.assets);
	const rows = tableRows(sizes, bySize);
	console.log(
		`\nDreiklang bench (${opts.quick ? 'quick' : 'full'}) — ${os.cpus()[0]?.model}, ${os.cpus().length} cores, Node ${process.version}\n`
	);
	printTable(rows);
	if (shared.assets) {
		console.log('\nWhat each route ships (each file gzipped at level 9, summed):');
		printAssets(shared.assets);
	}
	console.log('\nQuality bars (DESIGN.md):');
	printBars(bars);

	const results = {
		schema: 1,
		mode: opts.quick ? 'quick' : 'full',
		date: new Date().toISOString(),
		machine: {
			os: `${os.type()} ${os.release()}`,
			platform: process.platform,
			arch: process.arch,
			cpu: os.cpus()[0]?.model ?? 'unknown',
			cores: os.cpus().length,
			memoryGB: Math.round(os.totalmem() / 1e8) / 10,
			node: process.version
		},
		app: { commit, uncommittedChanges: dirty },
		settings: {
			...TIMING,
			sizes,
			phases: [...phases],
			buildSeconds,
			serverFlags: startFlags(ROOT),
			units: 'KB = 1,000 bytes, MB = 1,000,000 bytes'
		},
		sizes: bySize,
		assets: shared.assets ?? null,
		bars,
		table: rows
	};
	mkdirSync(resolve(outFile, '..'), { recursive: true });
	writeFileSync(outFile, JSON.stringify(results, null, '\t') + '\n');
	say(`results written to ${relative(ROOT, outFile)}; whole run ${elapsed()}`);
}

try {
	await main();
	process.exit(0);
} catch (err) {
	console.error(`\nThe bench failed: ${err.stack ?? err}`);
	process.exit(1);
}
