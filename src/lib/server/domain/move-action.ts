import type { Db } from '../db';
import { commitChange } from '../events/commit';
import type { ActionView } from '../../board/action-view';
import type { Actor } from './actor';
import type { MoveActionInput } from './action-input';
import { actionQueries } from './action-queries';
import { liveRowForWrite, toView } from './action-view';
import { placeAt } from './cell-order';

/**
 * Moves an action to `index` in a cell. One short transaction that writes only the moved action:
 * a new order key between its new neighbours, the next version, a `moved` event.
 */
export function moveAction(
	db: Db,
	actor: Actor,
	id: number,
	input: MoveActionInput,
	now = new Date()
): ActionView {
	return commitChange(db, (change) => {
		const row = liveRowForWrite(db, id, input.version);
		const to = { dimension: input.dimension, horizon: input.horizon };
		const { key, place } = placeAt(db, row.boardId, to, input.index, id);
		const updated = actionQueries(db).moveTo.get({
			id,
			...to,
			position: key,
			version: row.version + 1,
			now: now.getTime()
		})!;
		change.emit({
			type: 'moved',
			boardId: row.boardId,
			actionId: id,
			actorId: actor.id,
			data: {
				from: { dimension: row.dimension, horizon: row.horizon },
				to,
				index: input.index,
				version: updated.version
			},
			createdAt: now
		});
		return toView(db, updated, place);
	});
}
