/**
 * At most `slots` page requests at a time get past this point; the others wait their turn.
 *
 * A page's data lives from its load until its HTML is written. Rendering is one thread's work
 * anyway, but SvelteKit starts every request that arrives: ten people opening a big page at once
 * would each hold their page's data at the same moment, and memory would grow with how many came.
 * Taken in turns, they finish as fast and memory stays the size of a few pages.
 */
export function pageSlots(slots: number) {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async function inTurn<T>(work: () => Promise<T>): Promise<T> {
		if (active >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
		active++;
		try {
			return await work();
		} finally {
			active--;
			waiting.shift()?.();
		}
	};
}
