import { m } from '$lib/paraglide/messages';
import { dimensionLabel } from '$lib/board/labels';
import type { Dimension } from '$lib/board/cells';
import type { IdeaState } from './states';
import type { IdeaView } from './idea-view';

/** An idea's state in plain words. */
export const ideaStateLabel = (s: IdeaState) =>
	({
		submitted: m.idea_state_submitted,
		in_review: m.idea_state_in_review,
		accepted: m.idea_state_accepted,
		declined: m.idea_state_declined,
		merged: m.idea_state_merged,
		withdrawn: m.idea_state_withdrawn
	})[s]();

/** The dimension an idea touches, or "don't know yet". */
export const ideaDimensionLabel = (d: Dimension | null) =>
	d ? dimensionLabel(d) : m.idea_dimension_unknown();

/**
 * Who an idea is from: the proposer's name where it may show, the workshop it came from, or "a
 * colleague".
 */
export function ideaFromLabel(idea: Pick<IdeaView, 'proposer' | 'source'>): string {
	if (idea.proposer) return idea.proposer.name;
	if (idea.source) return m.idea_from_workshop({ source: idea.source });
	return m.idea_from_colleague();
}

/** "12 supporters", "1 supporter", "no supporters yet". */
export function supportersLabel(count: number): string {
	if (count === 0) return m.idea_supporters_none();
	if (count === 1) return m.idea_supporters_one();
	return m.idea_supporters({ count });
}
