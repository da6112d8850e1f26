import type { ActionReturn } from 'svelte/action';
import type { DndZoneAttributes, Item, Options } from 'svelte-dnd-action';
import { loadDragCode } from '$lib/board/drag-code';

/** Set on a zone once the drag library is attached to it; the event bubbles to the board. */
const ATTACHED = 'data-dnd-attached';
const ATTACH_EVENT = 'dndattach';

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
		if (destroyed) return;
		zone = dndzone(node, current) as typeof zone;
		node.setAttribute(ATTACHED, '');
		node.dispatchEvent(new Event(ATTACH_EVENT, { bubbles: true }));
	});
	return {
		update(next: Options<T>) {
			current = next;
			zone?.update?.(next);
		},
		destroy() {
			destroyed = true;
			node.removeAttribute(ATTACHED);
			zone?.destroy?.();
		}
	};
}

/**
 * Marks `container` with `data-drag-ready` once the drag library is attached to every zone in
 * it (elements with `data-dnd-zone`): a state that scripts and tests can wait for.
 */
export function dragReadiness(container: HTMLElement) {
	const check = () => {
		const zones = container.querySelectorAll('[data-dnd-zone]');
		const ready = zones.length > 0 && [...zones].every((z) => z.hasAttribute(ATTACHED));
		container.toggleAttribute('data-drag-ready', ready);
	};
	container.addEventListener(ATTACH_EVENT, check);
	check();
	return { destroy: () => container.removeEventListener(ATTACH_EVENT, check) };
}

let loading: Promise<typeof import('svelte-dnd-action')> | undefined;

/** The drag-and-drop library and the board's drag rules, fetched once. */
export function loadDnd() {
	loading ??= Promise.all([import('svelte-dnd-action'), loadDragCode()]).then(
		([dnd]) => dnd,
		(err) => {
			loading = undefined;
			throw err;
		}
	);
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
