/**
 * The board as the browser shows it, as plain data and pure functions: which cards each cell
 * shows, how many actions each cell holds, and changes arriving from other people. What a drag
 * or a move does to them is in `board-drag.ts`, which the page loads with the drag library.
 * No framework, no network: the page's state holds a `Board` and replaces it with what these
 * functions return.
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

export function withCount(counts: CellCounts, key: string, delta: number): CellCounts {
	const c = counts[key];
	return { ...counts, [key]: { total: c.total + delta, matching: c.matching + delta } };
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
