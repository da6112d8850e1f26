import { getDb } from '$lib/server/db';
import { ideaViewer, ideasChangedAt, listIdeasPage, supportedBy } from '$lib/server/domain/ideas';
import { can } from '$lib/server/domain/permissions';
import { requirePageUser } from '$lib/server/http/guard';
import { ideaQueryFrom } from '$lib/server/http/idea-filter';
import { parseId } from '$lib/server/http/ids';
import { summarizeMarkdown } from '$lib/server/markdown';
import { supportAction } from './idea-forms';
import type { Actions, PageServerLoad } from './$types';

/** Ideas shown at first; "show more" raises the limit. */
const IDEAS_PAGE = 30;

export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event, 'read');
	const params = event.url.searchParams;
	const query = ideaQueryFrom(params);
	const limit = Math.min(parseId(params.get('limit') ?? undefined) ?? IDEAS_PAGE, 50 * IDEAS_PAGE);
	const db = getDb();
	const viewer = ideaViewer(user);
	const { found, ideas } = listIdeasPage(db, { ...query, viewer }, limit);
	const supported = supportedBy(db, user.id);
	const more = new URLSearchParams(params);
	more.set('limit', String(limit + IDEAS_PAGE));
	return {
		ideasAsOf: ideasChangedAt(db),
		query,
		ideas: ideas.map(({ text, ...idea }) => ({
			...idea,
			summary: summarizeMarkdown(text, 200),
			supported: supported.has(idea.id),
			mine: idea.proposer?.id === user.id
		})),
		found,
		more: found > limit ? { hidden: found - limit, href: `/ideas?${more}` } : null,
		canDecide: viewer.inGroup,
		canEnterWorkshop: can(user.role, 'enterWorkshopIdeas')
	};
};

export const actions: Actions = { support: supportAction };
