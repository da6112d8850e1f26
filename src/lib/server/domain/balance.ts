import { CELLS, DIMENSIONS, HORIZONS, type Dimension, type Horizon } from '../../board/cells';
import type { Status } from '../../board/cells';

/** One cell of the 3×3 balance: how much is planned or running there, and how far it is. */
export interface BalanceCell {
	dimension: Dimension;
	horizon: Horizon;
	/** Live actions that still count: not archived and not dropped. */
	count: number;
	done: number;
	/** Average progress in whole percent over those actions; 0 for an empty cell. */
	averageProgress: number;
	empty: boolean;
}

export interface Balance {
	cells: BalanceCell[];
	/** Totals per dimension (column) and per horizon (row), counted the same way. */
	dimensions: Record<Dimension, { count: number; averageProgress: number }>;
	horizons: Record<Horizon, { count: number; averageProgress: number }>;
	emptyCells: number;
}

interface Counted {
	dimension: Dimension;
	horizon: Horizon;
	status: Status;
	progress: number;
}

const average = (list: Counted[]) =>
	list.length ? Math.round(list.reduce((sum, a) => sum + a.progress, 0) / list.length) : 0;

const summary = (list: Counted[]) => ({ count: list.length, averageProgress: average(list) });

/**
 * The board's balance over the nine cells, from its live actions. Dropped actions are left out:
 * a cell whose only action was given up is as empty as one that never had any.
 */
export function buildBalance(actions: readonly Counted[]): Balance {
	const counted = actions.filter((a) => a.status !== 'dropped');
	const cells = CELLS.map(({ dimension, horizon }): BalanceCell => {
		const list = counted.filter((a) => a.dimension === dimension && a.horizon === horizon);
		return {
			dimension,
			horizon,
			...summary(list),
			done: list.filter((a) => a.status === 'done').length,
			empty: list.length === 0
		};
	});
	return {
		cells,
		dimensions: Object.fromEntries(
			DIMENSIONS.map((d) => [d, summary(counted.filter((a) => a.dimension === d))])
		) as Balance['dimensions'],
		horizons: Object.fromEntries(
			HORIZONS.map((h) => [h, summary(counted.filter((a) => a.horizon === h))])
		) as Balance['horizons'],
		emptyCells: cells.filter((c) => c.empty).length
	};
}
