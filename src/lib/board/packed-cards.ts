import { CELLS, cellKey, type Status } from './cells';
import type { BoardAction } from './action-view';

/**
 * The board's cards as its page sends them: per cell one JSON text, and each owner's name once.
 *
 * SvelteKit serialises a page's data value by value for hydration; a thousand cards as objects
 * cost more to serialise than to render. As one text per cell the data costs next to nothing,
 * and the page's universal load turns it back into `BoardAction`s (on the server for rendering,
 * in the browser for hydration).
 */
export interface PackedCards {
	/** By cell key, the cell's shown cards in order, each a `PackedCard`, as JSON. */
	cells: Record<string, string>;
	/** Names of the people the cards name as owners, by user id. */
	names: Record<number, string>;
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
		const json = packed.cells[cellKey(cell)];
		if (!json) continue;
		const cards = JSON.parse(json) as PackedCard[];
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
