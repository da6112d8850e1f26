/**
 * What a drag gesture or "Move to…" does to the board, as pure functions: the card shown where it
 * is dropped before the server has saved it, put back when saving fails, and the saved version
 * taken over. The page loads this with the drag library (`lazy-dndzone.ts`), after the board is
 * shown: nobody can drag before then.
 */
import { cellKey, type Cell } from './cells';
import {
	cellOf,
	findCard,
	withCount,
	type Board,
	type CardItem,
	type Cells,
	type Drag,
	type DragResult,
	type DragStep,
	type Move
} from './board-model';

/** Values of the drag library's event info that the model reads. */
const TRIGGER = {
	dragStarted: 'dragStarted',
	dragStopped: 'dragStopped',
	droppedIntoZone: 'droppedIntoZone',
	droppedIntoAnother: 'droppedIntoAnother'
} as const;

/**
 * Puts `card` at `index` of the cell `toKey`, taking it (and any drag placeholder of it) out of
 * every cell first. `fromKey` is the cell whose count still includes the card; the counts follow
 * when it changes cell. A cell that shows only its first cards shows the card only if it lands
 * among them (right after the last one shown counts as among them).
 */
export function relocate(
	board: Board,
	card: CardItem,
	fromKey: string,
	toKey: string,
	index: number
): Board {
	const cells: Cells = { ...board.cells };
	for (const [key, items] of Object.entries(cells)) {
		if (items.some((i) => i.id === card.id || i.isDndShadowItem)) {
			cells[key] = items.filter((i) => i.id !== card.id && !i.isDndShadowItem);
		}
	}
	const target = [...cells[toKey]];
	const shownBefore = board.counts[toKey].matching - (fromKey === toKey ? 1 : 0);
	const showsAll = target.length >= shownBefore;
	if (showsAll || index <= target.length) {
		target.splice(Math.max(0, Math.min(index, target.length)), 0, { ...card, ...cellOf(toKey) });
		cells[toKey] = target;
	}
	let counts = board.counts;
	if (fromKey !== toKey) counts = withCount(withCount(counts, fromKey, -1), toKey, 1);
	return { cells, counts };
}

/**
 * "Move to…": the action shown at `index` of `cell` at once (past the end means last). The
 * returned move is to be saved, and taken back with `revertMove` if saving fails.
 */
export function moveCard(
	board: Board,
	id: number,
	cell: Cell,
	index: number
): { board: Board; move: Move } | undefined {
	const found = findCard(board.cells, id);
	if (!found) return;
	const from = found.place;
	return {
		board: relocate(board, found.card, from.key, cellKey(cell), index),
		move: { card: found.card, from, to: cell, index }
	};
}

/** A move that could not be saved: the card goes back to where it was, as it was. */
export function revertMove(board: Board, move: Move): Board {
	return relocate(board, move.card, cellKey(move.to), move.from.key, move.from.index);
}

export type Saved = Pick<CardItem, 'id' | 'version' | 'position'>;

/** The saved action replaces the card's version and position; it keeps its place on the board. */
export function replaceSaved(board: Board, saved: Saved): Board {
	const found = findCard(board.cells, saved.id);
	if (!found) return board;
	const { key, index } = found.place;
	const items = [...board.cells[key]];
	items[index] = { ...items[index], version: saved.version, position: saved.position };
	return { ...board, cells: { ...board.cells, [key]: items } };
}

/** A save that arrives while its card is dragged again: the drop must carry the new version. */
export function replaceSavedInDrag(drag: Drag | null, saved: Saved): Drag | null {
	if (!drag || drag.id !== saved.id) return drag;
	return { ...drag, card: { ...drag.card, version: saved.version, position: saved.position } };
}

const sourceOf = (step: DragStep): Drag['source'] =>
	step.source === 'keyboard' ? 'keyboard' : 'pointer';

/** A drop at `key`/`index` ends the drag: saved if it moved, refused while filtering. */
function drop(
	board: Board,
	drag: Drag,
	key: string,
	index: number,
	filtering: boolean
): Omit<DragResult, 'drag' | 'over'> {
	if (index < 0 || (key === drag.from.key && index === drag.from.index)) {
		return { board: relocate(board, drag.card, drag.from.key, drag.from.key, drag.from.index) };
	}
	if (filtering) {
		return {
			board: relocate(board, drag.card, drag.from.key, drag.from.key, drag.from.index),
			refused: { reason: 'filtered', card: drag.card }
		};
	}
	const to = cellOf(key);
	return {
		board: relocate(board, drag.card, drag.from.key, key, index),
		move: { card: drag.card, from: drag.from, to, index }
	};
}

/** The board with one cell showing `items` (what the drag library reports for it). */
const showing = (board: Board, key: string, items: CardItem[]): Board => ({
	...board,
	cells: { ...board.cells, [key]: items }
});

/**
 * While dragging, the drag library proposes what a cell shows (with a placeholder where the card
 * would land). A keyboard drag passes through cells on its way and is dropped here, where it ends.
 */
export function consider(
	board: Board,
	drag: Drag | null,
	key: string,
	items: CardItem[],
	step: DragStep,
	filtering = false
): DragResult {
	const shown = showing(board, key, items);
	if (step.trigger === TRIGGER.dragStarted) {
		const id = Number(step.id);
		const found = findCard(board.cells, id);
		if (!found) return { board: shown, drag, over: false };
		return {
			board: shown,
			drag: { id, source: sourceOf(step), card: found.card, from: found.place },
			over: false
		};
	}
	if (step.trigger === TRIGGER.dragStopped && step.source === 'keyboard') {
		if (!drag) return { board: shown, drag: null, over: true };
		const index = items.findIndex((i) => i.id === drag.id);
		return { ...drop(shown, drag, key, index, filtering), drag: null, over: true };
	}
	return { board: shown, drag, over: false };
}

/**
 * The drag library reports a cell's final cards. A pointer drop is settled by the cell it landed
 * in (reported first); the origin cell's report after it only confirms that the card left.
 */
export function finalize(
	board: Board,
	drag: Drag | null,
	key: string,
	items: CardItem[],
	step: DragStep,
	filtering = false
): DragResult {
	const shown = showing(board, key, items);
	// A keyboard drag reports every step; it is settled when it stops (see `consider`).
	if (step.source === 'keyboard') return { board: shown, drag, over: false };
	if (!drag) return { board: shown, drag: null, over: true };
	if (step.trigger === TRIGGER.droppedIntoAnother && drag.landed) {
		return { board, drag: null, over: true };
	}
	if (step.trigger === TRIGGER.droppedIntoZone) {
		const index = items.findIndex((i) => i.id === drag.id);
		const result = drop(shown, drag, key, index, filtering);
		const landedElsewhere = key !== drag.from.key;
		return {
			...result,
			drag: landedElsewhere ? { ...drag, landed: true } : null,
			over: !landedElsewhere
		};
	}
	// Dropped outside every cell: the library has put the card back where it started.
	return {
		board: relocate(shown, drag.card, drag.from.key, drag.from.key, drag.from.index),
		drag: null,
		over: true
	};
}
