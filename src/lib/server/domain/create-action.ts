import type { Db } from '../db';
import { actions } from '../db/schema';
import { commitChange } from '../events/commit';
import type { ActionView } from '../../board/action-view';
import type { Actor } from './actor';
import type { CreateActionInput } from './action-input';
import { assertActiveOwners, replaceOwners } from './action-owners';
import { assertStartNotAfterDue, toView } from './action-view';
import { keyAtEnd, placeAt } from './cell-order';

/** Creates an action at the end of its cell (or at `index`). */
export function createAction(
	db: Db,
	actor: Actor,
	boardId: number,
	input: CreateActionInput & { index?: number },
	now = new Date()
): ActionView {
	return commitChange(db, (change) => {
		const cell = { dimension: input.dimension, horizon: input.horizon };
		assertStartNotAfterDue(input.startDate ?? null, input.dueDate ?? null);
		const owners = input.owners ?? [];
		assertActiveOwners(db, owners);
		const position =
			input.index === undefined
				? keyAtEnd(db, boardId, cell)
				: placeAt(db, boardId, cell, input.index).key;
		const row = db
			.insert(actions)
			.values({
				boardId,
				title: input.title,
				description: input.description ?? '',
				...cell,
				position,
				status: input.status ?? 'planned',
				progress: input.progress ?? 0,
				startDate: input.startDate ?? null,
				dueDate: input.dueDate ?? null,
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.returning()
			.get();
		replaceOwners(db, row.id, owners);
		change.emit({
			type: 'created',
			boardId,
			actionId: row.id,
			actorId: actor.id,
			data: { title: row.title, ...cell, version: row.version },
			createdAt: now
		});
		return toView(db, row);
	});
}
