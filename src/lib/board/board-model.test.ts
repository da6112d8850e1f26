import { describe, expect, it } from 'vitest';
import {
	groupCells,
	placeholderIndex,
	receive,
	type Board,
	type CardItem,
	type Drag,
	type DragStep
} from './board-model';
import {
	consider,
	finalize,
	moveCard,
	relocate,
	replaceSaved,
	replaceSavedInDrag,
	revertMove
} from './board-drag';
import { CELLS, cellKey, type Cell } from './cells';
import type { ActionView } from './action-view';

const EC_SHORT: Cell = { dimension: 'ecological', horizon: 'short' };
const EC_MID: Cell = { dimension: 'ecological', horizon: 'medium' };
const SO_LONG: Cell = { dimension: 'social', horizon: 'long' };
const A = cellKey(EC_SHORT);
const B = cellKey(EC_MID);
const C = cellKey(SO_LONG);

function card(id: number, cell: Cell, position = 0, version = 1): CardItem {
	return {
		id,
		title: `Maßnahme ${id}`,
		...cell,
		position,
		status: 'planned',
		progress: 0,
		owners: [],
		dueDate: null,
		version
	};
}

/** A board whose cells show these cards; `totals` sets cells that hold more than they show. */
function board(cards: CardItem[], totals: Record<string, number> = {}): Board {
	const cells = groupCells(cards);
	const counts = Object.fromEntries(
		CELLS.map((c) => {
			const key = cellKey(c);
			const total = totals[key] ?? cells[key].length;
			return [key, { total, matching: total }];
		})
	);
	return { cells, counts };
}

const ids = (b: Board, key: string) => b.cells[key].map((i) => i.id);
const shadowOf = (c: CardItem): CardItem => ({
	...c,
	id: 'id:dnd-shadow-placeholder-0000' as unknown as number,
	isDndShadowItem: true
});
const pointer = (trigger: string, id: number): DragStep => ({ trigger, id, source: 'pointer' });
const keyboard = (trigger: string, id: number): DragStep => ({ trigger, id, source: 'keyboard' });

function view(c: CardItem, extra: Partial<ActionView> = {}): ActionView {
	return {
		...c,
		boardId: 1,
		description: '',
		startDate: null,
		createdAt: '',
		updatedAt: '',
		archived: false,
		...extra
	};
}

describe('groupCells', () => {
	it('puts every card into its cell, in order, and lists all nine cells', () => {
		const cells = groupCells([card(1, EC_SHORT), card(2, SO_LONG), card(3, EC_SHORT)]);
		expect(Object.keys(cells)).toHaveLength(9);
		expect(cells[A].map((i) => i.id)).toEqual([1, 3]);
		expect(cells[C].map((i) => i.id)).toEqual([2]);
		expect(cells[B]).toEqual([]);
	});
});

describe('moveCard ("Move to…")', () => {
	const start = board([card(1, EC_SHORT), card(2, EC_SHORT), card(3, EC_MID), card(4, EC_MID)]);

	it('moves a card into another cell at the chosen place and keeps the counts right', () => {
		const result = moveCard(start, 1, EC_MID, 1)!;
		expect(ids(result.board, A)).toEqual([2]);
		expect(ids(result.board, B)).toEqual([3, 1, 4]);
		expect(result.board.cells[B][1]).toMatchObject({ dimension: 'ecological', horizon: 'medium' });
		expect(result.board.counts[A]).toEqual({ total: 1, matching: 1 });
		expect(result.board.counts[B]).toEqual({ total: 3, matching: 3 });
		expect(result.move).toMatchObject({ from: { key: A, index: 0 }, to: EC_MID, index: 1 });
		expect(result.move.card.horizon).toBe('short');
	});

	it('reorders within a cell, the index counting without the card itself', () => {
		const result = moveCard(start, 1, EC_SHORT, 1)!;
		expect(ids(result.board, A)).toEqual([2, 1]);
		expect(result.board.counts).toEqual(start.counts);
	});

	it('places a card last when the index is past the end', () => {
		expect(ids(moveCard(start, 1, EC_MID, 100000)!.board, B)).toEqual([3, 4, 1]);
	});

	it('leaves the board alone for a card it does not show', () => {
		expect(moveCard(start, 99, EC_MID, 0)).toBeUndefined();
	});

	it('does not change the original board', () => {
		const copy = structuredClone(start);
		moveCard(start, 1, EC_MID, 0);
		expect(start).toEqual(copy);
	});

	describe('a cell that shows only its first cards', () => {
		// The middle cell holds 10 actions and shows the first 2.
		const capped = board([card(1, EC_SHORT), card(3, EC_MID), card(4, EC_MID)], { [B]: 10 });

		it('shows the card when it lands among the shown ones', () => {
			const result = moveCard(capped, 1, EC_MID, 0)!;
			expect(ids(result.board, B)).toEqual([1, 3, 4]);
			expect(result.board.counts[B].total).toBe(11);
		});

		it('shows the card right after the last shown one', () => {
			expect(ids(moveCard(capped, 1, EC_MID, 2)!.board, B)).toEqual([3, 4, 1]);
		});

		it('does not show a card that lands beyond them, but counts it', () => {
			const result = moveCard(capped, 1, EC_MID, 100000)!;
			expect(ids(result.board, B)).toEqual([3, 4]);
			expect(ids(result.board, A)).toEqual([]);
			expect(result.board.counts[B].total).toBe(11);
			expect(result.board.counts[A].total).toBe(0);
		});
	});
});

describe('revertMove', () => {
	it('puts the card back where it was, as it was, with the counts of before', () => {
		const start = board([card(1, EC_SHORT), card(2, EC_SHORT), card(3, EC_MID)]);
		const { board: moved, move } = moveCard(start, 2, EC_MID, 0)!;
		expect(revertMove(moved, move)).toEqual(start);
	});

	it('brings back a card that landed out of sight in a long cell', () => {
		const start = board([card(1, EC_SHORT), card(3, EC_MID)], { [B]: 20 });
		const { board: moved, move } = moveCard(start, 1, EC_MID, 100000)!;
		expect(revertMove(moved, move)).toEqual(start);
	});

	it('keeps moves of other cards made meanwhile', () => {
		const start = board([card(1, EC_SHORT), card(2, EC_SHORT), card(3, EC_MID)]);
		const first = moveCard(start, 1, EC_MID, 0)!;
		const second = moveCard(first.board, 2, SO_LONG, 0)!;
		const back = revertMove(second.board, first.move);
		expect(ids(back, A)).toEqual([1]);
		expect(ids(back, C)).toEqual([2]);
		expect(ids(back, B)).toEqual([3]);
		expect(back.counts[A].total + back.counts[B].total + back.counts[C].total).toBe(3);
	});
});

describe('replaceSaved', () => {
	it('takes the saved version and position and keeps the card where it is shown', () => {
		const start = board([card(1, EC_SHORT, 0, 1), card(2, EC_SHORT, 1, 4)]);
		const next = replaceSaved(start, { id: 2, version: 5, position: 0 });
		expect(next.cells[A][1]).toMatchObject({ id: 2, version: 5, position: 0 });
		expect(ids(next, A)).toEqual([1, 2]);
		expect(next.cells[A][0]).toBe(start.cells[A][0]);
	});

	it('ignores a card the board does not show', () => {
		const start = board([card(1, EC_SHORT)]);
		expect(replaceSaved(start, { id: 9, version: 2, position: 0 })).toBe(start);
	});

	it('updates the card of a drag in progress', () => {
		const drag: Drag = {
			id: 1,
			source: 'pointer',
			card: card(1, EC_SHORT),
			from: { key: A, index: 0 }
		};
		expect(replaceSavedInDrag(drag, { id: 1, version: 7, position: 3 })!.card.version).toBe(7);
		expect(replaceSavedInDrag(drag, { id: 2, version: 7, position: 3 })).toBe(drag);
		expect(replaceSavedInDrag(null, { id: 1, version: 7, position: 3 })).toBeNull();
	});
});

describe('a pointer drag', () => {
	const c1 = card(1, EC_SHORT);
	const c2 = card(2, EC_SHORT);
	const c3 = card(3, EC_MID);
	const start = board([c1, c2, c3]);

	/** The library's reports for picking up card 1 and dropping it at `index` of the middle cell. */
	function dragIntoMiddle(index: number, filtering = false) {
		const started = consider(start, null, A, [shadowOf(c1), c2], pointer('dragStarted', 1));
		const target = [c3];
		target.splice(index, 0, shadowOf(c1));
		const left = consider(started.board, started.drag, A, [c2], pointer('dragEnteredAnother', 1));
		const entered = consider(left.board, left.drag, B, target, pointer('draggedEntered', 1));
		const landed = finalize(
			entered.board,
			entered.drag,
			B,
			target.map((i) => (i.isDndShadowItem ? c1 : i)),
			pointer('droppedIntoZone', 1),
			filtering
		);
		const done = finalize(landed.board, landed.drag, A, [c2], pointer('droppedIntoAnother', 1));
		return { started, entered, landed, done };
	}

	it('remembers the card and where it started', () => {
		const { started } = dragIntoMiddle(0);
		expect(started.drag).toEqual({
			id: 1,
			source: 'pointer',
			card: c1,
			from: { key: A, index: 0 }
		});
		expect(started.over).toBe(false);
		expect(placeholderIndex(started.board.cells[A])).toBe(0);
	});

	it('shows the placeholder where the card would land', () => {
		const { entered } = dragIntoMiddle(1);
		expect(placeholderIndex(entered.board.cells[B])).toBe(1);
		expect(placeholderIndex(entered.board.cells[A])).toBe(-1);
	});

	it('is saved once, by the cell it lands in, with the counts following', () => {
		const { landed, done } = dragIntoMiddle(1);
		expect(landed.move).toEqual({ card: c1, from: { key: A, index: 0 }, to: EC_MID, index: 1 });
		expect(landed.over).toBe(false);
		expect(done.move).toBeUndefined();
		expect(done.over).toBe(true);
		expect(done.drag).toBeNull();
		expect(ids(done.board, A)).toEqual([2]);
		expect(ids(done.board, B)).toEqual([3, 1]);
		expect(done.board.cells[B][1].horizon).toBe('medium');
		expect(done.board.counts[A].total).toBe(1);
		expect(done.board.counts[B].total).toBe(2);
	});

	it('lands first or last in a cell', () => {
		expect(ids(dragIntoMiddle(0).done.board, B)).toEqual([1, 3]);
		expect(ids(dragIntoMiddle(1).done.board, B)).toEqual([3, 1]);
	});

	it('is refused while the board is filtered: the card goes back and says why', () => {
		const { landed, done } = dragIntoMiddle(0, true);
		expect(landed.refused).toEqual({ reason: 'filtered', card: c1 });
		expect(landed.move).toBeUndefined();
		expect(done.board).toEqual(start);
		expect(done.over).toBe(true);
	});

	it('into an empty cell', () => {
		const started = consider(start, null, A, [shadowOf(c1), c2], pointer('dragStarted', 1));
		const landed = finalize(started.board, started.drag, C, [c1], pointer('droppedIntoZone', 1));
		expect(landed.move).toMatchObject({ to: SO_LONG, index: 0 });
		const done = finalize(landed.board, landed.drag, A, [c2], pointer('droppedIntoAnother', 1));
		expect(ids(done.board, C)).toEqual([1]);
		expect(done.board.counts[C].total).toBe(1);
	});

	it('within its own cell is saved with its new index', () => {
		const started = consider(start, null, A, [shadowOf(c1), c2], pointer('dragStarted', 1));
		const moved = consider(started.board, started.drag, A, [c2, shadowOf(c1)], {
			...pointer('draggedOverIndex', 1)
		});
		const done = finalize(moved.board, moved.drag, A, [c2, c1], pointer('droppedIntoZone', 1));
		expect(done.move).toMatchObject({ to: EC_SHORT, index: 1 });
		expect(done.over).toBe(true);
		expect(ids(done.board, A)).toEqual([2, 1]);
		expect(done.board.counts).toEqual(start.counts);
	});

	it('dropped where it started saves nothing', () => {
		const started = consider(start, null, A, [shadowOf(c1), c2], pointer('dragStarted', 1));
		const done = finalize(started.board, started.drag, A, [c1, c2], pointer('droppedIntoZone', 1));
		expect(done.move).toBeUndefined();
		expect(done.refused).toBeUndefined();
		expect(done.board).toEqual(start);
		expect(done.over).toBe(true);
	});

	it('dropped outside every cell goes back and saves nothing', () => {
		const started = consider(start, null, A, [shadowOf(c1), c2], pointer('dragStarted', 1));
		const left = consider(started.board, started.drag, A, [c2], pointer('draggedLeft', 1));
		const done = finalize(left.board, left.drag, A, [c1, c2], pointer('droppedOutsideOfAny', 1));
		expect(done.move).toBeUndefined();
		expect(done.board).toEqual(start);
		expect(done.over).toBe(true);
	});

	it('carries the newest version of a card saved while it was dragged again', () => {
		const started = consider(start, null, A, [shadowOf(c1), c2], pointer('dragStarted', 1));
		const drag = replaceSavedInDrag(started.drag, { id: 1, version: 2, position: 0 });
		const landed = finalize(started.board, drag, B, [c1, c3], pointer('droppedIntoZone', 1));
		expect(landed.move!.card.version).toBe(2);
		expect(landed.board.cells[B][0].version).toBe(2);
	});
});

describe('a keyboard drag', () => {
	const c1 = card(1, EC_SHORT);
	const c2 = card(2, EC_SHORT);
	const c3 = card(3, EC_MID);
	const start = board([c1, c2, c3]);

	it('passes through cells and is saved once, where it stops', () => {
		const started = consider(start, null, A, [c1, c2], keyboard('dragStarted', 1));
		expect(started.drag?.source).toBe('keyboard');
		// Tab: into the next cell (first), then on to the one after it.
		let step = finalize(started.board, started.drag, A, [c2], keyboard('droppedIntoAnother', 1));
		step = finalize(step.board, step.drag, B, [c1, c3], keyboard('droppedIntoZone', 1));
		expect(step.move).toBeUndefined();
		step = finalize(step.board, step.drag, B, [c3], keyboard('droppedIntoAnother', 1));
		step = finalize(step.board, step.drag, C, [c1], keyboard('droppedIntoZone', 1));
		expect(step.move).toBeUndefined();
		expect(step.over).toBe(false);
		const stopped = consider(step.board, step.drag, C, [c1], keyboard('dragStopped', 1));
		expect(stopped.move).toMatchObject({ to: SO_LONG, index: 0, from: { key: A, index: 0 } });
		expect(stopped.over).toBe(true);
		expect(stopped.drag).toBeNull();
		expect(ids(stopped.board, C)).toEqual([1]);
		expect(ids(stopped.board, B)).toEqual([3]);
		expect(stopped.board.counts[A].total).toBe(1);
		expect(stopped.board.counts[C].total).toBe(1);
	});

	it('stopped where it started saves nothing', () => {
		const started = consider(start, null, A, [c1, c2], keyboard('dragStarted', 1));
		const stopped = consider(started.board, started.drag, A, [c1, c2], keyboard('dragStopped', 1));
		expect(stopped.move).toBeUndefined();
		expect(stopped.board).toEqual(start);
	});

	it('is refused while filtering and the card goes back', () => {
		const started = consider(start, null, A, [c1, c2], keyboard('dragStarted', 1));
		const step = finalize(started.board, started.drag, A, [c2], keyboard('droppedIntoAnother', 1));
		const there = finalize(step.board, step.drag, B, [c1, c3], keyboard('droppedIntoZone', 1));
		const stopped = consider(
			there.board,
			there.drag,
			B,
			[c1, c3],
			keyboard('dragStopped', 1),
			true
		);
		expect(stopped.refused).toEqual({ reason: 'filtered', card: c1 });
		expect(stopped.board).toEqual(start);
	});
});

describe('receive (changes from other people)', () => {
	const c1 = card(1, EC_SHORT, 0, 3);
	const c2 = card(2, EC_SHORT, 1, 1);
	const start = board([c1, c2]);

	it('moves a card someone else moved and highlights it', () => {
		const moved = view({ ...c1, ...EC_MID, position: 0, version: 4 });
		const result = receive(start, { type: 'moved', action: moved });
		expect(ids(result.board, A)).toEqual([2]);
		expect(ids(result.board, B)).toEqual([1]);
		expect(result.board.counts[A].total).toBe(1);
		expect(result.board.counts[B].total).toBe(1);
		expect(result.highlight).toBe(1);
		expect(result.reload).toBeUndefined();
	});

	it('ignores what it already shows (our own move coming back, or an older event)', () => {
		const same = view({ ...c1, version: 3 });
		expect(receive(start, { type: 'moved', action: same }).board).toBe(start);
		expect(receive(start, { type: 'moved', action: view({ ...c1, version: 2 }) }).board).toBe(
			start
		);
	});

	it('adds a created action at its place', () => {
		const created = view(card(5, EC_SHORT, 1, 1));
		const result = receive(start, { type: 'created', action: created });
		expect(ids(result.board, A)).toEqual([1, 5, 2]);
		expect(result.board.counts[A].total).toBe(3);
	});

	it('takes an archived action off the board', () => {
		const archived = view({ ...c2, version: 2 }, { archived: true });
		const result = receive(start, { type: 'archived', action: archived });
		expect(ids(result.board, A)).toEqual([1]);
		expect(result.board.counts[A].total).toBe(1);
	});

	it('counts but does not show an action that lands beyond what a long cell shows', () => {
		const long = board([c1, c2], { [B]: 30, [A]: 2 });
		const created = view(card(7, EC_MID, 25, 1));
		const result = receive(long, { type: 'created', action: created });
		expect(ids(result.board, B)).toEqual([]);
		expect(result.board.counts[B].total).toBe(31);
	});

	it('asks for the server when an action it does not show changes', () => {
		const other = view(card(9, SO_LONG, 0, 2));
		expect(receive(start, { type: 'moved', action: other }).reload).toBe(true);
	});

	it('asks for the server when the board frame changes', () => {
		expect(receive(start, { type: 'frame_changed' }).reload).toBe(true);
	});

	it('ignores a change without an action', () => {
		expect(receive(start, { type: 'deleted' }).board).toBe(start);
	});
});

describe('relocate', () => {
	it('removes any stray drag placeholder', () => {
		const c1 = card(1, EC_SHORT);
		const start = board([c1, card(2, EC_MID)]);
		const withShadow: Board = {
			...start,
			cells: { ...start.cells, [B]: [shadowOf(c1), ...start.cells[B]] }
		};
		const result = relocate(withShadow, c1, A, A, 0);
		expect(placeholderIndex(result.cells[B])).toBe(-1);
		expect(result).toEqual(start);
	});
});
