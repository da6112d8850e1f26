import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Conn } from '../db';
import { clientOf, prepared } from '../db/prepared';
import { ideaSupports, ideas, type Idea } from '../db/schema';
import type { IdeaView } from '../../ideas/idea-view';
import type { Dimension } from '../../board/cells';
import { OPEN_IDEA_STATES, isOpen, type IdeaState } from '../../ideas/states';
import { DomainError } from './errors';
import { can } from './permissions';
import type { Role } from '../../roles';

export type { IdeaView };

const supportCount = sql<number>`(select count(*) from ${ideaSupports} where ${ideaSupports.ideaId} = ${ideas.id})`;

/** Who looks at an idea: the working group sees every proposer, everyone sees their own ideas. */
export interface IdeaViewer {
	id: number;
	inGroup: boolean;
}

/** The viewer a signed-in person is: of the working group when they may decide on ideas. */
export const ideaViewer = (user: { id: number; role: Role }): IdeaViewer => ({
	id: user.id,
	inGroup: can(user.role, 'decideIdeas')
});

/**
 * The idea as everyone sees it. The proposer's name shows only where they allowed it — or to
 * the working group and to the proposer themselves (`viewer`); ideas from a workshop (no
 * proposer account) show the workshop's label as their source.
 */
export function toIdeaView(row: IdeaFields, supporters: number, viewer?: IdeaViewer): IdeaView {
	const named = proposerNameShown(row, viewer);
	return {
		id: row.id,
		title: row.title,
		text: row.text,
		dimension: row.dimension,
		state: row.state,
		reason: row.reason,
		supporters,
		version: row.version,
		actionId: row.actionId,
		mergedIntoId: row.mergedIntoId,
		proposer: named ? { id: row.proposerId!, name: row.proposerName } : null,
		nameHidden: row.proposerId !== null && !row.showName,
		source: row.proposerId === null ? row.proposerName : null,
		createdAt: new Date(row.createdAt).toISOString(),
		decidedAt: row.decidedAt === null ? null : new Date(row.decidedAt).toISOString()
	};
}

/**
 * The one privacy rule of ideas: a proposer's name shows where they allowed it, and to the working
 * group and the proposer themselves in any case (workshop ideas have no proposer to name).
 */
export function proposerNameShown(
	row: { proposerId: number | null; showName: boolean | number },
	viewer?: IdeaViewer
): boolean {
	return (
		row.proposerId !== null &&
		(!!row.showName || !!viewer?.inGroup || viewer?.id === row.proposerId)
	);
}

/**
 * What a view is made of: an idea's row as drizzle reads it, or as a list reads it straight from
 * SQLite (times in milliseconds, flags as 0 and 1).
 */
type IdeaFields = Omit<Idea, 'showName' | 'createdAt' | 'decidedAt' | 'updatedAt'> & {
	showName: boolean | number;
	createdAt: Date | number;
	decidedAt: Date | number | null;
};

export function findIdeaRow(db: Conn, id: number): Idea | undefined {
	return db.select().from(ideas).where(eq(ideas.id, id)).get();
}

export function countSupporters(db: Conn, ideaId: number): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(ideaSupports)
		.where(eq(ideaSupports.ideaId, ideaId))
		.get()!.n;
}

export function getIdea(db: Conn, id: number, viewer?: IdeaViewer): IdeaView | undefined {
	const found = db
		.select({ row: ideas, supporters: supportCount })
		.from(ideas)
		.where(eq(ideas.id, id))
		.get();
	return found && toIdeaView(found.row, found.supporters, viewer);
}

/** The row to change, or why it cannot be changed (missing, or based on an old version). */
export function ideaForWrite(db: Conn, id: number, version?: number): Idea {
	const row = findIdeaRow(db, id);
	if (!row) throw new DomainError('not_found');
	if (version !== undefined && row.version !== version) {
		throw new DomainError('conflict', {
			subject: 'idea',
			current: toIdeaView(row, countSupporters(db, id))
		});
	}
	return row;
}

export const IDEA_SORTS = ['newest', 'supported', 'decided'] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

export interface IdeaFilter {
	sort?: IdeaSort;
	/** One state, or `open`: submitted and in review. */
	state?: IdeaState | 'open' | null;
	/** One dimension, or `none`: the proposer did not know. */
	dimension?: Dimension | 'none' | null;
	/** Words the title or text contain, in any case. */
	q?: string;
	/** Who looks (the working group sees every proposer's name, everyone their own). */
	viewer?: IdeaViewer;
}

const ORDER: Record<IdeaSort, string> = {
	newest: 'i.created_at desc, i.id desc',
	supported: 'supporters desc, i.created_at desc, i.id desc',
	// Decided ideas by their decision, newest first; open ones after them.
	decided: 'i.decided_at is null, i.decided_at desc, i.id desc'
};

type ListRow = Omit<IdeaFields, 'text'> & { text?: string; supporters: number };

const LIST_WHERE = `(@state is null or i.state = @state
	        or (@state = 'open' and i.state in ('submitted', 'in_review')))
	  and (@dimension is null or i.dimension = @dimension
	        or (@dimension = 'none' and i.dimension is null))`;

/**
 * One list query per sort order, with or without the texts (only a search and the API need them
 * all), and with or without a limit (a page without a search reads only what it shows), prepared
 * once per connection: a list of a thousand ideas is read straight from SQLite, without mapping
 * each row through the query builder.
 */
function listStatement(db: Conn, sort: IdeaSort, withText: boolean, limited: boolean) {
	const statements = prepared(db, listStatements);
	const key = `${sort}:${withText}:${limited}`;
	let statement = statements.get(key);
	if (!statement) {
		statement = clientOf(db).prepare(
			`select i.id, i.title, ${withText ? 'i.text,' : ''} i.dimension, i.state, i.reason,
			   i.proposer_id as proposerId, i.proposer_name as proposerName, i.show_name as showName,
			   i.merged_into_id as mergedIntoId, i.action_id as actionId, i.version,
			   i.created_at as createdAt, i.decided_at as decidedAt,
			   (select count(*) from idea_supports s where s.idea_id = i.id) as supporters
			 from ideas i
			 where ${LIST_WHERE}
			 order by ${ORDER[sort]}
			 ${limited ? 'limit @limit' : ''}`
		);
		statements.set(key, statement);
	}
	return statement;
}

/** The list statements of one connection, by their shape; filled as they are first needed. */
function listStatements(): Map<string, Statement> {
	return new Map();
}

const countQuery = (db: Conn) =>
	clientOf(db).prepare(`select count(*) as n from ideas i where ${LIST_WHERE}`);

const needleOf = (filter: IdeaFilter) => filter.q?.trim().toLocaleLowerCase() || null;
const whereOf = (filter: IdeaFilter) => ({
	state: filter.state ?? null,
	dimension: filter.dimension ?? null
});

/** The rows a filter finds, in its order; the search reads titles and texts case-insensitively. */
function ideaRows(db: Conn, filter: IdeaFilter, withText: boolean): ListRow[] {
	const needle = needleOf(filter);
	const rows = listStatement(db, filter.sort ?? 'newest', withText || !!needle, false).all(
		whereOf(filter)
	) as ListRow[];
	if (!needle) return rows;
	return rows.filter((row) => `${row.title}\n${row.text}`.toLocaleLowerCase().includes(needle));
}

const toView = (viewer?: IdeaViewer) => (row: ListRow) =>
	toIdeaView({ text: '', ...row }, row.supporters, viewer);

/** Ideas with their supporters counted, filtered and sorted (newest first unless asked otherwise). */
export function listIdeas(db: Conn, filter: IdeaFilter = {}): IdeaView[] {
	return ideaRows(db, filter, true).map(toView(filter.viewer));
}

const textsQuery = (db: Conn) =>
	clientOf(db).prepare('select id, text from ideas where id in (select value from json_each(?))');

/**
 * One page of a list: the first `limit` ideas the filter finds (with their texts), and how
 * many it found in all.
 */
export function listIdeasPage(db: Conn, filter: IdeaFilter, limit: number) {
	let found: number;
	let shown: ListRow[];
	if (needleOf(filter)) {
		const rows = ideaRows(db, filter, false);
		[found, shown] = [rows.length, rows.slice(0, limit)];
	} else {
		const where = whereOf(filter);
		found = (prepared(db, countQuery).get(where) as { n: number }).n;
		shown = listStatement(db, filter.sort ?? 'newest', false, true).all({
			...where,
			limit
		}) as ListRow[];
	}
	const texts = new Map(
		(
			prepared(db, textsQuery).all(JSON.stringify(shown.map((r) => r.id))) as {
				id: number;
				text: string;
			}[]
		).map((r) => [r.id, r.text])
	);
	return {
		found,
		ideas: shown.map((row) => toView(filter.viewer)({ ...row, text: texts.get(row.id) ?? '' }))
	};
}

/** The working group's queue: new and in-review ideas, oldest first. */
export function reviewQueue(db: Conn): IdeaView[] {
	return db
		.select({ row: ideas, supporters: supportCount })
		.from(ideas)
		.where(inArray(ideas.state, [...OPEN_IDEA_STATES]))
		.orderBy(asc(ideas.createdAt), asc(ideas.id))
		.all()
		.map(({ row, supporters }) => toIdeaView(row, supporters, { id: 0, inGroup: true }));
}

/** Which of the ideas `userId` supports. */
export function supportedBy(db: Conn, userId: number): Set<number> {
	return new Set(
		db
			.select({ id: ideaSupports.ideaId })
			.from(ideaSupports)
			.where(eq(ideaSupports.userId, userId))
			.all()
			.map((r) => r.id)
	);
}

/** Whether `userId` supports the idea. */
export function supports(db: Conn, ideaId: number, userId: number): boolean {
	return !!db
		.select({ one: sql`1` })
		.from(ideaSupports)
		.where(and(eq(ideaSupports.ideaId, ideaId), eq(ideaSupports.userId, userId)))
		.get();
}

/** Words of a title that say something: lower-cased, four letters or more. */
function keywords(text: string): string[] {
	return [
		...new Set(
			text
				.slice(0, 300)
				.toLocaleLowerCase()
				.split(/[^\p{L}\p{N}]+/u)
				.filter((w) => w.length >= 4)
		)
	];
}

/**
 * Ideas that may already say what `title` says ("Maybe already there?"): open or accepted ideas
 * sharing the most of its words, at most `limit`.
 */
export function similarIdeas(db: Conn, title: string, limit = 5): IdeaView[] {
	const words = keywords(title);
	if (words.length === 0) return [];
	const scored = listIdeas(db)
		.filter((idea) => isOpen(idea.state) || idea.state === 'accepted')
		.map((idea) => {
			const own = new Set(keywords(`${idea.title} ${idea.text.slice(0, 300)}`));
			return { idea, score: words.filter((w) => own.has(w)).length };
		})
		.filter((s) => s.score > 0);
	scored.sort((a, b) => b.score - a.score || b.idea.supporters - a.idea.supporters);
	return scored.slice(0, limit).map((s) => s.idea);
}

const lastChangeQuery = (db: Conn) =>
	clientOf(db).prepare('select max(updated_at) as at from ideas');

/**
 * When any idea last changed (proposed, edited, supported or not, decided), in milliseconds; 0
 * without ideas. A page keeps it, and its live stream tells it at once if it missed a change.
 */
export function ideasChangedAt(db: Conn): number {
	return (prepared(db, lastChangeQuery).get() as { at: number | null }).at ?? 0;
}
