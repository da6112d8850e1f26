import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { getBoard } from '$lib/server/domain/boards';
import { listBoardActions } from '$lib/server/domain/board-actions';
import { requirePageUser } from '$lib/server/http/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requirePageUser(event, 'read');
	const id = Number(event.params.id);
	const db = getDb();
	const board = Number.isSafeInteger(id) ? getBoard(db, id) : undefined;
	if (!board) error(404, m.error_not_found());
	return { board, actions: listBoardActions(db, board.id) };
};
