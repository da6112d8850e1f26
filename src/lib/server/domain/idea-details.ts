import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Conn } from '../db';
import { actions, ideaHistory, ideaSupports, ideas, users } from '../db/schema';
import { OPEN_IDEA_STATES, type IdeaState } from '../../ideas/states';
import type { IdeaDetails } from '../../ideas/idea-view';
import { getIdea, type IdeaViewer } from './ideas';

export type { IdeaDetails };

const PROPOSERS_OWN: readonly IdeaState[] = ['submitted', 'withdrawn'];

/** An idea with its history, links and (for the working group) its supporters. */
export function ideaDetails(db: Conn, id: number, viewer: IdeaViewer): IdeaDetails | undefined {
	const idea = getIdea(db, id, viewer);
	if (!idea) return undefined;
	const row = db
		.select({ proposerId: ideas.proposerId })
		.from(ideas)
		.where(eq(ideas.id, id))
		.get()!;
	const history = db
		.select({
			state: ideaHistory.state,
			reason: ideaHistory.reason,
			by: users.name,
			at: ideaHistory.createdAt
		})
		.from(ideaHistory)
		.leftJoin(users, eq(users.id, ideaHistory.actorId))
		.where(eq(ideaHistory.ideaId, id))
		.orderBy(asc(ideaHistory.id))
		.all()
		.map((step) => ({
			state: step.state,
			reason: step.reason,
			by: PROPOSERS_OWN.includes(step.state) ? null : step.by,
			at: step.at.toISOString()
		}));
	const supporterRows = db
		.select({ id: users.id, name: users.name })
		.from(ideaSupports)
		.innerJoin(users, eq(users.id, ideaSupports.userId))
		.where(eq(ideaSupports.ideaId, id))
		.orderBy(asc(users.name))
		.all();
	const linked = idea.actionId
		? db
				.select({
					id: actions.id,
					title: actions.title,
					status: actions.status,
					progress: actions.progress,
					archivedAt: actions.archivedAt
				})
				.from(actions)
				.where(eq(actions.id, idea.actionId))
				.get()
		: undefined;
	const into = idea.mergedIntoId
		? db
				.select({ id: ideas.id, title: ideas.title })
				.from(ideas)
				.where(eq(ideas.id, idea.mergedIntoId))
				.get()
		: undefined;
	return {
		idea,
		history,
		mergedInto: into ?? null,
		mergedFrom: db
			.select({ id: ideas.id, title: ideas.title })
			.from(ideas)
			.where(eq(ideas.mergedIntoId, id))
			.orderBy(asc(ideas.id))
			.all(),
		action: linked
			? {
					id: linked.id,
					title: linked.title,
					status: linked.status,
					progress: linked.progress,
					archived: linked.archivedAt !== null
				}
			: null,
		supporters: viewer.inGroup ? supporterRows.map((s) => s.name) : [],
		supported: supporterRows.some((s) => s.id === viewer.id),
		mine: row.proposerId === viewer.id
	};
}

/** Ideas another one may be merged into: open or accepted, other than `id`, by title. */
export function mergeCandidates(db: Conn, id: number): { id: number; title: string }[] {
	return db
		.select({ id: ideas.id, title: ideas.title })
		.from(ideas)
		.where(
			and(
				ne(ideas.id, id),
				or(inArray(ideas.state, [...OPEN_IDEA_STATES]), eq(ideas.state, 'accepted'))
			)
		)
		.orderBy(asc(ideas.title))
		.all();
}
