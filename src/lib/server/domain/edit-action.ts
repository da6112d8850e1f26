import type { Db } from '../db';
import type { Action } from '../db/schema';
import { commitChange } from '../events/commit';
import type { ActionView } from '../../board/action-view';
import { EDITABLE_FIELDS, type BoardChanges, type OwnersChange } from '../../board/changes';
import type { Actor } from './actor';
import type { UpdateActionInput } from './action-input';
import { assertActiveOwners, currentOwnerIds, replaceOwners } from './action-owners';
import { assertStartNotAfterDue, liveRowForWrite, saveNextVersion, toView } from './action-view';

/** Changes fields and owners of an action based on `version`; a stale version is a conflict. */
export function updateAction(
	db: Db,
	actor: Actor,
	id: number,
	input: UpdateActionInput,
	now = new Date()
): ActionView {
	return commitChange(db, (change) => {
		const row = liveRowForWrite(db, id, input.version);
		// One of the two dates may be changed alone; the pair as it will stand must hold.
		assertStartNotAfterDue(
			input.startDate === undefined ? row.startDate : input.startDate,
			input.dueDate === undefined ? row.dueDate : input.dueDate
		);
		const changes: Partial<Action> = {};
		const changed: BoardChanges['edited']['changed'] = {};
		for (const field of EDITABLE_FIELDS) {
			const value = input[field];
			if (value !== undefined && value !== row[field]) {
				Object.assign(changes, { [field]: value });
				changed[field] = { from: row[field], to: value };
			}
		}
		let owners: OwnersChange | undefined;
		if (input.owners) {
			const before = currentOwnerIds(db, id);
			const after = [...new Set(input.owners)].sort((a, b) => a - b);
			if (before.join() !== after.join()) {
				// Someone who left may stay an owner, but nobody inactive can be added.
				assertActiveOwners(
					db,
					after.filter((o) => !before.includes(o))
				);
				replaceOwners(db, id, after);
				owners = { from: before, to: after };
			}
		}
		const fieldsChanged = Object.keys(changed).length > 0;
		if (!fieldsChanged && !owners) return toView(db, row);
		const version = row.version + 1;
		const event = { boardId: row.boardId, actionId: id, actorId: actor.id, createdAt: now };
		// One change, one event: an edit that also changes owners is one "edited" entry.
		if (fieldsChanged) {
			change.emit({
				...event,
				type: 'edited',
				data: { changed, ...(owners && { owners }), version }
			});
		} else {
			change.emit({ ...event, type: 'owners_changed', data: { ...owners!, version } });
		}
		return toView(db, saveNextVersion(db, row, changes, now));
	});
}
