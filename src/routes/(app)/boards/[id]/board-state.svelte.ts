import { invalidateAll } from '$app/navigation';
import type { DndEventInfo } from 'svelte-dnd-action';
import { DND } from '$lib/components/board/lazy-dndzone';
import { m } from '$lib/paraglide/messages';
import { CELLS, cellKey, type Cell } from '$lib/board/cells';
import { dimensionLabel, horizonLabel } from '$lib/board/labels';
import type { CardItem } from '$lib/components/board/board-types';
import type { ActionView } from '$lib/board/action-view';
import type { BoardChange } from '$lib/live/board-stream';

export interface MoveProblem {
	message: string;
	/** The move the user tried; offered again after a conflict. */
	retry?: { id: number; title: string; cell: Cell; index: number };
}

const cellOf = (key: string): Cell => {
	const [dimension, horizon] = key.split(':') as [Cell['dimension'], Cell['horizon']];
	return { dimension, horizon };
};

const toCard = (a: ActionView): CardItem => ({
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

const cellName = (c: Cell) => `${dimensionLabel(c.dimension)} · ${horizonLabel(c.horizon)}`;

function groupCells(actions: CardItem[]): Record<string, CardItem[]> {
	const cells: Record<string, CardItem[]> = Object.fromEntries(CELLS.map((c) => [cellKey(c), []]));
	for (const a of actions) cells[cellKey(a)].push(a);
	return cells;
}

/**
 * The board's cards, cell by cell, as the user sees them. Moves show at once (optimistic) and are
 * then saved through the JSON API; when saving fails, the board reloads what the server holds and
 * `problem` says why.
 */
export type CellCounts = Record<string, { total: number; matching: number }>;

export class BoardState {
	#source: () => CardItem[];
	#counts: () => CellCounts;
	/** The cards each cell shows (a cell may show only its first cards). */
	cells = $derived.by(() => groupCells(this.#source()));
	/** How many actions each cell holds, kept right as cards move. */
	counts = $derived.by(() => structuredClone(this.#counts()));
	problem = $state<MoveProblem | null>(null);
	/** Read out by a polite live region. */
	announcement = $state('');
	/** The card being moved with the keyboard, and where it started. */
	keyboardDrag = $state<{ id: number; key: string; index: number } | null>(null);
	/** True while a card is dragged with mouse or touch. */
	pointerDrag = false;
	/** Cards changed by someone else a moment ago (briefly highlighted). */
	highlighted = $state<number[]>([]);
	/** Changes that arrived during a drag; applied after the drop so the drag is not disturbed. */
	#waiting: BoardChange[] = [];

	constructor(source: () => CardItem[], counts: () => CellCounts) {
		this.#source = source;
		this.#counts = counts;
	}

	find(id: number): CardItem | undefined {
		for (const items of Object.values(this.cells)) {
			const found = items.find((i) => i.id === id);
			if (found) return found;
		}
	}

	/** While dragging: the cell shows what the drag library proposes. */
	consider(key: string, items: CardItem[], info: DndEventInfo) {
		this.cells = { ...this.cells, [key]: items };
		if (info.source !== DND.keyboard) {
			if (info.trigger === DND.dragStarted) this.pointerDrag = true;
			return;
		}
		const id = Number(info.id);
		const index = items.findIndex((i) => i.id === id);
		if (info.trigger === DND.dragStarted) {
			this.keyboardDrag = { id, key, index };
		} else if (info.trigger === DND.dragStopped) {
			// A keyboard drag passes through cells on its way; it is saved once, where it ends.
			const origin = this.keyboardDrag;
			this.keyboardDrag = null;
			if (origin && index >= 0 && (origin.key !== key || origin.index !== index)) {
				void this.#save(items[index], cellOf(key), index);
			}
			this.#applyWaiting();
		}
	}

	/** A mouse or touch drop: the target cell saves the move (the source only updates its list). */
	finalize(key: string, items: CardItem[], info: DndEventInfo) {
		this.cells = { ...this.cells, [key]: items };
		if (info.source === DND.keyboard) return;
		this.pointerDrag = false;
		if (info.trigger === DND.droppedIntoZone) {
			const id = Number(info.id);
			const index = items.findIndex((i) => i.id === id);
			if (index >= 0) void this.#save(items[index], cellOf(key), index);
		}
		this.#applyWaiting();
	}

	/** A change from the live stream: applied at once, or after the drop while dragging. */
	receive(change: BoardChange) {
		if (this.pointerDrag || this.keyboardDrag) this.#waiting.push(change);
		else this.#apply(change);
	}

	#applyWaiting() {
		const waiting = this.#waiting;
		this.#waiting = [];
		for (const change of waiting) this.#apply(change);
	}

	#apply(change: BoardChange) {
		if (change.type === 'frame_changed') {
			void invalidateAll();
			return;
		}
		const action = change.action;
		if (!action) return;
		const local = this.find(action.id);
		// Already shown (our own change coming back, or an older event): nothing to do.
		if (local && local.version >= action.version) return;
		const cells = { ...this.cells };
		const counts = structuredClone(this.counts);
		if (local) {
			cells[cellKey(local)] = cells[cellKey(local)].filter((i) => i.id !== action.id);
			counts[cellKey(local)].total--;
			counts[cellKey(local)].matching--;
		} else if (change.type !== 'created' && change.type !== 'restored') {
			// An action beyond what a long cell shows: the counts are unsure, the server knows.
			void invalidateAll();
			return;
		}
		if (!action.archived) {
			const key = cellKey(action);
			const list = [...cells[key]];
			// A cell that shows only its first cards takes the action only where it shows cards.
			const showsAll = list.length >= counts[key].total;
			if (showsAll || action.position < list.length) {
				list.splice(Math.min(action.position, list.length), 0, toCard(action));
				cells[key] = list;
			}
			counts[key].total++;
			counts[key].matching++;
		}
		this.cells = cells;
		this.counts = counts;
		this.#highlight(action.id);
	}

	#highlight(id: number) {
		this.highlighted = [...this.highlighted, id];
		setTimeout(() => (this.highlighted = this.highlighted.filter((h) => h !== id)), 2000);
	}

	/** "Move to…": place an action at `index` of a cell (past the end means last). */
	moveTo(id: number, cell: Cell, index: number) {
		const item = this.find(id);
		if (!item) return;
		const cells = { ...this.cells };
		const from = cellKey(item);
		const to = cellKey(cell);
		cells[from] = cells[from].filter((i) => i.id !== id);
		const target = [...cells[to]];
		// A cell that shows only its first cards shows the action only if it lands among them.
		const showsAll = target.length >= this.counts[to].total - (from === to ? 1 : 0);
		if (showsAll || index < target.length) {
			target.splice(Math.min(index, target.length), 0, { ...item, ...cell });
			cells[to] = target;
		}
		this.cells = cells;
		return this.#save(item, cell, index);
	}

	retry() {
		const retry = this.problem?.retry;
		this.problem = null;
		if (retry) return this.moveTo(retry.id, retry.cell, retry.index);
	}

	dismiss() {
		this.problem = null;
	}

	async #save(item: CardItem, cell: Cell, index: number) {
		this.problem = null;
		const from = cellKey(item);
		const to = cellKey(cell);
		if (from !== to) {
			this.cells = {
				...this.cells,
				[to]: this.cells[to].map((i) => (i.id === item.id ? { ...i, ...cell } : i))
			};
			const counts = structuredClone(this.counts);
			counts[from].total--;
			counts[from].matching--;
			counts[to].total++;
			counts[to].matching++;
			this.counts = counts;
		}
		try {
			const response = await fetch(`/api/actions/${item.id}/move`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ ...cell, index, version: item.version })
			});
			const body = await response.json().catch(() => null);
			if (!response.ok) {
				this.problem = {
					message: body?.error?.message ?? m.move_failed(),
					retry:
						response.status === 409 && !body?.current?.archived
							? { id: item.id, title: item.title, cell, index }
							: undefined
				};
				this.announcement = this.problem.message;
				await invalidateAll();
				return;
			}
			this.#replace(body as CardItem);
			this.announcement = m.moved_announcement({
				title: item.title,
				cell: cellName(cell),
				position: index + 1
			});
		} catch {
			this.problem = { message: m.move_failed_network() };
			this.announcement = this.problem.message;
			await invalidateAll();
		}
	}

	/** Takes the saved version of an action, keeping its place on the board. */
	#replace(saved: CardItem) {
		const key = cellKey(saved);
		this.cells = {
			...this.cells,
			[key]: this.cells[key].map((i) =>
				i.id === saved.id ? { ...i, version: saved.version, position: saved.position } : i
			)
		};
	}
}
