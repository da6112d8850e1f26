import type { Db } from '../db';
import { notifications } from '../db/schema';
import type { NotificationContent } from '../../notifications/kinds';
import type { Status } from '../../board/cells';
import type { IdeaState } from '../../ideas/states';

/** What the demo seeded of an action, as far as notifications tell of it. */
export interface SeededAction {
	id: number;
	title: string;
	ownerIds: number[];
	createdAt: Date;
	lastProgress?: { authorId: number; at: Date; progress: number; status?: Status };
}

/** What the demo seeded of an idea. */
export interface SeededIdea {
	id: number;
	title: string;
	proposerId: number | null;
	state: IdeaState;
	reason: string | null;
	decidedAt: Date | null;
	action: { id: number; title: string } | null;
	into: { id: number; title: string } | null;
	firstSupportAt: Date | null;
}

/** What is newer than this is still unread in the demo: each person finds a few new ones. */
const UNREAD_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;

/**
 * The notifications the seeded history would have brought: being made an owner, a co-owner's
 * progress, decisions on one's ideas and their first supporter. What happened in the last two
 * weeks is unread — the staff account's own news is older, so its bell starts at zero.
 */
export function seedNotifications(
	db: Db,
	seeded: {
		creatorId: number;
		reviewerId: number;
		names: Map<number, string>;
		actions: SeededAction[];
		ideas: SeededIdea[];
		now: Date;
	}
) {
	const { creatorId, reviewerId, names, now } = seeded;
	const rows: (typeof notifications.$inferInsert)[] = [];
	const add = (userId: number, content: NotificationContent, url: string, createdAt: Date) =>
		rows.push({
			userId,
			kind: content.kind,
			data: content.data,
			url,
			createdAt,
			readAt: now.getTime() - createdAt.getTime() > UNREAD_DAYS * DAY ? createdAt : null
		});
	const actorName = (id: number) => names.get(id) ?? null;

	for (const action of seeded.actions) {
		const facts = { actionId: action.id, actionTitle: action.title };
		const url = `/actions/${action.id}`;
		for (const owner of action.ownerIds) {
			if (owner === creatorId) continue;
			add(
				owner,
				{ kind: 'owner_added', data: { ...facts, actorName: actorName(creatorId) } },
				url,
				action.createdAt
			);
		}
		const last = action.lastProgress;
		if (!last) continue;
		const author = last.authorId;
		for (const owner of action.ownerIds.filter((id) => id !== author)) {
			add(
				owner,
				{
					kind: 'action_progress',
					data: {
						...facts,
						actorName: actorName(author),
						progress: last.progress,
						...(last.status && { status: last.status })
					}
				},
				url,
				last.at
			);
		}
	}

	for (const idea of seeded.ideas) {
		if (idea.proposerId === null) continue;
		const facts = { ideaId: idea.id, ideaTitle: idea.title };
		const url = `/ideas/${idea.id}`;
		if (idea.firstSupportAt) {
			add(idea.proposerId, { kind: 'idea_supported', data: facts }, url, idea.firstSupportAt);
		}
		if (!idea.decidedAt) continue;
		if (idea.state === 'accepted' && idea.action) {
			add(
				idea.proposerId,
				{
					kind: 'idea_accepted',
					data: {
						...facts,
						actionId: idea.action.id,
						actionTitle: idea.action.title,
						actorName: actorName(reviewerId)
					}
				},
				url,
				idea.decidedAt
			);
		} else {
			add(
				idea.proposerId,
				{
					kind: 'idea_state',
					data: {
						...facts,
						state: idea.state,
						reason: idea.reason,
						actorName: actorName(reviewerId),
						...(idea.into && { into: idea.into })
					}
				},
				url,
				idea.decidedAt
			);
		}
	}
	rows.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
	if (rows.length) db.insert(notifications).values(rows).run();
}
