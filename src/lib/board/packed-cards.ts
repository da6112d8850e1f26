import { CELLS, cellKey, type Status } from './cells';
import type { BoardAction } from './action-view';

/**
 * The board's cards as the board page loads them (`GET /api/boards/:id/cards`): per cell the
 * shown cards as short arrays, and each owner's name once.
 *
 * The page's universal load fetches them. While the server renders the page, SvelteKit answers
 * that fetch in-process and puts its JSON text into the page as it is, and the browser's
 * hydration reads it back from there. Handed over as page data instead, SvelteKit would
 * serialise a thousand cards value by value (or a long text character by character), which cost
 * more than writing the cards.
 */
export interface PackedCards {
	/** By cell key, the cell's shown cards in order. */
	cells: Record<string, PackedCard[]>;
	/** Names of the people the cards name as owners, by user id. */
	names: Record<number, string>;
}

export interface CellCounts {
	/** Live actions in the cell. */
	total: number;
	/** Of those, how many match the filters. */
	matching: number;
}

/** What the board page loads besides its server data: the cards and each cell's counts. */
export interface BoardCards {
	cards: PackedCards;
	cells: Record<string, CellCounts>;
}

/** `[id, title, status, progress, dueDate, version, position, ownerIds]`; owners by name. */
export type PackedCard = [number, string, Status, number, string | null, number, number, number[]];

/** The cards in board order (cell by cell, by place in the cell), as the board shows them. */
export function unpackCards(packed: PackedCards): BoardAction[] {
	const owners = new Map<number, { id: number; name: string }>();
	const owner = (id: number) => {
		let o = owners.get(id);
		if (!o) owners.set(id, (o = { id, name: packed.names[id] ?? '' }));
		return o;
	};
	const actions: BoardAction[] = [];
	for (const cell of CELLS) {
		const cards = packed.cells[cellKey(cell)];
		if (!cards) continue;
		for (let index = 0; index < cards.length; index++) {
			const [id, title, status, progress, dueDate, version, position, ownerIds] = cards[index];
			actions.push({
				id,
				title,
				dimension: cell.dimension,
				horizon: cell.horizon,
				position: position ?? index,
				status,
				progress,
				owners: ownerIds.map(owner),
				dueDate,
				version
			});
		}
	}
	return actions;
}
