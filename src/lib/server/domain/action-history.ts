import { desc, eq } from 'drizzle-orm';
import type { Conn } from '../db';
import { events, users } from '../db/schema';
import type { BoardChangeData } from '../../board/changes';

/** A history row; its `type` and `data` belong together as `BoardChanges` says. */
export type HistoryEntry = BoardChangeData & { id: number; createdAt: Date; actor: string | null };

/** The history of one action, newest first. */
export function listActionHistory(db: Conn, actionId: number, limit = 200): HistoryEntry[] {
	return db
		.select({
			id: events.id,
			type: events.type,
			data: events.data,
			createdAt: events.createdAt,
			actor: users.name
		})
		.from(events)
		.leftJoin(users, eq(users.id, events.actorId))
		.where(eq(events.actionId, actionId))
		.orderBy(desc(events.id))
		.limit(limit)
		.all() as HistoryEntry[];
}
