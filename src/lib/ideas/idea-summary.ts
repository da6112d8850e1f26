import type { Dimension } from '../board/cells';
import type { IdeaState } from './states';

/**
 * Who an idea is credited to where it shows outside `/ideas`: a person who let their name be
 * shown, a workshop's label for ideas entered from paper, or nobody in particular ("someone
 * from the team") where the proposer chose to show their name to the working group only.
 */
export type IdeaCredit =
	{ kind: 'person'; name: string } | { kind: 'source'; source: string } | { kind: 'colleague' };

/** An idea in a short list or a line elsewhere in the app; the whole idea is at `/ideas/<id>`. */
export interface IdeaSummary {
	id: number;
	title: string;
	state: IdeaState;
	supporters: number;
	credit: IdeaCredit;
}

/** Ideas of one dimension (or of none given, `null`) for leadership's participation report. */
export interface IdeaCounts {
	dimension: Dimension | null;
	/** Every idea that came in, except those their proposer withdrew. */
	received: number;
	accepted: number;
	/** Accepted ideas whose action is still on a board (not archived). */
	becameActions: number;
}
