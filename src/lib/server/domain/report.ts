import type { Conn } from '../db';
import { clientOf } from '../db/prepared';
import { CELLS, DIMENSIONS, HORIZONS, cellKey, type Cell, type Status } from '../../board/cells';
import type { ActionBasics } from '../../board/action-view';
import { addDays } from '../../board/dates';
import type { Framework } from '../../goals/kinds';
import {
	HAPPENINGS,
	type DnkCriterion,
	type Happening,
	type ReportAction,
	type ReportCode,
	type ReportGoal,
	type ReportHappening,
	type ReportModel
} from '../../reports/model';
import { getBoard } from './boards';
import { boardView } from './board-actions';
import { goalOnTrack, listGoals } from './goals';
import type { ReportPeriod } from './report-input';

export type { ReportModel } from '../../reports/model';

/**
 * The report of a board for a period (`from`–`to`, calendar days in the server's time zone, both
 * included).
 *
 * Which actions belong in it: every action that was on the board at some time in the period —
 * made before the period ended, and not archived before it began (an action archived since is
 * in it, marked archived). Actions with something happening in the period are among them by
 * definition. Status and progress are as they stand when the report is made; what happened in
 * the period (planned, started, done, dropped, moved) comes from the board's event log, the
 * progress entries are those written in the period.
 *
 * Seven set-based reads whatever the number of actions; undefined for an unknown board.
 */
export function buildReport(
	db: Conn,
	boardId: number,
	period: ReportPeriod,
	now = new Date()
): ReportModel | undefined {
	const boardRow = getBoard(db, boardId);
	if (!boardRow) return undefined;
	const board = boardView(boardRow);
	const start = dayStart(period.from);
	const end = dayStart(addDays(period.to, 1));
	const sql = clientOf(db);
	const range = { board: boardId, start, end };

	const rows = sql
		.prepare(
			`select id, title, dimension, horizon, status, progress, due_date as dueDate,
			        start_date as startDate, archived_at as archivedAt
			 from actions
			 where board_id = @board and created_at < @end
			   and (archived_at is null or archived_at >= @start)
			 order by position, id`
		)
		.all(range) as ActionRow[];

	const actions = new Map<number, ReportAction>();
	for (const r of rows) {
		actions.set(r.id, {
			id: r.id,
			title: r.title,
			dimension: r.dimension,
			horizon: r.horizon,
			status: r.status,
			progress: r.progress,
			dueDate: r.dueDate,
			startDate: r.startDate,
			archived: r.archivedAt !== null,
			owners: [],
			goals: [],
			codes: [],
			happened: [],
			progressEntries: []
		});
	}

	const owners = sql
		.prepare(
			`select o.action_id as actionId, u.name as name
			 from action_owners o join actions a on a.id = o.action_id join users u on u.id = o.user_id
			 where a.board_id = ? order by u.name collate nocase, u.id`
		)
		.all(boardId) as { actionId: number; name: string }[];
	for (const o of owners) actions.get(o.actionId)?.owners.push(o.name);

	const goalLinks = sql
		.prepare(
			`select l.action_id as actionId, l.goal_id as goalId
			 from action_goals l join goals g on g.id = l.goal_id
			 where g.board_id = ? order by l.goal_id`
		)
		.all(boardId) as { actionId: number; goalId: number }[];
	for (const l of goalLinks) actions.get(l.actionId)?.goals.push(l.goalId);

	const tags = sql
		.prepare(
			`select c.action_id as actionId, c.framework as framework, c.code as code
			 from action_codes c join actions a on a.id = c.action_id
			 where a.board_id = ? order by c.framework, c.code`
		)
		.all(boardId) as { actionId: number; framework: Framework; code: number }[];
	const usedCodes = new Set<string>();
	for (const t of tags) {
		const action = actions.get(t.actionId);
		if (!action) continue;
		const key = `${t.framework}:${t.code}`;
		action.codes.push(key);
		usedCodes.add(key);
	}

	const events = sql
		.prepare(
			`select action_id as actionId, type, data, created_at as at
			 from events
			 where board_id = @board and created_at >= @start and created_at < @end
			   and action_id is not null and type in ('created', 'moved', 'progress', 'edited')
			 order by id`
		)
		.all(range) as EventRow[];
	const totals = Object.fromEntries(HAPPENINGS.map((h) => [h, 0])) as Record<Happening, number>;
	for (const e of events) {
		const action = actions.get(e.actionId);
		if (!action) continue;
		const happening = happeningOf(e);
		if (!happening) continue;
		// A status reached twice in the period (an entry repeating it) happened once.
		if (happening.kind !== 'moved' && action.happened.some((h) => h.kind === happening.kind)) {
			continue;
		}
		action.happened.push(happening);
		totals[happening.kind] += 1;
	}

	const entries = sql
		.prepare(
			`select p.action_id as actionId, p.created_at as at, p.note as note,
			        p.progress as progress, p.status as status, u.name as author
			 from progress_entries p join actions a on a.id = p.action_id
			 left join users u on u.id = p.author_id
			 where a.board_id = @board and p.created_at >= @start and p.created_at < @end
			 order by p.created_at, p.id`
		)
		.all(range) as EntryRow[];
	for (const p of entries) {
		actions.get(p.actionId)?.progressEntries.push({
			at: new Date(p.at).toISOString(),
			author: p.author,
			note: p.note,
			progress: p.progress,
			status: p.status
		});
	}

	const frameworkCodes = sql
		.prepare(
			`select framework, code, title_de as titleDe, title_en as titleEn
			 from framework_codes order by framework, code`
		)
		.all() as Omit<ReportCode, 'key'>[];
	const codes: ReportCode[] = [];
	const dnk: DnkCriterion[] = [];
	const dnkIndex = new Map<number, DnkCriterion>();
	for (const c of frameworkCodes) {
		const key = `${c.framework}:${c.code}`;
		if (usedCodes.has(key)) codes.push({ key, ...c });
		if (c.framework === 'dnk') {
			const criterion = { code: c.code, titleDe: c.titleDe, titleEn: c.titleEn, actions: [] };
			dnk.push(criterion);
			dnkIndex.set(c.code, criterion);
		}
	}

	const byCell = new Map<string, ReportAction[]>(CELLS.map((c) => [cellKey(c), []]));
	for (const action of actions.values()) {
		byCell.get(cellKey(action))!.push(action);
		for (const key of action.codes) {
			if (!key.startsWith('dnk:')) continue;
			dnkIndex.get(Number(key.slice(4)))?.actions.push({ id: action.id, title: action.title });
		}
	}
	// Ecological short, medium, long; then economic; then social — as the report reads.
	const cells = [...CELLS]
		.sort((a, b) => cellRank(a) - cellRank(b))
		.map((c) => ({ ...c, actions: byCell.get(cellKey(c))! }));

	return {
		format: 1,
		period: { from: period.from, to: period.to },
		generatedAt: now.toISOString(),
		board: {
			id: board.id,
			name: board.name,
			description: board.description,
			horizons: board.horizons,
			goals: board.goals
		},
		cells,
		totals,
		goals: listGoals(db, boardId).map((g) => reportGoal(g, period)),
		codes,
		dnk
	};
}

interface ActionRow extends ActionBasics {
	archivedAt: number | null;
}

interface EventRow {
	actionId: number;
	type: 'created' | 'moved' | 'progress' | 'edited';
	data: string;
	at: number;
}

interface EntryRow {
	actionId: number;
	at: number;
	note: string;
	progress: number;
	status: Status | null;
	author: string | null;
}

const cellRank = (c: Cell) =>
	DIMENSIONS.indexOf(c.dimension) * HORIZONS.length + HORIZONS.indexOf(c.horizon);

/** Midnight at the start of a calendar day in the server's time zone, in milliseconds. */
function dayStart(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(y, m - 1, d).getTime();
}

const STATUS_HAPPENINGS: Partial<Record<Status, Happening>> = {
	in_progress: 'started',
	done: 'done',
	dropped: 'dropped'
};

/** What an event of the log means for the report, if anything. */
function happeningOf(e: EventRow): ReportHappening | null {
	const at = new Date(e.at).toISOString();
	const data = JSON.parse(e.data) as Record<string, unknown>;
	switch (e.type) {
		case 'created':
			return { kind: 'planned', at };
		case 'moved': {
			const from = data.from as Cell;
			const to = data.to as Cell;
			if (from.dimension === to.dimension && from.horizon === to.horizon) return null;
			return {
				kind: 'moved',
				at,
				from: { dimension: from.dimension, horizon: from.horizon },
				to: { dimension: to.dimension, horizon: to.horizon }
			};
		}
		case 'progress': {
			const kind = STATUS_HAPPENINGS[data.status as Status];
			return kind ? { kind, at } : null;
		}
		case 'edited': {
			const changed = data.changed as { status?: { to: unknown } } | undefined;
			const kind = STATUS_HAPPENINGS[changed?.status?.to as Status];
			return kind ? { kind, at } : null;
		}
	}
}

function reportGoal(goal: ReturnType<typeof listGoals>[number], period: ReportPeriod): ReportGoal {
	const track = goalOnTrack(goal, period.to);
	return {
		id: goal.id,
		dimension: goal.dimension,
		name: goal.name,
		unit: goal.unit,
		baseline: goal.baseline,
		target: goal.target,
		direction: goal.direction,
		values: goal.values.filter((v) => v.date >= period.from && v.date <= period.to),
		latest: track.latest && { value: track.latest.value, date: track.latest.date },
		onTrack: track.onTrack,
		expected: track.expected
	};
}
