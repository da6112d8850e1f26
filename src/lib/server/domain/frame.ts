import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { boards } from '../db/schema';
import { commitChange } from '../events/commit';
import type { Actor } from './actor';
import { boardView } from './board-actions';
import { DomainError } from './errors';
import type { FrameInput } from './frame-input';

/** Sets the frame of a board; like actions, a stale version is a conflict. */
export function updateFrame(
	db: Db,
	actor: Actor,
	boardId: number,
	input: FrameInput,
	now = new Date()
) {
	return commitChange(db, (change) => {
		const board = db.select().from(boards).where(eq(boards.id, boardId)).get();
		if (!board) throw new DomainError('not_found');
		if (board.version !== input.version) {
			throw new DomainError('conflict', { current: boardView(board) });
		}
		const { version: _version, ...fields } = input;
		const changed = Object.keys(fields).filter(
			(k) => fields[k as keyof typeof fields] !== board[k as keyof typeof fields]
		);
		const updated = db
			.update(boards)
			.set({ ...fields, version: board.version + 1, updatedAt: now })
			.where(eq(boards.id, boardId))
			.returning()
			.get();
		change.emit({
			type: 'frame_changed',
			boardId,
			actionId: null,
			actorId: actor.id,
			data: { changed, version: updated.version },
			createdAt: now
		});
		return boardView(updated);
	});
}
