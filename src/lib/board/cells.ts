/** The fixed identifiers of the three-stage cluster; their labels are translated. */
export const DIMENSIONS = ['ecological', 'economic', 'social'] as const;
export const HORIZONS = ['short', 'medium', 'long'] as const;
export const STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;

export type Dimension = (typeof DIMENSIONS)[number];
export type Horizon = (typeof HORIZONS)[number];
export type Status = (typeof STATUSES)[number];

export interface Cell {
	dimension: Dimension;
	horizon: Horizon;
}

/** Every cell of the board, row by row (short term first), ecological → social within a row. */
export const CELLS: readonly Cell[] = HORIZONS.flatMap((horizon) =>
	DIMENSIONS.map((dimension) => ({ dimension, horizon }))
);

export const cellKey = (cell: Cell) => `${cell.dimension}:${cell.horizon}`;

/** Groups items by their cell, keeping their order. */
export function groupByCell<T extends Cell>(items: readonly T[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const key = cellKey(item);
		const list = groups.get(key);
		if (list) list.push(item);
		else groups.set(key, [item]);
	}
	return groups;
}
