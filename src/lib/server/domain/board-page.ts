import type Database from 'better-sqlite3';
import type { Db } from '../db';
import { CELLS, cellKey } from '../../board/cells';
import type { BoardFilters } from '../../board/filters';
import type { BoardAction } from '../../board/action-view';
import { ownersOf, ownersOfBoard } from './board-actions';

/** Cards a cell shows before "show all": enough to work with, small enough to load at once. */
export const CARDS_PER_CELL = 8;
/**
 * Cards an opened cell shows at most. A cell of a thousand cards is no list to read; past this
 * the search and filters find what someone looks for, and the page stays small.
 */
export const CARDS_PER_OPEN_CELL = 150;

export interface CellCounts {
	/** Live actions in the cell. */
	total: number;
	/** Of those, how many match the filters. */
	matching: number;
}

export interface BoardPage {
	actions: BoardAction[];
	cells: Record<string, CellCounts>;
}

// Filters as SQL over `a` (an action row); only the filters in use are part of a statement.
const FILTERS = {
	status: 'a.status = @status',
	q: 'instr(dk_fold(a.title), @q) > 0',
	owner: 'exists (select 1 from action_owners o where o.action_id = a.id and o.user_id = @owner)',
	mine: 'exists (select 1 from action_owners o where o.action_id = a.id and o.user_id = @mine)'
} as const;
type FilterName = keyof typeof FILTERS;

function visibleSql(where: string) {
	return `
	with placed as (
		select a.id, a.title, a.dimension, a.horizon, a.status, a.progress, a.due_date as dueDate,
			a.version, row_number() over (partition by a.dimension, a.horizon order by a.position, a.id) - 1 as position
		from actions a
		where a.board_id = @board and a.archived_at is null
	), matching as (
		select a.*, row_number() over (partition by a.dimension, a.horizon order by a.position) as rank
		from placed a
		where ${where}
	)
	select id, title, dimension, horizon, status, progress, dueDate, version, position
	from matching
	where rank <= @limit
		or (rank <= @openLimit and instr(@expanded, ',' || dimension || ':' || horizon || ',') > 0)
	order by dimension, horizon, position`;
}

function countsSql(where: string) {
	return `
	select a.dimension, a.horizon, count(*) as total, sum(case when ${where} then 1 else 0 end) as matching
	from actions a
	where a.board_id = @board and a.archived_at is null
	group by a.dimension, a.horizon`;
}

// Without filters each cell reads only the cards it shows, straight from the cell index: the
// page costs the same for a board of 1,000 actions or 100,000.
const CELL_SQL = `
	select id, title, dimension, horizon, status, progress, due_date as dueDate, version
	from actions
	where board_id = @board and dimension = @dimension and horizon = @horizon and archived_at is null
	order by position, id
	limit @limit`;
const cellStatements = new WeakMap<Database.Database, Database.Statement>();

function cellCards(db: Db, boardId: number, limitOf: (key: string) => number) {
	let statement = cellStatements.get(db.$client);
	if (!statement) cellStatements.set(db.$client, (statement = db.$client.prepare(CELL_SQL)));
	return CELLS.flatMap((cell) =>
		(
			statement.all({ board: boardId, ...cell, limit: limitOf(cellKey(cell)) }) as Omit<
				BoardAction,
				'owners' | 'position'
			>[]
		).map((row, position) => ({ ...row, position }))
	);
}

/** How many cards of each cell "Move to…" offers as places ("after …"); the end is always one. */
export const MOVE_CHOICES_PER_CELL = 50;

/** The first titles of every cell, in order, by cell key — the places "Move to…" offers. */
export function placesPerCell(db: Db, boardId: number) {
	const titles: Record<string, { id: number; title: string }[]> = {};
	for (const card of cellCards(db, boardId, () => MOVE_CHOICES_PER_CELL)) {
		(titles[cellKey(card)] ??= []).push({ id: card.id, title: card.title });
	}
	return titles;
}

/** Statements per connection and set of filters in use (at most 16 sets), compiled once. */
const statements = new WeakMap<
	Database.Database,
	Map<string, { visible: Database.Statement; counts: Database.Statement }>
>();

function prepared(db: Db, used: FilterName[]) {
	let byFilters = statements.get(db.$client);
	if (!byFilters) statements.set(db.$client, (byFilters = new Map()));
	const key = used.join(',');
	let s = byFilters.get(key);
	if (!s) {
		const where = used.length ? used.map((f) => FILTERS[f]).join(' and ') : '1';
		s = {
			visible: db.$client.prepare(visibleSql(where)),
			counts: db.$client.prepare(countsSql(where))
		};
		byFilters.set(key, s);
	}
	return s;
}

/**
 * What the board page shows: per cell the first cards (all of them in expanded cells) that match
 * the filters, each with its real place in the cell, and how many each cell holds and matches.
 * Filtering and limiting happen in SQL, so a board of 10,000 actions renders as fast as one of
 * a few hundred.
 */
export function loadBoardPage(
	db: Db,
	boardId: number,
	options: { filters: BoardFilters; userId: number; expanded: string[] | 'all' }
): BoardPage {
	const { filters, userId, expanded } = options;
	const values = {
		status: filters.status,
		q: filters.q ? filters.q.toLocaleLowerCase() : null,
		owner: filters.owner,
		mine: filters.mine ? userId : null
	};
	const used = (Object.keys(values) as FilterName[]).filter((f) => values[f] !== null);
	const params = {
		board: boardId,
		...Object.fromEntries(used.map((f) => [f, values[f]])),
		limit: expanded === 'all' ? CARDS_PER_OPEN_CELL : CARDS_PER_CELL,
		openLimit: CARDS_PER_OPEN_CELL,
		expanded: `,${expanded === 'all' ? '' : expanded.join(',')},`
	};
	const { visible, counts } = prepared(db, used);
	const rows =
		used.length === 0
			? cellCards(db, boardId, (key) =>
					expanded === 'all' || expanded.includes(key) ? CARDS_PER_OPEN_CELL : CARDS_PER_CELL
				)
			: (visible.all(params) as Omit<BoardAction, 'owners'>[]);
	const owners =
		rows.length > 500
			? ownersOfBoard(db, boardId)
			: ownersOf(
					db,
					rows.map((r) => r.id)
				);
	const byCell = new Map<string, BoardAction[]>(CELLS.map((c) => [cellKey(c), []]));
	for (const row of rows)
		byCell.get(cellKey(row))!.push({ ...row, owners: owners.get(row.id) ?? [] });

	const cells: Record<string, CellCounts> = Object.fromEntries(
		CELLS.map((c) => [cellKey(c), { total: 0, matching: 0 }])
	);
	for (const row of counts.all(params) as (CellCounts & { dimension: string; horizon: string })[]) {
		cells[`${row.dimension}:${row.horizon}`] = { total: row.total, matching: row.matching };
	}
	return { actions: [...byCell.values()].flat(), cells };
}
