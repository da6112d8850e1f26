// Killed in the middle of a burst of writes, the server loses none it acknowledged: after a
// restart on the same database every acknowledged creation, move and progress entry is there.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ownServerPort } from './demo';
import {
	firstBoardId,
	inconsistencies,
	integrity,
	memberClients,
	missingWrites,
	openReadOnly,
	removeDatabase,
	stateFile,
	Writers,
	type Cell
} from './durability';
import { startServer, type StartedServer } from './worker-server';

const CLIENTS = 10;
/** Acknowledged writes before the kill. */
const BURST = 150;

test('no acknowledged write is lost when the server process is killed', async () => {
	test.setTimeout(60_000);
	const file = stateFile('crash.db');
	removeDatabase(file);
	const titles = `Absturz ${Date.now().toString(36)}`;
	let server: StartedServer | undefined;
	let clients: APIRequestContext[] = [];
	try {
		server = await startServer('demo', file, ownServerPort(3));
		clients = await memberClients(server.server.url, CLIENTS);
		const boardId = await firstBoardId(clients[0]);
		const writers = new Writers(clients, boardId, titles);
		writers.start();
		await writers.acknowledged(BURST);
		await server.kill();
		server = undefined;
		await writers.ended();
		const acks = [...writers.acks];

		expect(writers.refused, 'answers other than 2xx before the kill').toEqual([]);
		expect(
			writers.unanswered.length,
			'writes under way when the server was killed'
		).toBeGreaterThan(0);

		// What each action looked like in its newest acknowledged answer.
		const newest = new Map<number, { version: number; cell: Cell }>();
		for (const ack of acks) {
			const cell = ack.kind === 'progress' ? newest.get(ack.actionId)!.cell : ack.cell;
			newest.set(ack.actionId, { version: ack.version, cell });
		}

		server = await startServer('empty', file, ownServerPort(3), { keepDatabase: true });
		const [reader] = await memberClients(server.server.url, 1);
		clients.push(reader);
		const problems: string[] = [];
		for (const [id, acknowledged] of newest) {
			const response = await reader.get(`/api/actions/${id}`);
			if (response.status() !== 200) {
				problems.push(`action ${id}: GET answered ${response.status()}`);
				continue;
			}
			const action = (await response.json()) as Cell & { version: number };
			if (action.version < acknowledged.version) {
				problems.push(
					`action ${id} is at version ${action.version}, ${acknowledged.version} was acknowledged`
				);
			} else if (
				action.version === acknowledged.version &&
				(action.dimension !== acknowledged.cell.dimension ||
					action.horizon !== acknowledged.cell.horizon)
			) {
				problems.push(
					`action ${id} is in ${action.dimension}/${action.horizon}, not where it was acknowledged`
				);
			}
		}
		expect(problems).toEqual([]);
		await server.stop();
		server = undefined;

		const db = openReadOnly(file);
		try {
			expect(integrity(db)).toEqual(['ok']);
			expect(missingWrites(db, acks)).toEqual([]);
			expect(inconsistencies(db, titles)).toEqual([]);
		} finally {
			db.close();
		}
	} finally {
		await Promise.all(clients.map((c) => c.dispose()));
		await server?.stop();
	}
});
