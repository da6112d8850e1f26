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

/** An idea was proposed, edited, supported (or no longer), or changed its state. */
export interface IdeaChanged {
	type: 'idea_changed';
	ideaId: number;
	change: 'proposed' | 'edited' | 'supported' | 'unsupported' | 'state';
	actorId: number | null;
	version: number;
}

/** What a domain function emits while it changes something. */
export type ChangeEvent = BoardEvent | SessionsEnded | IdeaChanged;

/** What subscribers hear: board events carry their id in the history (ids grow with time). */
export type CommittedEvent = (BoardEvent & { id: number }) | SessionsEnded | IdeaChanged;

export const isBoardEvent = (e: CommittedEvent): e is BoardEvent & { id: number } =>
	e.type !== 'sessions_ended' && e.type !== 'idea_changed';

/** Board events become entries of the board's history; the others are heard only. */
export const isBoardChange = (e: ChangeEvent): e is BoardEvent =>
	e.type !== 'sessions_ended' && e.type !== 'idea_changed';
