import { desc, eq, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { prepared } from '../db/prepared';
import { actions, events, users } from '../db/schema';
import type { BoardChangeData } from '../../board/changes';

const activityQuery = (db: Conn) =>
	db
		.select({
			id: events.id,
			type: events.type,
			data: events.data,
			createdAt: events.createdAt,
			actor: users.name,
			actionId: events.actionId,
			actionTitle: actions.title
		})
		.from(events)
		.leftJoin(users, eq(users.id, events.actorId))
		.leftJoin(actions, eq(actions.id, events.actionId))
		.where(eq(events.boardId, sql.placeholder('boardId')))
		.orderBy(desc(events.id))
		.limit(sql.placeholder('limit'))
		.prepare();

/** The latest changes on a board, newest first, with who made them and to which action. */
export function listBoardActivity(db: Conn, boardId: number, limit = 15) {
	type Row = ReturnType<ReturnType<typeof activityQuery>['all']>[number];
	// A row's `type` and `data` belong together as `BoardChanges` says.
	return prepared(db, activityQuery).all({ boardId, limit }) as (Omit<Row, 'type' | 'data'> &
		BoardChangeData)[];
}
