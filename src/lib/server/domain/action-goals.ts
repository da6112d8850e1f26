import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { actionGoals, goals } from '../db/schema';
import { commitChange } from '../events/commit';
import type { Actor } from './actor';
import { findActionRow } from './action-view';
import { DomainError } from './errors';
import { goalIdsOfAction } from './goals';

/**
 * Says which goals an action serves: exactly these (the ones it served and is not given lose
 * it), all goals of the action's own board. A goal that is not the board's (or nobody's) is
 * refused as a whole; an archived action serves no new goals. Like its codes, an action's goals
 * are no part of its text: they do not raise its version.
 */
export function setActionGoals(db: Db, _actor: Actor, actionId: number, goalIds: number[]) {
	return commitChange(db, () => {
		const action = findActionRow(db, actionId);
		if (!action) throw new DomainError('not_found');
		if (action.archivedAt) throw new DomainError('archived');
		const wanted = [...new Set(goalIds)].sort((a, b) => a - b);
		if (wanted.length) {
			const found = new Set(
				db
					.select({ id: goals.id })
					.from(goals)
					.where(and(eq(goals.boardId, action.boardId), inArray(goals.id, wanted)))
					.all()
					.map((g) => g.id)
			);
			const stranger = wanted.find((id) => !found.has(id));
			if (stranger !== undefined) throw new DomainError('unknown_goal', { goal: stranger });
		}
		db.delete(actionGoals).where(eq(actionGoals.actionId, actionId)).run();
		if (wanted.length) {
			db.insert(actionGoals)
				.values(wanted.map((goalId) => ({ actionId, goalId })))
				.run();
		}
		return goalIdsOfAction(db, actionId);
	});
}
