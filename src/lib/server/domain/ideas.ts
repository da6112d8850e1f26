import { and, desc, eq, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { ideaSupports, ideas, type Idea } from '../db/schema';
import type { IdeaView } from '../../ideas/idea-view';
import { DomainError } from './errors';

export type { IdeaView };

const supportCount = sql<number>`(select count(*) from ${ideaSupports} where ${ideaSupports.ideaId} = ${ideas.id})`;

/**
 * The idea as everyone sees it. The proposer's name shows only where they allowed it; ideas
 * from a workshop (no proposer account) show the workshop's label as their source.
 */
export function toIdeaView(row: Idea, supporters: number): IdeaView {
	const named = row.proposerId !== null && row.showName;
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

export function getIdea(db: Conn, id: number): IdeaView | undefined {
	const found = db
		.select({ row: ideas, supporters: supportCount })
		.from(ideas)
		.where(eq(ideas.id, id))
		.get();
	return found && toIdeaView(found.row, found.supporters);
}

/** The row to change, or why it cannot be changed (missing, or based on an old version). */
export function ideaForWrite(db: Conn, id: number, version?: number): Idea {
	const row = findIdeaRow(db, id);
	if (!row) throw new DomainError('not_found');
	if (version !== undefined && row.version !== version) {
		throw new DomainError('conflict', { current: toIdeaView(row, countSupporters(db, id)) });
	}
	return row;
}

/** Every idea, newest first, with its supporters counted. */
export function listIdeas(db: Conn): IdeaView[] {
	return db
		.select({ row: ideas, supporters: supportCount })
		.from(ideas)
		.orderBy(desc(ideas.createdAt), desc(ideas.id))
		.all()
		.map(({ row, supporters }) => toIdeaView(row, supporters));
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
		.filter((idea) => ['submitted', 'in_review', 'accepted'].includes(idea.state))
		.map((idea) => {
			const own = new Set(keywords(`${idea.title} ${idea.text.slice(0, 300)}`));
			return { idea, score: words.filter((w) => own.has(w)).length };
		})
		.filter((s) => s.score > 0);
	scored.sort((a, b) => b.score - a.score || b.idea.supporters - a.idea.supporters);
	return scored.slice(0, limit).map((s) => s.idea);
}
