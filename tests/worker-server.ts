// One app server per Playwright worker, each on its own database, so tests of one worker never
// see what another worker's tests add, move or archive at the same time.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DEMO_PASSWORD, workerPort, type ServerKind } from './demo';

const ROOT = resolve(import.meta.dirname, '..');
/** Where the suite keeps its databases and pid files. */
export const STATE_DIR = resolve(ROOT, '.e2e');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
/** The last lines a server printed, for the error when it does not come up. */
const OUTPUT_LINES = 60;

export interface WorkerServer {
	kind: ServerKind;
	url: string;
	port: number;
	databasePath: string;
	/** The last lines the server printed (e.g. the setup code of an empty database). */
	output: () => string;
}

/**
 * The command of each kind: the demo seeds a fresh database with the demo users and board 1
 * (it removes the old file itself); the empty one starts on a database that does not exist yet,
 * which leads every page to /setup.
 */
const SCRIPTS: Record<ServerKind, string> = {
	demo: 'scripts/demo.ts',
	empty: 'scripts/start.js'
};

/**
 * True while `pid` is one of the servers this suite starts from this checkout: pids are reused,
 * and other checkouts on the machine run the same scripts.
 */
function isOurServer(pid: number): boolean {
	try {
		const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		return (
			readlinkSync(`/proc/${pid}/cwd`) === ROOT &&
			Object.values(SCRIPTS).some((script) => cmdline.includes(script))
		);
	} catch {
		return false;
	}
}

function killGroup(pid: number, signal: NodeJS.Signals) {
	try {
		process.kill(-pid, signal);
	} catch {
		// the group is gone already
	}
}

/**
 * A run that was interrupted (Ctrl-C, a killed worker) can leave its server behind on the port
 * this worker needs; the pid file names it, so exactly that one is ended.
 */
async function endLeftover(pidFile: string) {
	if (!existsSync(pidFile)) return;
	const pid = Number(readFileSync(pidFile, 'utf8'));
	rmSync(pidFile, { force: true });
	if (!Number.isInteger(pid) || pid <= 0 || !isOurServer(pid)) return;
	killGroup(pid, 'SIGTERM');
	const deadline = Date.now() + STOP_TIMEOUT_MS;
	while (isOurServer(pid) && Date.now() < deadline) {
		await new Promise((done) => setTimeout(done, 50));
	}
	if (isOurServer(pid)) killGroup(pid, 'SIGKILL');
}

/** Polls `/health` until it answers 200; fails early when the server process ends. */
async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string) {
	const deadline = Date.now() + START_TIMEOUT_MS;
	let exited: string | undefined;
	child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
	let lastProblem = 'no answer yet';
	while (Date.now() < deadline) {
		if (exited) break;
		try {
			const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
			if (response.status === 200) return;
			lastProblem = `/health answered ${response.status}`;
		} catch (error) {
			lastProblem = (error as Error).cause ? String((error as Error).cause) : String(error);
		}
		await new Promise((done) => setTimeout(done, 100));
	}
	throw new Error(
		`The test server at ${url} did not come up: ${exited ?? `${lastProblem} after ${START_TIMEOUT_MS / 1000} s`}.\n` +
			`Its output:\n${output() || '(nothing)'}`
	);
}

/**
 * Starts the built app (`npx vite build` first) for worker slot `slot` on a fresh database and
 * resolves once `/health` answers. `stop` ends the server with all its child processes.
 */
export async function startWorkerServer(
	kind: ServerKind,
	slot: number
): Promise<{ server: WorkerServer; stop: () => Promise<void> }> {
	mkdirSync(STATE_DIR, { recursive: true });
	const { server, stop } = await startServer(
		kind,
		resolve(STATE_DIR, `${kind}-worker-${slot}.db`),
		workerPort(kind, slot)
	);
	return { server, stop };
}

export interface StartedServer {
	server: WorkerServer;
	/** Ends the server with all its child processes: SIGTERM, SIGKILL when it does not end in time. */
	stop: () => Promise<void>;
	/** Kills the server's whole process group with SIGKILL at once, as a crash would. */
	kill: () => Promise<void>;
}

/**
 * Starts the built app of a kind on the database at `databasePath` (`.e2e/<name>.db`, whose
 * `<name>.pid` names the server until it ends) and `port`, and resolves once `/health` answers.
 * The database starts fresh unless `keepDatabase` is set; `empty` (scripts/start.js) then
 * serves the database that is there, applying pending migrations. `env` adds to the server's
 * environment (e.g. `SMTP_URL`).
 */
export async function startServer(
	kind: ServerKind,
	databasePath: string,
	port: number,
	{ keepDatabase = false, env = {} }: { keepDatabase?: boolean; env?: NodeJS.ProcessEnv } = {}
): Promise<StartedServer> {
	mkdirSync(dirname(databasePath), { recursive: true });
	const name = basename(databasePath, '.db');
	const pidFile = resolve(dirname(databasePath), `${name}.pid`);
	const url = `http://127.0.0.1:${port}`;

	await endLeftover(pidFile);
	// demo.ts refuses to overwrite a file it did not make; a fresh start owes nothing to the last one.
	if (!keepDatabase) {
		for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
	}

	const child = spawn(process.execPath, ['--import', 'tsx', SCRIPTS[kind]], {
		cwd: ROOT,
		// Its own process group, so that stopping it reaches every process it started.
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			DATABASE_PATH: databasePath,
			PORT: String(port),
			HOST: '127.0.0.1',
			DEMO_PASSWORD,
			NODE_ENV: 'production',
			...env
		}
	});
	if (child.pid === undefined) throw new Error(`Could not start ${SCRIPTS[kind]} for ${name}.`);
	const pid = child.pid;
	writeFileSync(pidFile, String(pid));

	const lines: string[] = [];
	const collect = (chunk: Buffer) => {
		lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
		lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES));
	};
	child.stdout!.on('data', collect);
	child.stderr!.on('data', collect);
	const exited = new Promise<void>((done) => {
		if (child.exitCode !== null || child.signalCode !== null) done();
		else child.once('exit', () => done());
	});

	const kill = async () => {
		killGroup(pid, 'SIGKILL');
		await exited;
		rmSync(pidFile, { force: true });
	};
	const stop = async () => {
		killGroup(pid, 'SIGTERM');
		const timedOut = await Promise.race([
			exited.then(() => false),
			new Promise<boolean>((done) => setTimeout(() => done(true), STOP_TIMEOUT_MS).unref())
		]);
		if (timedOut) {
			killGroup(pid, 'SIGKILL');
			await exited;
		}
		rmSync(pidFile, { force: true });
	};

	try {
		await waitUntilHealthy(url, child, () => lines.join('\n'));
	} catch (error) {
		await stop();
		throw error;
	}
	const output = () => lines.join('\n');
	return { server: { kind, url, port, databasePath, output }, stop, kill };
}
