import { getDb } from '$lib/server/db';
import { boardView, listBoardActions } from '$lib/server/domain/board-actions';
import { apiHandler, boardParam } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';
import { streamJsonList } from '$lib/server/http/json-stream';

/** `{board, actions}`; the actions are read at once and sent in parts (see `streamJsonList`). */
export const GET = apiHandler((event) => {
	requireApiUser(event, 'read');
	const db = getDb();
	const board = boardParam(db, event.params.id!);
	const actions = listBoardActions(db, board.id);
	return streamJsonList(`{"board":${JSON.stringify(boardView(board))},"actions":[`, actions, ']}');
});
