import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { getBoard } from '$lib/server/domain/boards';
import { boardPageJson, loadBoardPage } from '$lib/server/domain/board-page';
import { readExpanded, readFilters } from '$lib/board/filters';
import { ApiError, apiHandler, idParam } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

/**
 * The cards the board page shows (`BoardCards`), for the filters and opened cells in the query
 * (`q`, `status`, `owner`, `mine`, `show`, as in the page's address): what the board page's
 * universal load fetches.
 */
export const GET = apiHandler((event) => {
	const user = requireApiUser(event, 'read');
	const db = getDb();
	const board = getBoard(db, idParam(event.params.id!));
	if (!board) throw new ApiError(404, 'not_found', m.error_not_found());
	const params = event.url.searchParams;
	const page = loadBoardPage(db, board.id, {
		filters: readFilters(params),
		userId: user.id,
		expanded: readExpanded(params)
	});
	return new Response(boardPageJson(page), {
		headers: { 'content-type': 'application/json', 'cache-control': 'private, no-cache' }
	});
});
