import type { SubmitFunction } from '@sveltejs/kit';
import type { ActionReturn } from 'svelte/action';

/**
 * `use:enhance`, loaded on demand. Until SvelteKit's form enhancement has arrived (a moment after
 * the page), the form works as a plain form with a full round trip, as it does without
 * JavaScript; then it submits in place. Keeps pages that show many forms but seldom use them
 * (the board's quick add) from loading it up front.
 */
export function lazyEnhance(
	form: HTMLFormElement,
	submit?: SubmitFunction
): ActionReturn<SubmitFunction | undefined> {
	let current = submit;
	let enhanced: { destroy(): void } | undefined;
	let destroyed = false;
	void import('$app/forms').then(({ enhance }) => {
		if (!destroyed) enhanced = enhance(form, (input) => current?.(input));
	});
	return {
		update(next) {
			current = next;
		},
		destroy() {
			destroyed = true;
			enhanced?.destroy();
		}
	};
}
