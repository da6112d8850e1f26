import type { Dimension } from '../board/cells';
import type { IdeaState } from './states';

/**
 * An idea as everyone sees it (and as `GET /api/ideas` answers). `proposer` is null where the
 * proposer chose to show their name to the working group only, or for ideas from a workshop
 * (`source` then names it); the working group's view has the name in any case.
 */
export interface IdeaView {
	id: number;
	title: string;
	text: string;
	dimension: Dimension | null;
	state: IdeaState;
	reason: string | null;
	supporters: number;
	version: number;
	actionId: number | null;
	mergedIntoId: number | null;
	proposer: { id: number; name: string } | null;
	/** The proposer showed their name to the working group only ("a colleague" to everyone else). */
	nameHidden: boolean;
	/** A workshop's label, for ideas entered from paper. */
	source: string | null;
	createdAt: string;
	decidedAt: string | null;
}
