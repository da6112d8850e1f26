import type { ActionReturn } from 'svelte/action';
import type { DndZoneAttributes, Item, Options } from 'svelte-dnd-action';

/**
 * `use:dndzone`, loaded on demand: the board renders and works (links, "Move to…") before the
 * drag-and-drop library (about 12 KB gzipped) has arrived; dragging starts once it is there.
 */
export function lazyDndzone<T extends Item>(
	node: HTMLElement,
	options: Options<T>
): ActionReturn<Options<T>, DndZoneAttributes<T>> {
	let current = options;
	let zone: { update?: (o: Options<T>) => void; destroy?: () => void } | undefined;
	let destroyed = false;
	void loadDnd().then(({ dndzone }) => {
		if (!destroyed) zone = dndzone(node, current) as typeof zone;
	});
	return {
		update(next: Options<T>) {
			current = next;
			zone?.update?.(next);
		},
		destroy() {
			destroyed = true;
			zone?.destroy?.();
		}
	};
}

let loading: Promise<typeof import('svelte-dnd-action')> | undefined;

/** The drag-and-drop library, fetched once. */
export function loadDnd() {
	loading ??= import('svelte-dnd-action');
	return loading;
}

/** Values of the library's event info that the board reads (kept here so they load at once). */
export const DND = {
	shadowMarker: 'isDndShadowItem',
	keyboard: 'keyboard',
	dragStarted: 'dragStarted',
	dragStopped: 'dragStopped',
	droppedIntoZone: 'droppedIntoZone'
} as const;
