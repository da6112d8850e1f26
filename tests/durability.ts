// What the backup and crash tests share: ten clients writing through the JSON API and keeping
// every write the server acknowledged, the backup scripts run as an operator runs them, and
// checks of a database file against those acknowledgements.
import { request, type APIRequestContext, type APIResponse } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Action, Dimension, Horizon } from './api-helpers';
import { DEMO_PASSWORD, DEMO_USERS } from './demo';
import { STATE_DIR } from './worker-server';

const ROOT = resolve(import.meta.dirname, '..');

export interface Cell {
	dimension: Dimension;
	horizon: Horizon;
}

const CELLS: Cell[] = (['short', 'medium', 'long'] as const).flatMap((horizon) =>
	(['ecological', 'economic', 'social'] as const).map((dimension) => ({ dimension, horizon }))
);

/** A write the server answered with 2xx and its result. */
export type Ack =
	| { kind: 'create'; actionId: number; version: number; cell: Cell }
	| { kind: 'move'; actionId: number; version: number; cell: Cell }
	| { kind: 'progress'; actionId: number; version: number; entryId: number; progress: number };

/** A database file of this suite: `.e2e/<name>`. */
export function stateFile(name: string): string {
	return resolve(STATE_DIR, name);
}

/** Removes a database file with its companions and the databases an earlier restore kept. */
export function removeDatabase(file: string) {
	if (!existsSync(dirname(file))) return;
	const name = basename(file);
	for (const entry of readdirSync(dirname(file))) {
		if (
			entry === name ||
			entry.startsWith(`${name}-`) ||
			entry.startsWith(`${name}.before-restore-`)
		) {
			rmSync(resolve(dirname(file), entry), { force: true });
		}
	}
}

export interface ScriptRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs `scripts/<name>` with `node` as `npm run <name> -- …args` would, with `DATABASE_PATH`.
 * Asynchronous, so that the clients of the calling test keep writing while it runs.
 */
export function runScript(name: string, args: string[], databasePath: string): Promise<ScriptRun> {
	return new Promise((done, failed) => {
		const child = spawn(process.execPath, [`scripts/${name}`, ...args], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, DATABASE_PATH: databasePath }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.once('error', failed);
		child.once('close', (code) => done({ code, stdout, stderr }));
	});
}

/** `count` API clients of their own, all signed in as the demo member (one sign-in, shared). */
export async function memberClients(baseURL: string, count: number) {
	const first = await request.newContext({ baseURL });
	const response = await first.post('/login', {
		form: { email: DEMO_USERS.member.email, password: DEMO_PASSWORD },
		maxRedirects: 0
	});
	const storageState = await first.storageState();
	if (!storageState.cookies.some((c) => c.name === 'dreiklang_session')) {
		throw new Error(`Signing in answered ${response.status()} without a session cookie.`);
	}
	const others = await Promise.all(
		Array.from({ length: count - 1 }, () => request.newContext({ baseURL, storageState }))
	);
	return [first, ...others];
}

/**
 * Clients that each write in a loop — create an action, then twice: move it, log progress —
 * until stopped, and keep every write the server acknowledged, in the order of the answers.
 * A client stops at its first write without a 2xx answer.
 */
export class Writers {
	readonly acks: Ack[] = [];
	/** Answers other than the expected 2xx. */
	readonly refused: string[] = [];
	/** Requests that got no answer at all (the server went away). */
	readonly unanswered: string[] = [];
	private stopping = false;
	private running: Promise<void>[] = [];
	private active = 0;
	private waiters: (() => boolean)[] = [];

	constructor(
		private readonly clients: APIRequestContext[],
		private readonly boardId: number,
		private readonly titlePrefix: string
	) {}

	start() {
		this.active = this.clients.length;
		this.running = this.clients.map((client, i) => this.write(client, i));
	}

	/** Resolves once `count` writes are acknowledged; fails when every client has stopped before. */
	acknowledged(count: number): Promise<void> {
		return new Promise((resolve, reject) => {
			const check = () => {
				if (this.acks.length >= count) resolve();
				else if (this.active === 0) {
					const why = [...this.refused, ...this.unanswered].slice(0, 5).join('\n');
					reject(new Error(`The clients stopped after ${this.acks.length} writes:\n${why}`));
				} else return false;
				return true;
			};
			if (!check()) this.waiters.push(check);
		});
	}

	/** Lets every client finish the write it is in, then resolves. */
	async stop() {
		this.stopping = true;
		await Promise.all(this.running);
	}

	/** Resolves once every client has stopped (e.g. because the server is gone). */
	async ended() {
		await Promise.all(this.running);
	}

	private changed() {
		this.waiters = this.waiters.filter((check) => !check());
	}

	private ack(ack: Ack) {
		this.acks.push(ack);
		this.changed();
	}

	private async write(client: APIRequestContext, i: number) {
		try {
			for (let n = 0; !this.stopping; n++) {
				const created = await this.send<Action>(
					client,
					`/api/boards/${this.boardId}/actions`,
					{ title: `${this.titlePrefix} ${i}-${n}`, ...CELLS[(i + n) % CELLS.length] },
					201
				);
				if (!created) return;
				const id = created.id;
				this.ack({ kind: 'create', actionId: id, version: created.version, cell: cellOf(created) });
				let version = created.version;
				for (let step = 1; step <= 2 && !this.stopping; step++) {
					const to = CELLS[(i + n + 3 * step) % CELLS.length];
					const moved = await this.send<Action>(
						client,
						`/api/actions/${id}/move`,
						{ ...to, index: 0, version },
						200
					);
					if (!moved) return;
					this.ack({ kind: 'move', actionId: id, version: moved.version, cell: cellOf(moved) });
					version = moved.version;
					if (this.stopping) break;
					const progress = 40 * step;
					const logged = await this.send<{ entry: { id: number }; action: Action }>(
						client,
						`/api/actions/${id}/progress`,
						{ note: `Schritt ${step} von Client ${i}`, progress },
						201
					);
					if (!logged) return;
					version = logged.action.version;
					this.ack({ kind: 'progress', actionId: id, version, entryId: logged.entry.id, progress });
				}
			}
		} finally {
			this.active -= 1;
			this.changed();
		}
	}

	/** Sends one write; its result when the answer is `status`, null otherwise. */
	private async send<T>(
		client: APIRequestContext,
		url: string,
		data: object,
		status: number
	): Promise<T | null> {
		let response: APIResponse;
		let body: string;
		try {
			response = await client.post(url, { data });
			body = await response.text();
		} catch (error) {
			this.unanswered.push(`POST ${url}: ${(error as Error).message.split('\n')[0]}`);
			return null;
		}
		if (response.status() !== status) {
			this.refused.push(`POST ${url} answered ${response.status()}: ${body.slice(0, 300)}`);
			return null;
		}
		return JSON.parse(body) as T;
	}
}

function cellOf(action: Pick<Action, 'dimension' | 'horizon'>): Cell {
	return { dimension: action.dimension, horizon: action.horizon };
}

const sameCell = (a: Cell, b: Cell) => a.dimension === b.dimension && a.horizon === b.horizon;
const showCell = (c: Cell) => `${c.dimension}/${c.horizon}`;

/** Opens a database file read-only for a check. */
export function openReadOnly(file: string) {
	return new Database(file, { readonly: true, fileMustExist: true });
}

/** The findings of `PRAGMA integrity_check`: `['ok']` for a sound file. */
export function integrity(db: Database.Database): string[] {
	return db.prepare('PRAGMA integrity_check').pluck().all() as string[];
}

interface EventRow {
	type: string;
	version: number;
	dimension: Dimension | null;
	horizon: Horizon | null;
	progress: number | null;
}

/**
 * What is inconsistent about the actions whose title starts with `titlePrefix`: every change of
 * an action has exactly one history event (versions 1, 2, … up to the action's), its cell is the
 * one its last create or move event names, and its progress log matches its progress events
 * one by one, the last entry giving the action's progress.
 */
export function inconsistencies(db: Database.Database, titlePrefix: string): string[] {
	const problems: string[] = [];
	const actions = db
		.prepare(
			`select id, dimension, horizon, version, progress from actions
			 where substr(title, 1, length(?)) = ? order by id`
		)
		.all(titlePrefix, titlePrefix) as (Cell & { id: number; version: number; progress: number })[];
	const eventsOf = db.prepare(
		`select type, data ->> '$.version' as version,
			coalesce(data ->> '$.to.dimension', data ->> '$.dimension') as dimension,
			coalesce(data ->> '$.to.horizon', data ->> '$.horizon') as horizon,
			data ->> '$.progress' as progress
		 from events where action_id = ? order by id`
	);
	const entriesOf = db
		.prepare('select progress from progress_entries where action_id = ? order by id')
		.pluck();
	for (const action of actions) {
		const name = `action ${action.id} (version ${action.version})`;
		const events = eventsOf.all(action.id) as EventRow[];
		const versions = events.map((e) => e.version).join(',');
		const expected = Array.from({ length: action.version }, (_, i) => i + 1).join(',');
		if (versions !== expected) problems.push(`${name} has events of versions ${versions}`);
		if (events[0]?.type !== 'created') problems.push(`${name} has no creation event first`);
		const placed = events.filter((e) => e.type === 'created' || e.type === 'moved').at(-1);
		if (!placed || !sameCell(placed as Cell, action)) {
			problems.push(
				`${name} is in ${showCell(action)}, its events say ${placed && showCell(placed as Cell)}`
			);
		}
		const logged = events.filter((e) => e.type === 'progress').map((e) => e.progress);
		const entries = entriesOf.all(action.id) as number[];
		if (logged.join(',') !== entries.join(',')) {
			problems.push(`${name} has progress events ${logged} but progress entries ${entries}`);
		}
		if (action.progress !== (entries.at(-1) ?? 0)) {
			problems.push(`${name} has progress ${action.progress}, its log says ${entries.at(-1)}`);
		}
	}
	if (actions.length === 0) problems.push(`no action titled "${titlePrefix} …" at all`);
	return problems;
}

/**
 * The acknowledged writes that `db` lacks: an acknowledged creation needs the action, a move the
 * history event of its version with its target cell, a progress entry its row and its event —
 * and every action must be at least at the newest version acknowledged for it.
 */
export function missingWrites(db: Database.Database, acks: readonly Ack[]): string[] {
	const problems: string[] = [];
	const action = db.prepare('select version from actions where id = ?');
	const event = db.prepare(
		`select coalesce(data ->> '$.to.dimension', data ->> '$.dimension') as dimension,
			coalesce(data ->> '$.to.horizon', data ->> '$.horizon') as horizon
		 from events where action_id = ? and type = ? and data ->> '$.version' = ?`
	);
	const entry = db.prepare(
		'select action_id as actionId, progress from progress_entries where id = ?'
	);
	const newest = new Map<number, number>();
	for (const ack of acks) {
		newest.set(ack.actionId, Math.max(ack.version, newest.get(ack.actionId) ?? 0));
		const what = `the acknowledged ${ack.kind} of action ${ack.actionId} (version ${ack.version})`;
		const type = { create: 'created', move: 'moved', progress: 'progress' }[ack.kind];
		const recorded = event.get(ack.actionId, type, ack.version) as Cell | undefined;
		if (!recorded) problems.push(`${what} has no history event`);
		if (ack.kind !== 'progress' && recorded && !sameCell(recorded, ack.cell)) {
			problems.push(`${what} went to ${showCell(ack.cell)}, its event says ${showCell(recorded)}`);
		}
		if (ack.kind === 'progress') {
			const row = entry.get(ack.entryId) as { actionId: number; progress: number } | undefined;
			if (row?.actionId !== ack.actionId || row.progress !== ack.progress) {
				problems.push(`${what}: progress entry ${ack.entryId} is ${JSON.stringify(row ?? null)}`);
			}
		}
	}
	for (const [id, version] of newest) {
		const row = action.get(id) as { version: number } | undefined;
		if (!row) problems.push(`action ${id} is missing`);
		else if (row.version < version) {
			problems.push(
				`action ${id} is at version ${row.version}, version ${version} was acknowledged`
			);
		}
	}
	return problems;
}

/** Every row of every table, for comparing two database files. */
export function contents(db: Database.Database): Record<string, unknown[]> {
	const tables = db
		.prepare("select name from sqlite_master where type = 'table' order by name")
		.pluck()
		.all() as string[];
	return Object.fromEntries(
		tables.map((t) => [t, db.prepare(`select * from "${t}" order by rowid`).all()])
	);
}

/** The id of the first board the client may see (the demo has one). */
export async function firstBoardId(client: APIRequestContext): Promise<number> {
	const response = await client.get('/api/boards');
	if (!response.ok()) throw new Error(`GET /api/boards answered ${response.status()}.`);
	const boards = (await response.json()) as { id: number }[];
	return boards[0].id;
}
