import type { ActionView } from '$lib/board/action-view';

/** One change on a board, as the event stream sends it. */
export interface BoardChange {
	type: string;
	actionId: number | null;
	version: number | null;
	by: number | null;
	byName: string | null;
	action?: ActionView;
}

export interface BoardStreamHandlers {
	onchange?: (change: BoardChange) => void;
	onpresence?: (people: { id: number; name: string }[]) => void;
	/** Too much was missed to replay: load the board anew. */
	onreload?: () => void;
}

/**
 * Listens to a board's live changes. `after` is the newest event the page already shows; the
 * browser resumes from the last received id by itself after a dropped connection.
 */
export function openBoardStream(boardId: number, after: number, handlers: BoardStreamHandlers) {
	const source = new EventSource(`/api/boards/${boardId}/events?after=${after}`);
	source.onmessage = (e) => handlers.onchange?.(JSON.parse(e.data) as BoardChange);
	source.addEventListener('presence', (e) => handlers.onpresence?.(JSON.parse(e.data)));
	source.addEventListener('reload', () => handlers.onreload?.());
	return () => source.close();
}
