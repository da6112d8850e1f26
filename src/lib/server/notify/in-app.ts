import type { Conn } from '../db';
import { clientOf, prepared } from '../db/prepared';
import type { Subscriber } from '../events/subscribers';
import { isBoardEvent, type BoardEvent, type IdeaChanged } from '../events/types';
import { currentOwnerIds } from '../domain/action-owners';
import { countSupporters, findIdeaRow } from '../domain/ideas';
import { deliverNotifications, type Delivery } from '../domain/notifications';
import type { Change } from '../events/commit';
import { enqueueNotificationEmails } from './email-out';
import type { NotificationContent } from '../../notifications/kinds';
import type { Status } from '../../board/cells';

const queries = (db: Conn) => {
	const client = clientOf(db);
	return {
		actionTitle: client.prepare('select title from actions where id = ?').pluck(),
		actorName: client.prepare('select name from users where id = ?').pluck(),
		ideaTitle: client.prepare('select title from ideas where id = ?').pluck(),
		// Owners and followers: who watches an action.
		watchers: client
			.prepare(
				`select user_id from action_owners where action_id = @id
				 union select user_id from follows where action_id = @id`
			)
			.pluck(),
		toldOfSupport: client
			.prepare(
				`select 1 from notifications
				 where user_id = ? and kind = 'idea_supported' and json_extract(data, '$.ideaId') = ?`
			)
			.pluck()
	};
};

const nameOf = (db: Conn, userId: number | null) =>
	userId === null
		? null
		: ((prepared(db, queries).actorName.get(userId) as string | undefined) ?? null);

/**
 * Who hears of a change to an action: new and removed owners of it, and — for progress, a new
 * status, a move to another cell, its archiving or a new due date — its owners and followers.
 */
/** Hands out one notification: rows in the app, e-mails into the outbox; returns who got it. */
type Deliver = (delivery: Delivery) => void;

function deliverer(db: Conn, change: Change, told: Set<number>): Deliver {
	return (delivery) => {
		const { userIds, byEmail } = deliverNotifications(db, delivery);
		for (const id of userIds) told.add(id);
		enqueueNotificationEmails(db, change, byEmail, delivery.content, delivery.url, delivery.now);
	};
}

function notifyOfAction(db: Conn, deliver: Deliver, event: BoardEvent & { actionId: number }) {
	const q = prepared(db, queries);
	const actionId = event.actionId;
	const sends: { to: Iterable<number>; content: NotificationContent }[] = [];
	let facts: { actionId: number; actionTitle: string; actorName: string | null } | undefined;
	const action = () =>
		(facts ??= {
			actionId,
			actionTitle: (q.actionTitle.get(actionId) as string | undefined) ?? '',
			actorName: nameOf(db, event.actorId)
		});
	// Who was just made an owner or removed hears that, not what else the same change did.
	const toldOfOwnership = new Set<number>();
	const ownership = (from: number[], to: number[]) => {
		const added = to.filter((id) => !from.includes(id));
		const removed = from.filter((id) => !to.includes(id));
		if (added.length) sends.push({ to: added, content: { kind: 'owner_added', data: action() } });
		if (removed.length) {
			sends.push({ to: removed, content: { kind: 'owner_removed', data: action() } });
		}
		for (const id of [...added, ...removed]) toldOfOwnership.add(id);
	};
	const watchers = () =>
		(q.watchers.all({ id: actionId }) as number[]).filter((id) => !toldOfOwnership.has(id));

	switch (event.type) {
		case 'created':
			ownership([], currentOwnerIds(db, actionId));
			break;
		case 'owners_changed':
			ownership(event.data.from, event.data.to);
			break;
		case 'edited': {
			if (event.data.owners) ownership(event.data.owners.from, event.data.owners.to);
			const { status, progress, dueDate } = event.data.changed;
			if (!status && !progress && !dueDate) break;
			const to = watchers();
			if (progress) {
				sends.push({
					to,
					content: {
						kind: 'action_progress',
						data: { ...action(), progress: progress.to as number }
					}
				});
			}
			if (status) {
				sends.push({
					to,
					content: {
						kind: 'action_status',
						data: { ...action(), status: status.to as Status }
					}
				});
			}
			if (dueDate) {
				sends.push({
					to,
					content: {
						kind: 'action_due_date',
						data: { ...action(), dueDate: (dueDate.to as string | null) ?? null }
					}
				});
			}
			break;
		}
		case 'progress': {
			const { progress, status } = event.data;
			sends.push({
				to: watchers(),
				content: {
					kind: 'action_progress',
					data: { ...action(), progress, ...(status && { status }) }
				}
			});
			break;
		}
		case 'moved': {
			const { from, to } = event.data;
			// A new place inside the same cell is no news.
			if (from.dimension === to.dimension && from.horizon === to.horizon) break;
			sends.push({
				to: watchers(),
				content: { kind: 'action_moved', data: { ...action(), from, to } }
			});
			break;
		}
		case 'archived':
			sends.push({ to: watchers(), content: { kind: 'action_archived', data: action() } });
			break;
		default:
			break;
	}
	for (const send of sends) {
		deliver({
			recipients: send.to,
			content: send.content,
			url: `/actions/${actionId}`,
			actorId: event.actorId,
			now: event.createdAt
		});
	}
}

/**
 * What a proposer hears of their idea: each decision (with its public reason), that it became
 * an action, and its first supporter (once, and without a name: who supports is for the
 * working group only).
 */
function notifyOfIdea(db: Conn, deliver: Deliver, event: IdeaChanged, now: Date) {
	if (event.change !== 'state' && event.change !== 'supported') return;
	const row = findIdeaRow(db, event.ideaId);
	if (!row || row.proposerId === null) return;
	const q = prepared(db, queries);
	const idea = { ideaId: row.id, ideaTitle: row.title };
	let content: NotificationContent;
	if (event.change === 'supported') {
		if (countSupporters(db, row.id) !== 1) return;
		if (q.toldOfSupport.get(row.proposerId, row.id) !== undefined) return;
		content = { kind: 'idea_supported', data: idea };
	} else if (row.state === 'accepted' && row.actionId !== null) {
		content = {
			kind: 'idea_accepted',
			data: {
				...idea,
				actionId: row.actionId,
				actionTitle: (q.actionTitle.get(row.actionId) as string | undefined) ?? '',
				actorName: nameOf(db, event.actorId)
			}
		};
	} else {
		const intoTitle =
			row.mergedIntoId === null
				? undefined
				: (q.ideaTitle.get(row.mergedIntoId) as string | undefined);
		content = {
			kind: 'idea_state',
			data: {
				...idea,
				state: row.state,
				reason: row.reason,
				actorName: nameOf(db, event.actorId),
				...(row.mergedIntoId !== null && {
					into: { id: row.mergedIntoId, title: intoTitle ?? '' }
				})
			}
		};
	}
	deliver({
		recipients: [row.proposerId],
		content,
		url: `/ideas/${row.id}`,
		actorId: event.actorId,
		now
	});
}

/**
 * Notifications: rows written in the same transaction as the change that caused them, so
 * nobody hears of a change that was rolled back and no change goes unheard — and, for who
 * wants them by e-mail, e-mails into the outbox in the same transaction. Whose bell counts anew
 * is emitted for the live streams.
 */
export const inAppNotifications: Subscriber = {
	name: 'notifications',
	inTransaction(events, db, change) {
		const now = new Date();
		const told = new Set<number>();
		const deliver = deliverer(db, change, told);
		for (const event of events) {
			if (event.type === 'idea_changed') notifyOfIdea(db, deliver, event, now);
			else if (event.type === 'reminder_due') {
				deliver({
					recipients: event.recipients,
					content: event.content,
					url: `/actions/${event.actionId}`,
					actorId: null,
					now: event.createdAt
				});
			} else if (isBoardEvent(event) && event.actionId !== null) {
				notifyOfAction(db, deliver, { ...event, actionId: event.actionId });
			}
		}
		if (told.size) change.emit({ type: 'notifications_changed', userIds: [...told] });
	}
};
