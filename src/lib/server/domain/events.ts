import { desc, eq, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { prepared } from '../db/prepared';
import { events, users, type EventType } from '../db/schema';

export interface NewEvent {
	boardId: number;
	actionId?: number | null;
	actorId: number | null;
	type: EventType;
	data?: Record<string, unknown>;
	createdAt: Date;
}

const p = sql.placeholder;
const insertEvent = (db: Conn) =>
	db
		.insert(events)
		.values({
			boardId: p('boardId'),
			actionId: p('actionId'),
			actorId: p('actorId'),
			type: p('type'),
			data: p('data'),
			createdAt: p('createdAt')
		})
		.returning({ id: events.id })
		.prepare();

/** Writes one history entry; called inside the transaction of the change it records. */
export function recordEvent(db: Conn, event: NewEvent) {
	return prepared(db, insertEvent).get({
		...event,
		actionId: event.actionId ?? null,
		data: event.data ?? {}
	})!;
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
