import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { getBoard } from '$lib/server/domain/boards';
import { boardView, listBoardActions } from '$lib/server/domain/board-actions';
import { ApiError, apiHandler, idParam } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';
import { streamJsonList } from '$lib/server/http/json-stream';

/** `{board, actions}`; the actions are read at once and sent in parts (see `streamJsonList`). */
export const GET = apiHandler((event) => {
	requireApiUser(event, 'read');
	const db = getDb();
	const board = getBoard(db, idParam(event.params.id!));
	if (!board) throw new ApiError(404, 'not_found', m.error_not_found());
	const actions = listBoardActions(db, board.id);
	return streamJsonList(`{"board":${JSON.stringify(boardView(board))},"actions":[`, actions, ']}');
});
