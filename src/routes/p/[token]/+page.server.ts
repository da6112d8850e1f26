import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { boardOfPublicToken, publicView } from '$lib/server/domain/public-page';
import { renderMarkdown } from '$lib/server/markdown';
import type { PageServerLoad } from './$types';

/**
 * The board's public page: no session needed, the link is the key. An unknown, renewed or
 * turned-off link is "not found", like any page that does not exist.
 */
export const load: PageServerLoad = ({ params, setHeaders }) => {
	const db = getDb();
	const board = boardOfPublicToken(db, params.token);
	if (!board) error(404, m.error_not_found());
	// A link shared with partners is not meant for search engines.
	setHeaders({ 'x-robots-tag': 'noindex' });
	const view = publicView(db, board);
	return {
		view: {
			...view,
			actions: view.actions.map((a) => ({
				...a,
				descriptionHtml: a.description ? renderMarkdown(a.description) : null
			}))
		},
		token: params.token
	};
};
