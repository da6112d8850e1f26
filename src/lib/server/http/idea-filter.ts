import { DIMENSIONS, type Dimension } from '../../board/cells';
import { LIMITS } from '../../board/limits';
import { IDEA_STATES, type IdeaState } from '../../ideas/states';
import { IDEA_SORTS, type IdeaSort } from '../domain/ideas';

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
	allowed.includes(value as T) ? (value as T) : null;

export interface IdeaQuery {
	sort: IdeaSort;
	state: IdeaState | 'open' | null;
	dimension: Dimension | 'none' | null;
	q: string;
}

/**
 * The list's filter from a query string (`sort`, `state`, `dimension`, `q`), as the ideas page
 * and `GET /api/ideas` read it. Values that are not offered are ignored: a link is better shown
 * unfiltered than refused.
 */
export function ideaQueryFrom(params: URLSearchParams): IdeaQuery {
	return {
		sort: oneOf(IDEA_SORTS, params.get('sort')) ?? 'newest',
		state: oneOf([...IDEA_STATES, 'open' as const], params.get('state')),
		dimension: oneOf([...DIMENSIONS, 'none' as const], params.get('dimension')),
		q: (params.get('q') ?? '').trim().slice(0, LIMITS.search)
	};
}
