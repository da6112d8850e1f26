import type { ActionBasics } from '../board/action-view';
import type { Dimension, Horizon } from '../board/cells';

/**
 * The board's public page as `/p/<token>.json` answers it — and as the page and the CSV show it.
 * Only what the organisation shares: the board's name and frame, and its live actions marked
 * public. `owners` is there only when the organisation shows owners' names; `description`
 * (Markdown) is null unless it was marked shareable. No e-mail address, no internal id of a
 * person, nothing archived.
 */
export interface PublicView {
	board: {
		name: string;
		/** What short, medium and long term mean here. */
		horizons: Record<Horizon, string>;
		/** The goal text leadership set for each dimension ('' when none). */
		goals: Record<Dimension, string>;
	};
	/** Whether owners' names are part of this view. */
	ownerNames: boolean;
	/** In board order: horizon, dimension, then place in the cell. */
	actions: PublicAction[];
}

export interface PublicAction extends ActionBasics {
	/** Markdown, or null when the description is internal (or empty). */
	description: string | null;
	/** Display names; present only when `ownerNames` is true. */
	owners?: string[];
}
