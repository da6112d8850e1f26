import type { Dimension, Horizon, Status } from '$lib/board/cells';

/** What a card on the board needs to know about its action. */
export interface CardItem {
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
	isDndShadowItem?: boolean;
}
