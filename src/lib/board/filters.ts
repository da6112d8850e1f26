import { CELLS, STATUSES, cellKey, type Status } from './cells';
import { LIMITS } from './limits';

/** Board filters, kept in the URL so a filtered board can be shared. */
export interface BoardFilters {
	mine: boolean;
	owner: number | null;
	status: Status | null;
	q: string;
}

export function readFilters(params: URLSearchParams): BoardFilters {
	const owner = Number(params.get('owner'));
	const status = params.get('status');
	return {
		mine: params.get('mine') === '1',
		owner: Number.isSafeInteger(owner) && owner > 0 ? owner : null,
		status: STATUSES.includes(status as Status) ? (status as Status) : null,
		q: (params.get('q') ?? '').trim().slice(0, LIMITS.search)
	};
}

export const isFiltering = (f: BoardFilters) =>
	f.mine || f.owner !== null || f.status !== null || f.q !== '';

const CELL_KEYS = new Set(CELLS.map(cellKey));

/** Cells opened with "show all": `?show=ecological:short` (repeatable) or `?show=all`. */
export function readExpanded(params: URLSearchParams): string[] | 'all' {
	const wanted = params.getAll('show');
	if (wanted.includes('all')) return 'all';
	return wanted.filter((k) => CELL_KEYS.has(k));
}
