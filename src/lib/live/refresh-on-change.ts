import { invalidateAll } from '$app/navigation';
import { openBoardStream } from './board-stream';

/**
 * For pages that summarise boards (roadmap, what comes next): reload their data shortly after
 * any change, so every number is computed by the server in one place. Bursts become one reload.
 */
export function refreshOnChange(boards: { id: number; after: number }[], delayMs = 400) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const refresh = () => {
		clearTimeout(timer);
		timer = setTimeout(() => void invalidateAll(), delayMs);
	};
	const closers = boards.map((b) =>
		openBoardStream(b.id, b.after, { onchange: refresh, onreload: refresh })
	);
	return () => {
		clearTimeout(timer);
		closers.forEach((close) => close());
	};
}
