/**
 * The board's drag and move rules (`board-drag.ts`), fetched once after the page is shown. The
 * drag library is attached only once they are here (`lazy-dndzone.ts`), so whatever a drag
 * reports can use them at once through `dragCode()`.
 */
type DragCode = typeof import('./board-drag');

let loaded: DragCode | null = null;
let loading: Promise<DragCode> | undefined;

export function loadDragCode(): Promise<DragCode> {
	loading ??= import('./board-drag').then(
		(code) => (loaded = code),
		(err) => {
			loading = undefined;
			throw err;
		}
	);
	return loading;
}

/** The rules, once loaded (only called from what a drag reports, which needs them loaded). */
export function dragCode(): DragCode {
	if (!loaded) throw new Error('the drag code is not loaded yet');
	return loaded;
}
