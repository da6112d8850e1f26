import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { today } from '$lib/board/dates';
import { buildTimeline, TIMELINE_RULES } from '$lib/roadmap/timeline';
import { getDb } from '$lib/server/db';
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
	const now = new Date();
	// Only what the chart shows travels to the page.
	const actions = listRoadmapActions(db, board.id, now).map(
		({ id, title, dimension, horizon, status, progress, startDate, dueDate }) => ({
			id,
			title,
			dimension,
			horizon,
			status,
			progress,
			startDate,
			dueDate
		})
	);
	return {
		board: boardView(board),
		timeline: buildTimeline(actions, today(now)),
		rules: TIMELINE_RULES
	};
};
