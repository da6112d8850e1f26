import { desc, eq } from 'drizzle-orm';
import type { Conn } from '../db';
import { events, users, type EventType } from '../db/schema';

export interface NewEvent {
	boardId: number;
	actionId?: number | null;
	actorId: number | null;
	type: EventType;
	data?: Record<string, unknown>;
	createdAt: Date;
}

/** Writes one history entry; called inside the transaction of the change it records. */
export function recordEvent(db: Conn, event: NewEvent) {
	return db
		.insert(events)
		.values({ ...event, data: event.data ?? {} })
		.returning({ id: events.id })
		.get();
}

export interface HistoryEntry {
	id: number;
	type: EventType;
	data: Record<string, unknown>;
	createdAt: Date;
	actor: string | null;
}

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
		.all();
}
