import type Database from 'better-sqlite3';
import type { Db } from '../db';
import { CELLS, cellKey } from '../../board/cells';
import type { BoardFilters } from '../../board/filters';
import type { BoardAction } from '../../board/action-view';
import type { CellCounts } from '../../board/packed-cards';

export type { CellCounts };

/** Cards a cell shows before "show all": enough to work with, small enough to load at once. */
export const CARDS_PER_CELL = 8;
/**
 * Cards an opened cell shows at most. A cell of a thousand cards is no list to read; past this
 * the search and filters find what someone looks for, and the page stays small.
 */
export const CARDS_PER_OPEN_CELL = 150;

/** The board page's cards as SQLite wrote them: per cell a JSON text of `PackedCard`s. */
export interface BoardPage {
	cards: { cells: Record<string, string>; names: Record<number, string> };
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

// A card as JSON, `PackedCard`: its owners by name, as ids. `position` null = its index in the list.
const cardJson = (a: string, position: string) => `json_array(${a}.id, ${a}.title, ${a}.status,
	${a}.progress, ${a}.due_date, ${a}.version, ${position},
	json((select json_group_array(o.user_id order by u.name, u.id)
		from action_owners o join users u on u.id = o.user_id where o.action_id = ${a}.id)))`;

function visibleSql(where: string) {
	return `
	with placed as (
		select a.id, a.title, a.dimension, a.horizon, a.status, a.progress, a.due_date,
			a.version, row_number() over (partition by a.dimension, a.horizon order by a.position, a.id) - 1 as position
		from actions a
		where a.board_id = @board and a.archived_at is null
	), matching as (
		select a.*, row_number() over (partition by a.dimension, a.horizon order by a.position) as rank
		from placed a
		where ${where}
	)
	select dimension, horizon, json_group_array(${cardJson('s', 's.position')} order by s.position) as cards
	from matching s
	where rank <= @limit
		or (rank <= @openLimit and instr(@expanded, ',' || dimension || ':' || horizon || ',') > 0)
	group by dimension, horizon`;
}

function countsSql(where: string) {
	return `
	select a.dimension, a.horizon, count(*) as total, sum(case when ${where} then 1 else 0 end) as matching
	from actions a
	where a.board_id = @board and a.archived_at is null
	group by a.dimension, a.horizon`;
}

// Without filters each cell reads only the cards it shows, straight from the cell index: the
// page costs the same for a board of 1,000 actions or 100,000. SQLite writes the cards' JSON.
const CELL_CARDS_SQL = `
	select json_group_array(${cardJson('a', 'null')} order by a.position, a.id)
	from (
		select id, title, status, progress, due_date, version, position
		from actions
		where board_id = @board and dimension = @dimension and horizon = @horizon and archived_at is null
		order by position, id
		limit @limit
	) a`;
const CELL_SQL = `
	select id, title, dimension, horizon, status, progress, due_date as dueDate, version
	from actions
	where board_id = @board and dimension = @dimension and horizon = @horizon and archived_at is null
	order by position, id
	limit @limit`;
const cellStatements = new WeakMap<Database.Database, Database.Statement>();
const cellCardStatements = new WeakMap<Database.Database, Database.Statement>();
const nameStatements = new WeakMap<Database.Database, Database.Statement>();

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

function packedCells(db: Db, boardId: number, limitOf: (key: string) => number) {
	let statement = cellCardStatements.get(db.$client);
	if (!statement) {
		statement = db.$client.prepare(CELL_CARDS_SQL).pluck();
		cellCardStatements.set(db.$client, statement);
	}
	const cells: Record<string, string> = {};
	for (const cell of CELLS) {
		const key = cellKey(cell);
		cells[key] = statement.get({ board: boardId, ...cell, limit: limitOf(key) }) as string;
	}
	return cells;
}

/** Everyone's name by id: few people, and a card may name someone no longer active. */
function names(db: Db) {
	let statement = nameStatements.get(db.$client);
	if (!statement) {
		statement = db.$client.prepare('select id, name from users').raw();
		nameStatements.set(db.$client, statement);
	}
	return Object.fromEntries(statement.all() as [number, string][]);
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
 * the filters, each with its real place in the cell, packed as JSON (`unpackCards` reads them),
 * and how many each cell holds and matches.
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
	let cells: Record<string, string>;
	if (used.length === 0) {
		cells = packedCells(db, boardId, (key) =>
			expanded === 'all' || expanded.includes(key) ? CARDS_PER_OPEN_CELL : CARDS_PER_CELL
		);
	} else {
		cells = {};
		for (const row of visible.all(params) as {
			dimension: string;
			horizon: string;
			cards: string;
		}[])
			cells[`${row.dimension}:${row.horizon}`] = row.cards;
	}

	const counted: Record<string, CellCounts> = Object.fromEntries(
		CELLS.map((c) => [cellKey(c), { total: 0, matching: 0 }])
	);
	for (const row of counts.all(params) as (CellCounts & { dimension: string; horizon: string })[]) {
		counted[`${row.dimension}:${row.horizon}`] = { total: row.total, matching: row.matching };
	}
	return { cards: { cells, names: names(db) }, cells: counted };
}

/**
 * The board page as JSON (`BoardCards`): the cells' cards go in as SQLite wrote them, so a
 * thousand cards are neither parsed nor written again.
 */
export function boardPageJson(page: BoardPage): string {
	let cells = '';
	for (const [key, cards] of Object.entries(page.cards.cells)) {
		cells += `${cells ? ',' : ''}${JSON.stringify(key)}:${cards}`;
	}
	const names = JSON.stringify(page.cards.names);
	return `{"cards":{"cells":{${cells}},"names":${names}},"cells":${JSON.stringify(page.cells)}}`;
}
