import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { today } from '$lib/board/dates';
import { getDb } from '$lib/server/db';
import { firstBoardId, getBoard } from '$lib/server/domain/boards';
import { listFrameworkCodes } from '$lib/server/domain/framework-codes';
import { goalsOverview } from '$lib/server/domain/goal-definitions';
import { can } from '$lib/server/domain/permissions';
import { requirePageUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';
import type { PageServerLoad } from './$types';

/** The roadmap's goals: each goal of the board as a small chart, by dimension. */
export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event, 'read');
	const db = getDb();
	const boardId = parseId(event.url.searchParams.get('board') ?? undefined) ?? firstBoardId(db);
	const board = boardId ? getBoard(db, boardId) : undefined;
	if (!board) error(404, m.error_not_found());
	return {
		board: { id: board.id, name: board.name },
		goals: goalsOverview(db, board.id, today()),
		codeOptions: listFrameworkCodes(db, getLocale()),
		canManage: can(user.role, 'manageGoals')
	};
};
