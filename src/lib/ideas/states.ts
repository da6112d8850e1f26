/**
 * Where an idea stands. A new idea is `submitted`; the working group starts looking at it
 * (`in_review`) and decides: `accepted` (it became an action), `declined` or `merged` into
 * another idea (both with a public reason). The proposer may `withdraw` it until the review starts.
 */
export const IDEA_STATES = [
	'submitted',
	'in_review',
	'accepted',
	'declined',
	'merged',
	'withdrawn'
] as const;
export type IdeaState = (typeof IDEA_STATES)[number];

/** States in which an idea waits for the working group (and can still be supported). */
export const OPEN_IDEA_STATES = ['submitted', 'in_review'] as const satisfies readonly IdeaState[];

/** What the working group may set, and from where. */
export const DECISIONS: Record<IdeaState, readonly IdeaState[]> = {
	submitted: ['in_review', 'accepted', 'declined', 'merged'],
	in_review: ['accepted', 'declined', 'merged'],
	accepted: [],
	declined: [],
	merged: [],
	withdrawn: []
};

/** States that need a short public reason. */
export const NEEDS_REASON: readonly IdeaState[] = ['declined', 'merged'];

export const isOpen = (state: IdeaState) =>
	(OPEN_IDEA_STATES as readonly IdeaState[]).includes(state);
