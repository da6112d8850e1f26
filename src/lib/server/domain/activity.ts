import { desc, eq } from 'drizzle-orm';
import type { Conn } from '../db';
import { actions, events, users } from '../db/schema';

/** The latest changes on a board, newest first, with who made them and to which action. */
export function listBoardActivity(db: Conn, boardId: number, limit = 15) {
	return db
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
		.where(eq(events.boardId, boardId))
		.orderBy(desc(events.id))
		.limit(limit)
		.all();
}
