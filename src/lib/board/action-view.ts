import type { Dimension, Horizon, Status } from './cells';

/** One action as the API and the pages show it. `position` is its 0-based place in its cell. */
export interface ActionView {
	id: number;
	boardId: number;
	title: string;
	description: string;
	dimension: Dimension;
	horizon: Horizon;
	position: number;
	status: Status;
	progress: number;
	owners: { id: number; name: string }[];
	dueDate: string | null;
	version: number;
	createdAt: string;
	updatedAt: string;
	archived: boolean;
}
