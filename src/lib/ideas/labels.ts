import { m } from '$lib/paraglide/messages';
import { dimensionLabel } from '$lib/board/labels';
import { formatDate } from '$lib/board/dates';
import type { Dimension } from '$lib/board/cells';
import type { IdeaState } from './states';
import { getLocale } from '$lib/paraglide/runtime';
import type { IdeaView } from './idea-view';
import type { IdeaCredit } from './idea-summary';
import { workshopSourceLabel } from './workshop-label';

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
	if (idea.source) return workshopSourceLabel(idea.source, getLocale());
	return m.idea_from_colleague();
}

/** "From Kim, 3 May 2026" — or, for ideas from paper, "From the workshop Spring, 12 Mar 2026". */
export function ideaByline(idea: Pick<IdeaView, 'proposer' | 'source' | 'createdAt'>): string {
	const locale = getLocale();
	if (!idea.proposer && idea.source) {
		return m.idea_from_source({ source: workshopSourceLabel(idea.source, locale) });
	}
	return m.idea_from({
		name: ideaFromLabel(idea),
		date: formatDate(idea.createdAt.slice(0, 10), locale)
	});
}

/** The same for an idea's credit in a short list elsewhere (what comes next, an action). */
export function ideaCreditLabel(credit: IdeaCredit): string {
	if (credit.kind === 'person') return credit.name;
	if (credit.kind === 'source') return workshopSourceLabel(credit.source, getLocale());
	return m.idea_from_colleague();
}

/** "12 supporters", "1 supporter", "no supporters yet". */
export function supportersLabel(count: number): string {
	if (count === 0) return m.idea_supporters_none();
	if (count === 1) return m.idea_supporters_one();
	return m.idea_supporters({ count });
}
