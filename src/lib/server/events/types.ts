import type { BoardChangeData } from '../../board/changes';

/** A change to a board: one entry of its history (the `events` table) and one live event. */
export type BoardEvent = BoardChangeData & {
	boardId: number;
	actionId: number | null;
	actorId: number | null;
	createdAt: Date;
};

/** Why sessions ended; every open stream of an ended session closes. */
export type SessionEndReason = 'signed_out' | 'password_changed' | 'deactivated' | 'expired';

/** Sessions were ended (they are not part of any board's history). */
export interface SessionsEnded {
	type: 'sessions_ended';
	userId: number;
	sessionIds: string[];
	reason: SessionEndReason;
}

/** What a domain function emits while it changes something. */
export type ChangeEvent = BoardEvent | SessionsEnded;

/** What subscribers hear: board events carry their id in the history (ids grow with time). */
export type CommittedEvent = (BoardEvent & { id: number }) | SessionsEnded;

export const isBoardEvent = (e: CommittedEvent): e is BoardEvent & { id: number } =>
	e.type !== 'sessions_ended';
