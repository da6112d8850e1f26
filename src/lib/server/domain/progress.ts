import { desc, eq } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { progressEntries, users } from '../db/schema';
import { commitChange } from '../events/commit';
import type { Actor } from './actor';
import type { ProgressInput } from './action-input';
import { liveRowForWrite, saveNextVersion, toView } from './action-view';

/** Logs progress; the action's progress (and status, when given) follow the newest entry. */
export function addProgress(
	db: Db,
	actor: Actor,
	id: number,
	input: ProgressInput,
	now = new Date()
) {
	return commitChange(db, (change) => {
		const row = liveRowForWrite(db, id);
		const entry = db
			.insert(progressEntries)
			.values({
				actionId: id,
				authorId: actor.id,
				note: input.note,
				progress: input.progress,
				status: input.status ?? null,
				createdAt: now
			})
			.returning()
			.get();
		const updated = saveNextVersion(
			db,
			row,
			{ progress: input.progress, ...(input.status && { status: input.status }) },
			now
		);
		change.emit({
			type: 'progress',
			boardId: row.boardId,
			actionId: id,
			actorId: actor.id,
			data: {
				progress: input.progress,
				from: row.progress,
				version: updated.version,
				...(input.status && input.status !== row.status && { status: input.status })
			},
			createdAt: now
		});
		return {
			entry: { ...entry, createdAt: entry.createdAt.toISOString() },
			action: toView(db, updated)
		};
	});
}

/** The progress log, newest first, with the authors' names. */
export function listProgress(db: Conn, actionId: number) {
	return db
		.select({
			id: progressEntries.id,
			note: progressEntries.note,
			progress: progressEntries.progress,
			status: progressEntries.status,
			createdAt: progressEntries.createdAt,
			author: users.name
		})
		.from(progressEntries)
		.leftJoin(users, eq(users.id, progressEntries.authorId))
		.where(eq(progressEntries.actionId, actionId))
		.orderBy(desc(progressEntries.createdAt), desc(progressEntries.id))
		.all();
}
