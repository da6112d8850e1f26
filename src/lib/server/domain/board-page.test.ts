import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { createBoard } from './boards';
import { createAction } from './create-action';
import { updateAction } from './edit-action';
import {
	CARDS_PER_CELL,
	CARDS_PER_OPEN_CELL,
	boardPageJson,
	loadBoardPage as loadPacked
} from './board-page';
import { readFilters } from '../../board/filters';
import { unpackCards, type BoardCards } from '../../board/packed-cards';

/** The page's data as the board sees it: sent as JSON, then unpacked by its universal load. */
function loadBoardPage(...args: Parameters<typeof loadPacked>) {
	const page = JSON.parse(boardPageJson(loadPacked(...args))) as BoardCards;
	return { actions: unpackCards(page.cards), cells: page.cells };
}

async function setup() {
	const db = createTestDb();
	const user = await makeUser(db, { name: 'Anna' });
	const board = createBoard(db, { name: 'Strategie' });
	return { db, user, board };
}

const none = readFilters(new URLSearchParams());

describe('the board page', () => {
	it('shows the first cards of a long cell with their real places, and all of them when opened', async () => {
		const { db, user, board } = await setup();
		for (let i = 0; i < CARDS_PER_CELL + 5; i++) {
			createAction(db, user, board.id, { title: `T${i}`, dimension: 'social', horizon: 'long' });
		}
		createAction(db, user, board.id, { title: 'Eins', dimension: 'economic', horizon: 'short' });
		const page = loadBoardPage(db, board.id, { filters: none, userId: user.id, expanded: [] });
		const social = page.actions.filter((a) => a.dimension === 'social');
		expect(social).toHaveLength(CARDS_PER_CELL);
		expect(social.map((a) => a.position)).toEqual([...Array(CARDS_PER_CELL).keys()]);
		expect(page.cells['social:long']).toEqual({
			total: CARDS_PER_CELL + 5,
			matching: CARDS_PER_CELL + 5
		});
		expect(page.cells['economic:short']).toEqual({ total: 1, matching: 1 });
		expect(page.cells['ecological:medium']).toEqual({ total: 0, matching: 0 });

		const opened = loadBoardPage(db, board.id, {
			filters: none,
			userId: user.id,
			expanded: ['social:long']
		});
		expect(opened.actions.filter((a) => a.dimension === 'social')).toHaveLength(CARDS_PER_CELL + 5);
	});

	it('shows an opened cell up to its limit, with and without filters', async () => {
		const { db, user, board } = await setup();
		const many = CARDS_PER_OPEN_CELL + 3;
		for (let i = 0; i < many; i++) {
			createAction(db, user, board.id, { title: `T${i}`, dimension: 'social', horizon: 'long' });
		}
		for (const filters of [none, readFilters(new URLSearchParams('q=t'))]) {
			for (const expanded of [['social:long'], 'all' as const]) {
				const page = loadBoardPage(db, board.id, { filters, userId: user.id, expanded });
				expect(page.actions).toHaveLength(CARDS_PER_OPEN_CELL);
				expect(page.actions.at(-1)!.position).toBe(CARDS_PER_OPEN_CELL - 1);
				expect(page.cells['social:long']).toEqual({ total: many, matching: many });
			}
		}
	});

	it('filters by text (umlauts too), status, owner and "mine", keeping each card’s real place', async () => {
		const { db, user, board } = await setup();
		const ben = await makeUser(db, { name: 'Ben' });
		createAction(db, user, board.id, { title: 'Fahrräder', dimension: 'social', horizon: 'short' });
		const strom = createAction(db, user, board.id, {
			title: 'Ökostrom',
			dimension: 'social',
			horizon: 'short'
		});
		updateAction(db, user, strom.id, { owners: [ben.id], status: 'in_progress', version: 1 });

		const find = (query: string, userId = user.id) =>
			loadBoardPage(db, board.id, {
				filters: readFilters(new URLSearchParams(query)),
				userId,
				expanded: []
			});

		expect(find('q=ÖKO').actions.map((a) => [a.title, a.position])).toEqual([['Ökostrom', 1]]);
		expect(find('status=in_progress').actions.map((a) => a.title)).toEqual(['Ökostrom']);
		expect(find(`owner=${ben.id}`).actions[0].owners).toEqual([{ id: ben.id, name: 'Ben' }]);
		expect(find('mine=1', ben.id).actions.map((a) => a.title)).toEqual(['Ökostrom']);
		expect(find('mine=1').actions).toEqual([]);
		expect(find('q=fahr').cells['social:short']).toEqual({ total: 2, matching: 1 });
	});
});
