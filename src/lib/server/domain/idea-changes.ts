import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { ideaHistory, ideaSupports, ideas, type Idea } from '../db/schema';
import { commitChange, type Change } from '../events/commit';
import type { IdeaChanged } from '../events/types';
import { DECISIONS, NEEDS_REASON, isOpen, type IdeaState } from '../../ideas/states';
import type { Actor } from './actor';
import { findActionRow } from './action-view';
import { firstBoardId } from './boards';
import { createAction } from './create-action';
import { DomainError } from './errors';
import type { EditIdeaInput, IdeaDecision, ProposeIdeaInput } from './idea-input';
import { countSupporters, findIdeaRow, ideaForWrite, toIdeaView, type IdeaView } from './ideas';

/** What each write of an idea hands back: the idea as everyone sees it. */
const view = (db: Db, row: Idea) => toIdeaView(row, countSupporters(db, row.id));

function recordState(db: Db, row: Idea, actorId: number | null, now: Date) {
	db.insert(ideaHistory)
		.values({ ideaId: row.id, state: row.state, reason: row.reason, actorId, createdAt: now })
		.run();
}

function emit(change: Change, row: Idea, kind: IdeaChanged['change'], actorId: number | null) {
	change.emit({
		type: 'idea_changed',
		ideaId: row.id,
		change: kind,
		actorId,
		version: row.version
	});
}

/**
 * A new idea from `actor` — anyone signed in. `source` names a workshop instead of a person, for
 * ideas entered from paper.
 */
export function proposeIdea(
	db: Db,
	actor: Actor,
	input: ProposeIdeaInput,
	{ source, now = new Date() }: { source?: string; now?: Date } = {}
): IdeaView {
	return commitChange(db, (change) => {
		const row = db
			.insert(ideas)
			.values({
				title: input.title,
				text: input.text,
				dimension: input.dimension,
				proposerId: source ? null : actor.id,
				proposerName: source ?? actor.name,
				showName: input.showName,
				createdAt: now,
				updatedAt: now
			})
			.returning()
			.get();
		recordState(db, row, actor.id, now);
		emit(change, row, 'proposed', actor.id);
		return view(db, row);
	});
}

/** Only the proposer changes their idea, and only while the working group has not started on it. */
function mustBeProposers(db: Db, row: Idea, actor: Actor) {
	if (row.proposerId !== actor.id) throw new DomainError('not_allowed');
	if (row.state !== 'submitted') {
		throw new DomainError('wrong_state', { current: view(db, row) });
	}
}

/** The proposer changes their idea — only while the working group has not started on it. */
export function editIdea(db: Db, actor: Actor, id: number, input: EditIdeaInput, now = new Date()) {
	return commitChange(db, (change) => {
		const row = ideaForWrite(db, id, input.version);
		mustBeProposers(db, row, actor);
		const updated = db
			.update(ideas)
			.set({
				title: input.title,
				text: input.text,
				dimension: input.dimension,
				version: row.version + 1,
				updatedAt: now
			})
			.where(eq(ideas.id, id))
			.returning()
			.get();
		emit(change, updated, 'edited', actor.id);
		return view(db, updated);
	});
}

/** The proposer takes their idea back — only while the working group has not started on it. */
export function withdrawIdea(db: Db, actor: Actor, id: number, version: number, now = new Date()) {
	return commitChange(db, (change) => {
		const row = ideaForWrite(db, id, version);
		mustBeProposers(db, row, actor);
		const updated = setState(db, row, { state: 'withdrawn' }, actor.id, now);
		emit(change, updated, 'state', actor.id);
		return view(db, updated);
	});
}

function setState(
	db: Db,
	row: Idea,
	fields: { state: IdeaState; reason?: string; mergedIntoId?: number; actionId?: number },
	actorId: number,
	now: Date
): Idea {
	const decided = fields.state !== 'in_review';
	const updated = db
		.update(ideas)
		.set({
			state: fields.state,
			reason: fields.reason ?? null,
			mergedIntoId: fields.mergedIntoId ?? null,
			actionId: fields.actionId ?? row.actionId,
			version: row.version + 1,
			updatedAt: now,
			decidedAt: decided ? now : null
		})
		.where(eq(ideas.id, row.id))
		.returning()
		.get();
	recordState(db, updated, actorId, now);
	return updated;
}

/** Supporters of `from` support `into` too (except its own proposer, who cannot). */
function carrySupporters(db: Db, from: Idea, into: Idea, now: Date) {
	db.run(sql`
		insert or ignore into ${ideaSupports} (idea_id, user_id, created_at)
		select ${into.id}, user_id, ${now.getTime()} from ${ideaSupports}
		where idea_id = ${from.id} and user_id is not ${into.proposerId}`);
	if (from.proposerId !== null && from.proposerId !== into.proposerId) {
		db.insert(ideaSupports)
			.values({ ideaId: into.id, userId: from.proposerId, createdAt: now })
			.onConflictDoNothing()
			.run();
	}
}

/**
 * The working group decides (members, admins and leaders — the caller checks the permission):
 * starts the review, declines or merges (with a public reason), or accepts — into a new action
 * on the chosen board (the first board when none is named) in the chosen cell, or by linking an
 * existing action.
 */
export function decideIdea(
	db: Db,
	actor: Actor,
	id: number,
	input: IdeaDecision,
	now = new Date()
): IdeaView {
	return commitChange(db, (change) => {
		const row = ideaForWrite(db, id, input.version);
		if (!DECISIONS[row.state].includes(input.state)) {
			throw new DomainError('wrong_state', { current: view(db, row) });
		}
		if (NEEDS_REASON.includes(input.state) && !('reason' in input && input.reason)) {
			throw new DomainError('not_allowed');
		}
		let updated: Idea;
		if (input.state === 'merged') {
			const into = findIdeaRow(db, input.into);
			if (!into || into.id === row.id || (!isOpen(into.state) && into.state !== 'accepted')) {
				throw new DomainError('invalid_merge');
			}
			updated = setState(
				db,
				row,
				{ state: 'merged', reason: input.reason, mergedIntoId: into.id },
				actor.id,
				now
			);
			carrySupporters(db, row, into, now);
			touch(db, into.id, now);
			emit(change, into, 'edited', actor.id);
		} else if (input.state === 'accepted') {
			const boardId = input.boardId ?? firstBoardId(db);
			if (input.actionId === undefined && boardId === undefined) {
				throw new DomainError('not_found');
			}
			const actionId =
				input.actionId ??
				createAction(db, actor, boardId!, {
					title: input.title ?? row.title,
					description: input.text ?? row.text,
					dimension: input.dimension!,
					horizon: input.horizon!
				}).id;
			const action = findActionRow(db, actionId);
			if (!action || action.archivedAt) throw new DomainError('invalid_action');
			updated = setState(db, row, { state: 'accepted', actionId }, actor.id, now);
		} else {
			updated = setState(
				db,
				row,
				{ state: input.state, reason: 'reason' in input ? input.reason : undefined },
				actor.id,
				now
			);
		}
		emit(change, updated, 'state', actor.id);
		return view(db, updated);
	});
}

/** `actor` supports an idea (once; not their own; only while it is open). */
export function supportIdea(db: Db, actor: Actor, id: number, now = new Date()): IdeaView {
	return commitChange(db, (change) => {
		const row = ideaForWrite(db, id);
		if (row.proposerId === actor.id) throw new DomainError('own_idea');
		if (!isOpen(row.state)) throw new DomainError('wrong_state', { current: view(db, row) });
		const added = db
			.insert(ideaSupports)
			.values({ ideaId: id, userId: actor.id, createdAt: now })
			.onConflictDoNothing()
			.run().changes;
		if (added) {
			touch(db, id, now);
			emit(change, row, 'supported', actor.id);
		}
		return view(db, row);
	});
}

/** A new count of supporters is a change of the idea for those who watch the list. */
function touch(db: Db, id: number, now: Date) {
	db.update(ideas).set({ updatedAt: now }).where(eq(ideas.id, id)).run();
}

/** `actor` takes their support back. */
export function withdrawSupport(db: Db, actor: Actor, id: number, now = new Date()): IdeaView {
	return commitChange(db, (change) => {
		const row = ideaForWrite(db, id);
		const removed = db
			.delete(ideaSupports)
			.where(and(eq(ideaSupports.ideaId, id), eq(ideaSupports.userId, actor.id)))
			.run().changes;
		if (removed) {
			touch(db, id, now);
			emit(change, row, 'unsupported', actor.id);
		}
		return view(db, row);
	});
}
