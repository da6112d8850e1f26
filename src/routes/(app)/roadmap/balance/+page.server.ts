import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { buildBalance } from '$lib/server/domain/balance';
import { boardView } from '$lib/server/domain/board-actions';
import { firstBoardId, getBoard } from '$lib/server/domain/boards';
import { listRoadmapActions } from '$lib/server/domain/roadmap';
import { requirePageUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requirePageUser(event, 'read');
	const db = getDb();
	const boardId = parseId(event.url.searchParams.get('board') ?? undefined) ?? firstBoardId(db);
	const board = boardId ? getBoard(db, boardId) : undefined;
	if (!board) error(404, m.error_not_found());
	return {
		board: boardView(board),
		balance: buildBalance(listRoadmapActions(db, board.id))
	};
};
