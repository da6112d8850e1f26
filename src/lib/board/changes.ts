import type { Cell, Dimension, Horizon, Status } from './cells';

/** The fields of an action that an edit may change (and its history names). */
export const EDITABLE_FIELDS = [
	'title',
	'description',
	'status',
	'progress',
	'startDate',
	'dueDate'
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface OwnersChange {
	from: number[];
	to: number[];
}

/**
 * What each kind of board change records: its history entry in `events.data`, its live event,
 * its line in plain words. The domain writes them, the history wording reads them, the demo and
 * bench seeds fill them — one type per kind for all of them. `version` is the action's (or, for
 * the frame, the board's) version after the change.
 */
export interface BoardChanges {
	created: { title: string; dimension: Dimension; horizon: Horizon; version: number };
	edited: {
		changed: Partial<Record<EditableField, { from: unknown; to: unknown }>>;
		owners?: OwnersChange;
		version: number;
	};
	moved: { from: Cell; to: Cell; index: number; version: number };
	owners_changed: OwnersChange & { version: number };
	progress: { progress: number; from: number; status?: Status; version: number };
	archived: { version: number };
	restored: { version: number };
	frame_changed: { changed: string[]; version: number };
	/** Shown on the public page or not; the description shareable or internal (what changed). */
	publicity_changed: { isPublic?: boolean; descriptionPublic?: boolean; version: number };
}

export type BoardChangeKind = keyof BoardChanges;

export const BOARD_CHANGE_KINDS = [
	'created',
	'edited',
	'moved',
	'owners_changed',
	'progress',
	'archived',
	'restored',
	'frame_changed',
	'publicity_changed'
] as const satisfies readonly BoardChangeKind[];

/** One kind of change with its data, e.g. `{type: 'moved', data: {from, to, index, version}}`. */
export type BoardChangeData = {
	[K in BoardChangeKind]: { type: K; data: BoardChanges[K] };
}[BoardChangeKind];

// Every kind is listed above: adding one to `BoardChanges` without listing it fails to compile.
type Unlisted = Exclude<BoardChangeKind, (typeof BOARD_CHANGE_KINDS)[number]>;
export const allKindsListed: Unlisted extends never ? true : never = true;
