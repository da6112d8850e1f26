import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { DIMENSIONS, type Dimension } from '$lib/board/cells';
import { getDb } from '$lib/server/db';
import { listBoardActivity } from '$lib/server/domain/activity';
import { boardView } from '$lib/server/domain/board-actions';
import { firstBoardId, getBoard } from '$lib/server/domain/boards';
import { countIdeasByDimension } from '$lib/server/domain/idea-summaries';
import { can } from '$lib/server/domain/permissions';
import { buildRoadmap, listRoadmapActions, ROADMAP_RULES } from '$lib/server/domain/roadmap';
import { listUsers } from '$lib/server/domain/users';
import { requirePageUser } from '$lib/server/http/guard';
import { describeActivity } from '$lib/board/history';
import { parseId } from '$lib/server/http/ids';
import { latestEventId } from '$lib/server/live/broker';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event, 'read');
	const db = getDb();
	const boardId = parseId(event.url.searchParams.get('board') ?? undefined) ?? firstBoardId(db);
	const board = boardId ? getBoard(db, boardId) : undefined;
	if (!board) error(404, m.error_not_found());
	const wanted = event.url.searchParams.get('dimension');
	const dimension = DIMENSIONS.includes(wanted as Dimension) ? (wanted as Dimension) : null;
	const now = new Date();
	return {
		board: boardView(board),
		dimension,
		roadmap: buildRoadmap(listRoadmapActions(db, board.id, now), now, dimension ?? undefined),
		rules: ROADMAP_RULES,
		ideas: countIdeasByDimension(db),
		activity: describeActivity(
			listBoardActivity(db, board.id),
			new Map(listUsers(db).map((u) => [u.id, u.name]))
		),
		generatedAt: now.toISOString(),
		liveFrom: latestEventId(db, board.id),
		canEditFrame: can(user.role, 'editFrame')
	};
};
