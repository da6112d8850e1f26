import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { liveBoards } from '../live/broker';
import { boards } from '../db/schema';
import type { Actor } from './actions';
import { boardView } from './board-actions';
import { DomainError } from './errors';
import { recordEvent } from './events';
import type { FrameInput } from './frame-input';

/** Sets the frame of a board; like actions, a stale version is a conflict. */
export function updateFrame(
	db: Db,
	actor: Actor,
	boardId: number,
	input: FrameInput,
	now = new Date()
) {
	const view = db.transaction(
		(tx) => {
			const board = tx.select().from(boards).where(eq(boards.id, boardId)).get();
			if (!board) throw new DomainError('not_found');
			if (board.version !== input.version) {
				throw new DomainError('conflict', { current: boardView(board) });
			}
			const { version: _version, ...fields } = input;
			const changed = Object.keys(fields).filter(
				(k) => fields[k as keyof typeof fields] !== board[k as keyof typeof fields]
			);
			const updated = tx
				.update(boards)
				.set({ ...fields, version: board.version + 1, updatedAt: now })
				.where(eq(boards.id, boardId))
				.returning()
				.get();
			recordEvent(tx, {
				boardId,
				actorId: actor.id,
				type: 'frame_changed',
				data: { changed, version: updated.version },
				createdAt: now
			});
			return boardView(updated);
		},
		{ behavior: 'immediate' }
	);
	liveBoards.publishCommitted(db);
	return view;
}
