import type { Dimension, Status } from '../board/cells';
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

/** One step of an idea's public history. */
export interface IdeaStep {
	state: IdeaState;
	reason: string | null;
	/** Who decided; the proposer's own steps (proposing, withdrawing) name nobody. */
	by: string | null;
	at: string;
}

/** What an idea's page shows around the idea itself. */
export interface IdeaDetails {
	idea: IdeaView;
	history: IdeaStep[];
	/** The idea this one was merged into, and the ideas merged into this one. */
	mergedInto: { id: number; title: string } | null;
	mergedFrom: { id: number; title: string }[];
	/** The action it became, as it stands now. */
	action: {
		id: number;
		title: string;
		status: Status;
		progress: number;
		archived: boolean;
	} | null;
	/** Who supports it — for the working group only (empty for everyone else). */
	supporters: string[];
	/** Whether the viewer supports it, and whether it is theirs. */
	supported: boolean;
	mine: boolean;
}
