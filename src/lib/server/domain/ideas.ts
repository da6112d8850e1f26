import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../db';
import { ideaSupports, ideas, type Idea } from '../db/schema';
import type { IdeaView } from '../../ideas/idea-view';
import type { Dimension } from '../../board/cells';
import { OPEN_IDEA_STATES, isOpen, type IdeaState } from '../../ideas/states';
import { DomainError } from './errors';

export type { IdeaView };

const supportCount = sql<number>`(select count(*) from ${ideaSupports} where ${ideaSupports.ideaId} = ${ideas.id})`;

/** Who looks at an idea: the working group sees every proposer, everyone sees their own ideas. */
export interface IdeaViewer {
	id: number;
	inGroup: boolean;
}

/**
 * The idea as everyone sees it. The proposer's name shows only where they allowed it — or to
 * the working group and to the proposer themselves (`viewer`); ideas from a workshop (no
 * proposer account) show the workshop's label as their source.
 */
export function toIdeaView(row: Idea, supporters: number, viewer?: IdeaViewer): IdeaView {
	const named =
		row.proposerId !== null && (row.showName || !!viewer?.inGroup || viewer?.id === row.proposerId);
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
		createdAt: row.createdAt.toISOString(),
		decidedAt: row.decidedAt?.toISOString() ?? null
	};
}

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

const ORDER: Record<IdeaSort, SQL[]> = {
	newest: [desc(ideas.createdAt), desc(ideas.id)],
	supported: [desc(supportCount), desc(ideas.createdAt), desc(ideas.id)],
	// Decided ideas by their decision, newest first; open ones after them.
	decided: [sql`${ideas.decidedAt} is null`, desc(ideas.decidedAt), desc(ideas.id)]
};

/**
 * Ideas with their supporters counted, filtered and sorted (newest first unless asked otherwise).
 * State and dimension are filtered by the database; the search runs over the few hundred
 * characters of each that a list shows, in the viewer's case-insensitive way.
 */
export function listIdeas(db: Conn, filter: IdeaFilter = {}): IdeaView[] {
	const where: SQL[] = [];
	if (filter.state === 'open') where.push(inArray(ideas.state, [...OPEN_IDEA_STATES]));
	else if (filter.state) where.push(eq(ideas.state, filter.state));
	if (filter.dimension === 'none') where.push(isNull(ideas.dimension));
	else if (filter.dimension) where.push(eq(ideas.dimension, filter.dimension));
	const rows = db
		.select({ row: ideas, supporters: supportCount })
		.from(ideas)
		.where(and(...where))
		.orderBy(...ORDER[filter.sort ?? 'newest'])
		.all();
	const needle = filter.q?.trim().toLocaleLowerCase();
	const found = needle
		? rows.filter(({ row }) => `${row.title}\n${row.text}`.toLocaleLowerCase().includes(needle))
		: rows;
	return found.map(({ row, supporters }) => toIdeaView(row, supporters, filter.viewer));
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
