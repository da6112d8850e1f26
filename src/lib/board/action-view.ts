import type { Dimension, Horizon, Status } from './cells';

/** An action as the board lists it. `position` is its 0-based place in its cell. */
export interface BoardAction {
	id: number;
	title: string;
	dimension: Dimension;
	horizon: Horizon;
	position: number;
	status: Status;
	progress: number;
	owners: { id: number; name: string }[];
	dueDate: string | null;
	version: number;
}

/** One action with everything the API and the action page show. */
export interface ActionView extends BoardAction {
	boardId: number;
	description: string;
	/** When the work begins (`YYYY-MM-DD`), if planned. */
	startDate: string | null;
	createdAt: string;
	updatedAt: string;
	archived: boolean;
}

/**
 * What every overview of actions shows of one (timeline, report, public page): where it stands
 * on the board, how far it is, and when it runs. Dates are `YYYY-MM-DD`.
 */
export interface ActionBasics {
	id: number;
	title: string;
	dimension: Dimension;
	horizon: Horizon;
	status: Status;
	/** 0–100. */
	progress: number;
	startDate: string | null;
	dueDate: string | null;
}
