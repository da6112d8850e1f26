import { invalidateAll } from '$app/navigation';
import type { DndEventInfo } from 'svelte-dnd-action';
import { m } from '$lib/paraglide/messages';
import type { Cell } from '$lib/board/cells';
import { dimensionLabel, horizonLabel } from '$lib/board/labels';
import { dragCode, loadDragCode } from '$lib/board/drag-code';
import {
	findCard,
	groupCells,
	receive,
	type Board,
	type CardItem,
	type CellCounts,
	type Drag,
	type DragResult,
	type Move
} from '$lib/board/board-model';
import type { BoardChange } from '$lib/live/board-stream';
import type { MoveAnswer } from './move-client';

export type { CellCounts };

let moveClient: Promise<typeof import('./move-client')> | undefined;

/** The code that saves moves, fetched once, after the page (the board renders without it). */
export function loadMoveClient() {
	moveClient ??= import('./move-client');
	return moveClient;
}

async function saveMove(...move: Parameters<typeof import('./move-client').saveMove>) {
	let client: typeof import('./move-client');
	try {
		client = await loadMoveClient();
	} catch {
		moveClient = undefined;
		const answer: MoveAnswer = {
			ok: false,
			reason: m.move_failed_network_reason(),
			conflict: false,
			offline: true
		};
		return answer;
	}
	return client.saveMove(...move);
}

export interface MoveProblem {
	message: string;
	/** The move the user tried; offered again after a conflict. */
	retry?: { id: number; title: string; cell: Cell; index: number };
}

const cellName = (c: Cell) => `${dimensionLabel(c.dimension)} · ${horizonLabel(c.horizon)}`;

/**
 * The board's cards, cell by cell, as the user sees them. The rules live in the plain board model
 * (`$lib/board/board-model`); this class holds its current state for the page and saves moves.
 * Moves show at once and are then saved; when saving fails the card goes back and `problem`
 * (and the live region) say why.
 */
export class BoardState {
	#source: () => CardItem[];
	#counts: () => CellCounts;
	#filtering: () => boolean;
	/** The cards each cell shows (a cell may show only its first cards). */
	cells = $derived.by(() => groupCells(this.#source()));
	/** How many actions each cell holds, kept right as cards move. */
	counts = $derived.by(() => this.#counts());
	problem = $state<MoveProblem | null>(null);
	/** Read out by a polite live region. */
	announcement = $state('');
	/** The card being dragged (mouse, touch or keyboard), and where it started. */
	drag = $state.raw<Drag | null>(null);
	keyboardDragging = $derived(this.drag?.source === 'keyboard');
	pointerDragging = $derived(this.drag?.source === 'pointer');
	/** Cards changed by someone else a moment ago (briefly highlighted). */
	highlighted = $state<number[]>([]);
	/** What arrived during a drag (changes, failed saves); done after the drop so the drag is not disturbed. */
	#waiting: (() => void)[] = [];

	constructor(source: () => CardItem[], counts: () => CellCounts, filtering: () => boolean) {
		this.#source = source;
		this.#counts = counts;
		this.#filtering = filtering;
	}

	get #board(): Board {
		return { cells: this.cells, counts: this.counts };
	}

	set #board(next: Board) {
		if (next.cells !== this.cells) this.cells = next.cells;
		if (next.counts !== this.counts) this.counts = next.counts;
	}

	find(id: number): CardItem | undefined {
		return findCard(this.cells, id)?.card;
	}

	/** While dragging: the cell shows what the drag library proposes. */
	consider(key: string, items: CardItem[], info: DndEventInfo) {
		this.#follow(dragCode().consider(this.#board, this.drag, key, items, info, this.#filtering()));
	}

	/** A cell's final cards after a drop (or, with the keyboard, after each step). */
	finalize(key: string, items: CardItem[], info: DndEventInfo) {
		this.#follow(dragCode().finalize(this.#board, this.drag, key, items, info, this.#filtering()));
	}

	#follow(result: DragResult) {
		this.#board = result.board;
		if (result.drag !== this.drag) this.drag = result.drag;
		if (result.refused) {
			const { title } = result.refused.card;
			this.#say(`${m.drag_off_while_filtering()} ${m.move_put_back({ title })}`);
		}
		if (result.move) void this.#save(result.move);
		if (result.over) this.#applyWaiting();
	}

	/** Cards whose move is being saved, with changes to them that arrived meanwhile. */
	// Bookkeeping only, never shown: a plain Map.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#saving = new Map<number, BoardChange[]>();

	/**
	 * A change from the live stream: applied at once, or after the drop while dragging. A change
	 * to a card whose move is being saved waits for the answer: it is usually that very move
	 * coming back, which the answer makes known (no highlight, nothing to do).
	 */
	receive(change: BoardChange) {
		const held = change.actionId === null ? undefined : this.#saving.get(change.actionId);
		if (held) held.push(change);
		else this.#afterDrag(() => this.#apply(change));
	}

	#settled(id: number) {
		const held = this.#saving.get(id) ?? [];
		this.#saving.delete(id);
		for (const change of held) this.receive(change);
	}

	#afterDrag(task: () => void) {
		if (this.drag) this.#waiting.push(task);
		else task();
	}

	#applyWaiting() {
		const waiting = this.#waiting;
		this.#waiting = [];
		for (const task of waiting) task();
	}

	#apply(change: BoardChange) {
		// A filtered board is recomputed by the server; an unfiltered one changes in place.
		if (this.#filtering()) {
			void invalidateAll();
			return;
		}
		const result = receive(this.#board, change);
		this.#board = result.board;
		if (result.reload) void invalidateAll();
		if (result.highlight !== undefined) this.#highlight(result.highlight);
	}

	#highlight(id: number) {
		this.highlighted = [...this.highlighted, id];
		setTimeout(() => (this.highlighted = this.highlighted.filter((h) => h !== id)), 2000);
	}

	/** "Move to…": place an action at `index` of a cell (past the end means last). */
	async moveTo(id: number, cell: Cell, index: number) {
		let moveCard: typeof import('$lib/board/board-drag').moveCard;
		try {
			({ moveCard } = await loadDragCode());
		} catch {
			this.#say(m.move_failed_network_reason());
			return;
		}
		const result = moveCard(this.#board, id, cell, index);
		if (!result) return;
		this.#board = result.board;
		return this.#save(result.move);
	}

	retry() {
		const retry = this.problem?.retry;
		this.problem = null;
		if (retry) return this.moveTo(retry.id, retry.cell, retry.index);
	}

	dismiss() {
		this.problem = null;
	}

	#say(message: string, retry?: MoveProblem['retry']) {
		this.problem = { message, retry };
		this.announcement = message;
	}

	async #save(move: Move) {
		this.problem = null;
		const { card, to, index } = move;
		if (!this.#saving.has(card.id)) this.#saving.set(card.id, []);
		const answer = await saveMove(card.id, to, index, card.version);
		const { replaceSaved, replaceSavedInDrag, revertMove } = dragCode();
		if (answer.ok) {
			this.#board = replaceSaved(this.#board, answer.saved);
			this.drag = replaceSavedInDrag(this.drag, answer.saved);
			this.#settled(card.id);
			this.announcement = m.moved_announcement({
				title: card.title,
				cell: cellName(to),
				position: index + 1
			});
			return;
		}
		this.#say(
			`${answer.reason} ${m.move_put_back({ title: card.title })}`,
			answer.conflict ? { id: card.id, title: card.title, cell: to, index } : undefined
		);
		// The card goes back at once, even without a connection; then the server has its say.
		this.#afterDrag(() => {
			this.#board = revertMove(this.#board, move);
			if (!answer.offline) void invalidateAll();
		});
		this.#settled(card.id);
	}
}
