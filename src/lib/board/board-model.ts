/**
 * The board as the browser shows it, as plain data and pure functions: which cards each cell
 * shows, how many actions each cell holds, what a drag gesture does to them, a move shown before
 * the server has saved it, and changes arriving from other people. No framework, no network:
 * the page's state holds a `Board` and replaces it with what these functions return.
 */
import { CELLS, cellKey, type Cell } from './cells';
import type { ActionView, BoardAction } from './action-view';

/** What a card knows about its action (plus the drag library's placeholder flag). */
export type CardItem = BoardAction & { isDndShadowItem?: boolean };

/** The cards each cell shows, by cell key; a long cell may show only its first cards. */
export type Cells = Record<string, CardItem[]>;

/** How many actions each cell holds (`total`) and how many of them match the filters. */
export type CellCounts = Record<string, { total: number; matching: number }>;

export interface Board {
	cells: Cells;
	counts: CellCounts;
}

/** A place on the board: a cell and a 0-based index in the cards it shows. */
export interface Place {
	key: string;
	index: number;
}

/** A move shown at once and still to be saved; `card` is the action as it was before. */
export interface Move {
	card: CardItem;
	from: Place;
	to: Cell;
	index: number;
}

/** A change on a board, as the live stream sends it (see `$lib/live/board-stream`). */
export interface Change {
	type: string;
	action?: ActionView;
}

/** The drag library's description of a step of a gesture (its `DndEventInfo`). */
export interface DragStep {
	trigger: string;
	id: number | string;
	source: string;
}

/** A card being dragged, from where, with which input. */
export interface Drag {
	id: number;
	source: 'pointer' | 'keyboard';
	card: CardItem;
	from: Place;
	/** A pointer drop was settled in another cell; the origin cell's own report is still to come. */
	landed?: boolean;
}

/** Why a drop is not saved. */
export type Refusal = 'filtered';

/** What a step of a drag gesture leads to. */
export interface DragResult {
	board: Board;
	drag: Drag | null;
	/** The drop ended somewhere new: show it (done in `board`) and save it. */
	move?: Move;
	/** The drop is not saved, and why; `board` shows the card back in its place. */
	refused?: { reason: Refusal; card: CardItem };
	/** The gesture is over: changes that waited for it can be applied now. */
	over: boolean;
}

/** What a live change leads to. */
export interface ChangeResult {
	board: Board;
	/** A card to highlight briefly (someone else changed it). */
	highlight?: number;
	/** The board cannot follow this change by itself: load it from the server anew. */
	reload?: boolean;
}

/** Values of the drag library's event info that the model reads. */
const TRIGGER = {
	dragStarted: 'dragStarted',
	dragStopped: 'dragStopped',
	droppedIntoZone: 'droppedIntoZone',
	droppedIntoAnother: 'droppedIntoAnother'
} as const;

export const cellOf = (key: string): Cell => {
	const [dimension, horizon] = key.split(':') as [Cell['dimension'], Cell['horizon']];
	return { dimension, horizon };
};

export const toCard = (a: ActionView | CardItem): CardItem => ({
	id: a.id,
	title: a.title,
	dimension: a.dimension,
	horizon: a.horizon,
	position: a.position,
	status: a.status,
	progress: a.progress,
	owners: a.owners,
	dueDate: a.dueDate,
	version: a.version
});

/** The cards of a board page, cell by cell in their order (every cell present, maybe empty). */
export function groupCells(actions: readonly CardItem[]): Cells {
	const cells: Cells = Object.fromEntries(CELLS.map((c) => [cellKey(c), []]));
	for (const a of actions) cells[cellKey(a)].push(a);
	return cells;
}

/** The card with this id and where it is shown, if it is. */
export function findCard(cells: Cells, id: number): { card: CardItem; place: Place } | undefined {
	for (const [key, items] of Object.entries(cells)) {
		const index = items.findIndex((i) => i.id === id && !i.isDndShadowItem);
		if (index >= 0) return { card: items[index], place: { key, index } };
	}
}

function withCount(counts: CellCounts, key: string, delta: number): CellCounts {
	const c = counts[key];
	return { ...counts, [key]: { total: c.total + delta, matching: c.matching + delta } };
}

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

/**
 * A change someone made (or our own coming back): the board follows it in place where it can.
 * An action beyond what a long cell shows leaves the counts unsure; then the server decides.
 */
export function receive(board: Board, change: Change): ChangeResult {
	if (change.type === 'frame_changed') return { board, reload: true };
	const action = change.action;
	if (!action) return { board };
	const local = findCard(board.cells, action.id);
	// Already shown (our own change coming back, or an older event): nothing to do.
	if (local && local.card.version >= action.version) return { board };
	let cells = board.cells;
	let counts = board.counts;
	if (local) {
		cells = {
			...cells,
			[local.place.key]: cells[local.place.key].filter((i) => i.id !== action.id)
		};
		counts = withCount(counts, local.place.key, -1);
	} else if (change.type !== 'created' && change.type !== 'restored') {
		return { board, reload: true };
	}
	if (!action.archived) {
		const key = cellKey(action);
		const list = cells[key];
		const showsAll = list.length >= counts[key].matching;
		if (showsAll || action.position <= list.length) {
			const next = [...list];
			next.splice(Math.min(action.position, next.length), 0, toCard(action));
			cells = { ...cells, [key]: next };
		}
		counts = withCount(counts, key, 1);
	}
	return { board: { cells, counts }, highlight: action.id };
}

/** Where the drag placeholder is in a cell's cards (-1: not in this cell). */
export const placeholderIndex = (items: readonly CardItem[]) =>
	items.findIndex((i) => i.isDndShadowItem);
