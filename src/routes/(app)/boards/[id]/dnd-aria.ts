import { m } from '$lib/paraglide/messages';
import type { AriaStrings } from 'svelte-dnd-action';

/** What the drag library says to screen readers, in the user's language. */
export function dndAriaStrings(): AriaStrings {
	return {
		dragStarted: ({ itemLabel }) => m.dnd_started({ title: itemLabel }),
		movedToPosition: ({ itemLabel, zoneLabel, position, count }) =>
			m.dnd_moved({ title: itemLabel, cell: zoneLabel, position, count }),
		movedToZoneEnd: ({ itemLabel, zoneLabel, position, count }) =>
			m.dnd_moved({ title: itemLabel, cell: zoneLabel, position, count }),
		movedToZoneStart: ({ itemLabel, zoneLabel, position, count }) =>
			m.dnd_moved({ title: itemLabel, cell: zoneLabel, position, count }),
		dropped: ({ itemLabel, zoneLabel, position }) =>
			m.dnd_dropped({ title: itemLabel, cell: zoneLabel, position }),
		zoneActiveInstruction: m.dnd_instructions(),
		zoneDragDisabledInstruction: m.dnd_disabled()
	};
}
