import { getDb } from '$lib/server/db';
import { boardPageJson, loadBoardPage } from '$lib/server/domain/board-page';
import { readExpanded, readFilters } from '$lib/board/filters';
import { apiHandler, boardParam } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

/**
 * The cards the board page shows (`BoardCards`), for the filters and opened cells in the query
 * (`q`, `status`, `owner`, `mine`, `show`, as in the page's address): what the board page's
 * universal load fetches.
 */
export const GET = apiHandler((event) => {
	const user = requireApiUser(event, 'read');
	const db = getDb();
	const board = boardParam(db, event.params.id!);
	const params = event.url.searchParams;
	const page = loadBoardPage(db, board.id, {
		filters: readFilters(params),
		userId: user.id,
		expanded: readExpanded(params)
	});
	return new Response(boardPageJson(page), {
		headers: { 'content-type': 'application/json' }
	});
});
