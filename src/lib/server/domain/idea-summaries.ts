import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { actions, ideas } from '../db/schema';
import { DIMENSIONS } from '../../board/cells';
import type { IdeaCounts, IdeaCredit, IdeaSummary } from '../../ideas/idea-summary';
import { OPEN_IDEA_STATES } from '../../ideas/states';
import { proposerNameShown } from './ideas';

/**
 * Ideas as they show outside `/ideas`: a person's own ideas and the newest from colleagues on
 * "what comes next", the participation counts on the roadmap, and the ideas an action came from.
 * Each is one query; none of them changes anything.
 */

export type { IdeaCounts, IdeaCredit, IdeaSummary };

/** How many ideas each box on "what comes next" shows. */
export const IDEA_BOX_SIZE = 5;

// Written out in full: inside a select from `ideas` alone, drizzle leaves column names
// unqualified, which would tie the subquery to the wrong table.
const supporters = sql<number>`(select count(*) from idea_supports s where s.idea_id = "ideas"."id")`;

const summaryColumns = {
	id: ideas.id,
	title: ideas.title,
	state: ideas.state,
	proposerId: ideas.proposerId,
	proposerName: ideas.proposerName,
	showName: ideas.showName,
	supporters
};

type SummaryRow = {
	id: number;
	title: string;
	state: IdeaSummary['state'];
	proposerId: number | null;
	proposerName: string;
	showName: boolean;
	supporters: number;
};

/** Who an idea is credited to as everyone sees it, by the ideas' one privacy rule (`proposerNameShown`). */
export function creditOf(row: Pick<SummaryRow, 'proposerId' | 'proposerName' | 'showName'>) {
	const credit: IdeaCredit =
		row.proposerId === null
			? { kind: 'source', source: row.proposerName }
			: proposerNameShown(row)
				? { kind: 'person', name: row.proposerName }
				: { kind: 'colleague' };
	return credit;
}

const toSummary = ({ proposerId, proposerName, showName, ...row }: SummaryRow): IdeaSummary => ({
	...row,
	credit: creditOf({ proposerId, proposerName, showName })
});

/** The newest ideas `userId` proposed (every state), at most `limit`, and how many there are. */
export function listOwnIdeas(
	db: Conn,
	userId: number,
	limit = IDEA_BOX_SIZE
): { ideas: IdeaSummary[]; total: number } {
	const mine = eq(ideas.proposerId, userId);
	const rows = db
		.select(summaryColumns)
		.from(ideas)
		.where(mine)
		.orderBy(desc(ideas.createdAt), desc(ideas.id))
		.limit(limit)
		.all();
	const total =
		rows.length < limit ? rows.length : db.select({ n: count() }).from(ideas).where(mine).get()!.n;
	return { ideas: rows.map(toSummary), total };
}

/**
 * The newest ideas that still wait for the working group (and can be supported), from anyone
 * but `userId` — workshop ideas included.
 */
export function listNewIdeasFromOthers(
	db: Conn,
	userId: number,
	limit = IDEA_BOX_SIZE
): IdeaSummary[] {
	return db
		.select(summaryColumns)
		.from(ideas)
		.where(
			and(
				inArray(ideas.state, [...OPEN_IDEA_STATES]),
				or(isNull(ideas.proposerId), ne(ideas.proposerId, userId))
			)
		)
		.orderBy(desc(ideas.createdAt), desc(ideas.id))
		.limit(limit)
		.all()
		.map(toSummary);
}

/** The accepted ideas that became (or were linked to) action `actionId`, oldest first. */
export function ideasOfAction(db: Conn, actionId: number): IdeaSummary[] {
	return db
		.select(summaryColumns)
		.from(ideas)
		.where(and(eq(ideas.actionId, actionId), eq(ideas.state, 'accepted')))
		.orderBy(asc(ideas.createdAt), asc(ideas.id))
		.all()
		.map(toSummary);
}

/**
 * How many ideas came in, were accepted and became actions — per dimension the proposer gave
 * (the last row: none given), for leadership to report how staff take part. Counted over the
 * whole organisation, as ideas belong to no board.
 *
 * - Withdrawn ideas are not counted: their proposers took them back.
 * - "Became an action" counts accepted ideas whose action is still live; an archived action was
 *   taken off the board, so its idea no longer shows there. Finished or dropped actions count.
 * - The dimension is the idea's, not its action's, so each row reads received ≥ accepted ≥
 *   became actions.
 */
export function countIdeasByDimension(db: Conn): IdeaCounts[] {
	const accepted = sql`${ideas.state} = 'accepted'`;
	const rows = db
		.select({
			dimension: ideas.dimension,
			received: count(),
			accepted: sql<number>`coalesce(sum(${accepted}), 0)`,
			becameActions: sql<number>`coalesce(sum(${accepted} and ${actions.id} is not null and ${actions.archivedAt} is null), 0)`
		})
		.from(ideas)
		.leftJoin(actions, eq(actions.id, ideas.actionId))
		.where(ne(ideas.state, 'withdrawn'))
		.groupBy(ideas.dimension)
		.all();
	return [...DIMENSIONS, null].map(
		(dimension) =>
			rows.find((r) => r.dimension === dimension) ?? {
				dimension,
				received: 0,
				accepted: 0,
				becameActions: 0
			}
	);
}
