import { invalidateAll } from '$app/navigation';
import { navigating } from '$app/state';
import { openBoardStream } from './board-stream';

/**
 * A reload of the page's data shortly after a change; bursts become one reload. It waits while
 * a navigation is under way: a reload started then would cancel it, and the link just clicked
 * would do nothing.
 */
function debouncedRefresh(delayMs: number) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const refresh = () => {
		clearTimeout(timer);
		timer = setTimeout(() => (navigating.to ? refresh() : void invalidateAll()), delayMs);
	};
	return { refresh, stop: () => clearTimeout(timer) };
}

/**
 * For pages that summarise boards (roadmap, what comes next): reload their data shortly after
 * any change, so every number is computed by the server in one place.
 */
export function refreshOnChange(boards: { id: number; after: number }[], delayMs = 400) {
	const { refresh, stop } = debouncedRefresh(delayMs);
	const closers = boards.map((b) =>
		openBoardStream(b.id, b.after, { onchange: refresh, onreload: refresh })
	);
	return () => {
		stop();
		closers.forEach((close) => close());
	};
}

/**
 * For the ideas pages: reload after any idea changed (a new one, a support, a decision) — also
 * one that changed after `since` (when the page's ideas last changed) but before the stream
 * opened — and after the stream reconnects, since what happened while it was away is not replayed.
 */
export function refreshOnIdeaChange(since: number, delayMs = 300) {
	const { refresh, stop } = debouncedRefresh(delayMs);
	const source = new EventSource(`/api/ideas/events?since=${since}`);
	let opened = false;
	source.onopen = () => {
		if (opened) refresh();
		opened = true;
	};
	source.onmessage = refresh;
	return () => {
		stop();
		source.close();
	};
}
