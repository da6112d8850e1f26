import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { subscribe } from '../events/subscribers';
import { commitChange } from '../events/commit';
import { createBoard } from '../domain/boards';
import { createAction } from '../domain/create-action';
import { updateAction } from '../domain/edit-action';
import { moveAction } from '../domain/move-action';
import { addProgress } from '../domain/progress';
import { archiveAction } from '../domain/archive-action';
import { follow } from '../domain/follows';
import { setActive } from '../domain/users';
import {
	decideIdea,
	proposeIdea,
	supportIdea,
	withdrawIdea,
	withdrawSupport
} from '../domain/idea-changes';
import { ideaStateInput, proposeIdeaInput, type IdeaDecision } from '../domain/idea-input';
import {
	listNotifications,
	markAllRead,
	markRead,
	setChannel,
	unreadCount
} from '../domain/notifications';
import { DomainError } from '../domain/errors';
import { inAppNotifications } from './in-app';

let off: (() => void) | undefined;
beforeEach(() => {
	off = subscribe(inAppNotifications);
});
afterEach(() => off?.());

async function setup() {
	const db = createTestDb();
	const member = await makeUser(db, { role: 'member', name: 'Mia Member' });
	const staff = await makeUser(db, { role: 'staff', name: 'Sam Staff' });
	const other = await makeUser(db, { role: 'staff', name: 'Olli Other' });
	const board = createBoard(db, { name: 'Strategie' });
	const action = createAction(db, member, board.id, {
		title: 'Solardach',
		dimension: 'ecological',
		horizon: 'short'
	});
	const kinds = (userId: number) => listNotifications(db, userId, 50).map((n) => n.kind);
	return { db, member, staff, other, board, action, kinds };
}

describe('who hears of a change to an action', () => {
	it('tells a person they were made an owner, and that they were removed', async () => {
		const { db, member, staff, action, kinds } = await setup();
		const made = updateAction(db, member, action.id, { owners: [staff.id], version: 1 });
		expect(listNotifications(db, staff.id, 10)).toMatchObject([
			{
				kind: 'owner_added',
				data: { actionId: action.id, actionTitle: 'Solardach', actorName: 'Mia Member' },
				url: `/actions/${action.id}`,
				readAt: null
			}
		]);
		expect(unreadCount(db, staff.id)).toBe(1);
		updateAction(db, member, action.id, { owners: [], version: made.version });
		expect(kinds(staff.id)).toEqual(['owner_removed', 'owner_added']);
	});

	it('tells owners named when the action is made', async () => {
		const { db, member, staff, board, kinds } = await setup();
		createAction(db, member, board.id, {
			title: 'Jobrad',
			dimension: 'economic',
			horizon: 'medium',
			owners: [staff.id, member.id]
		});
		expect(kinds(staff.id)).toEqual(['owner_added']);
		expect(kinds(member.id)).toEqual([]);
	});

	it('tells owners and followers of a move to another cell, not of a new place in the same cell', async () => {
		const { db, member, staff, other, board, action, kinds } = await setup();
		createAction(db, member, board.id, { title: 'B', dimension: 'ecological', horizon: 'short' });
		follow(db, other.id, action.id);
		const owned = updateAction(db, member, action.id, { owners: [staff.id], version: 1 });
		const reordered = moveAction(db, member, action.id, {
			dimension: 'ecological',
			horizon: 'short',
			index: 1,
			version: owned.version
		});
		expect(kinds(other.id)).toEqual([]);
		moveAction(db, member, action.id, {
			dimension: 'social',
			horizon: 'long',
			index: 0,
			version: reordered.version
		});
		expect(listNotifications(db, other.id, 10)).toMatchObject([
			{
				kind: 'action_moved',
				data: {
					from: { dimension: 'ecological', horizon: 'short' },
					to: { dimension: 'social', horizon: 'long' }
				}
			}
		]);
		expect(kinds(staff.id)).toEqual(['action_moved', 'owner_added']);
		expect(kinds(member.id)).toEqual([]);
	});

	it('tells of progress, status, due date and archiving; not of a new title', async () => {
		const { db, member, other, action, kinds } = await setup();
		follow(db, other.id, action.id);
		const renamed = updateAction(db, member, action.id, { title: 'Solardach Nord', version: 1 });
		expect(kinds(other.id)).toEqual([]);
		const { action: logged } = addProgress(db, member, action.id, {
			note: '',
			progress: 40,
			status: 'in_progress'
		});
		expect(renamed.version).toBeLessThan(logged.version);
		const dated = updateAction(db, member, action.id, {
			status: 'done',
			dueDate: '2027-03-01',
			version: logged.version
		});
		archiveAction(db, member, action.id, dated.version);
		expect(kinds(other.id)).toEqual([
			'action_archived',
			'action_due_date',
			'action_status',
			'action_progress'
		]);
		expect(listNotifications(db, other.id, 10).at(-1)).toMatchObject({
			data: { progress: 40, status: 'in_progress', actionTitle: 'Solardach Nord' }
		});
	});

	it('never tells the actor, and nothing to people who left or turned the kind off', async () => {
		const { db, member, staff, other, action, kinds } = await setup();
		follow(db, member.id, action.id);
		follow(db, other.id, action.id);
		follow(db, staff.id, action.id);
		setChannel(db, other.id, 'action_progress', 'off');
		setActive(db, member.id, staff.id, false);
		addProgress(db, member, action.id, { note: '', progress: 10 });
		expect(kinds(member.id)).toEqual([]);
		expect(kinds(other.id)).toEqual([]);
		expect(kinds(staff.id)).toEqual([]);
		// "By e-mail" means in the app too (the e-mail itself comes from the outbox).
		setChannel(db, other.id, 'action_progress', 'email');
		addProgress(db, member, action.id, { note: '', progress: 20 });
		expect(kinds(other.id)).toEqual(['action_progress']);
	});

	it('writes nothing when the change is rolled back', async () => {
		const { db, member, staff, action } = await setup();
		expect(() =>
			commitChange(db, () => {
				updateAction(db, member, action.id, { owners: [staff.id], version: 1 });
				throw new Error('undone');
			})
		).toThrow('undone');
		expect(unreadCount(db, staff.id)).toBe(0);
	});
});

describe('what a proposer hears of their idea', () => {
	it('hears a decline with its reason, and that the idea became an action', async () => {
		const { db, member, staff, kinds } = await setup();
		const decide = (id: number, input: Record<string, unknown>) =>
			decideIdea(db, member, id, ideaStateInput.parse(input) as IdeaDecision);
		const idea = proposeIdea(db, staff, proposeIdeaInput.parse({ title: 'Mehr Grün' }));
		const reviewed = decide(idea.id, { state: 'in_review', version: idea.version });
		decide(idea.id, { state: 'declined', reason: 'Kein Platz', version: reviewed.version });
		expect(listNotifications(db, staff.id, 10)).toMatchObject([
			{
				kind: 'idea_state',
				data: { ideaId: idea.id, ideaTitle: 'Mehr Grün', state: 'declined', reason: 'Kein Platz' },
				url: `/ideas/${idea.id}`
			},
			{ kind: 'idea_state', data: { state: 'in_review' } }
		]);
		const second = proposeIdea(db, staff, proposeIdeaInput.parse({ title: 'Fahrradständer' }));
		decide(second.id, {
			state: 'accepted',
			dimension: 'social',
			horizon: 'short',
			version: second.version
		});
		expect(listNotifications(db, staff.id, 1)).toMatchObject([
			{
				kind: 'idea_accepted',
				data: { ideaTitle: 'Fahrradständer', actionTitle: 'Fahrradständer' }
			}
		]);
		expect(kinds(member.id)).toEqual([]);
	});

	it('hears of the first supporter once, without a name', async () => {
		const { db, member, staff, other, kinds } = await setup();
		const idea = proposeIdea(db, staff, proposeIdeaInput.parse({ title: 'Mehr Grün' }));
		supportIdea(db, other, idea.id);
		supportIdea(db, member, idea.id);
		withdrawSupport(db, member, idea.id);
		withdrawSupport(db, other, idea.id);
		supportIdea(db, member, idea.id);
		expect(kinds(staff.id)).toEqual(['idea_supported']);
		expect(listNotifications(db, staff.id, 1)[0].data).toEqual({
			ideaId: idea.id,
			ideaTitle: 'Mehr Grün'
		});
	});

	it('hears nothing of withdrawing their own idea', async () => {
		const { db, staff, kinds } = await setup();
		const idea = proposeIdea(db, staff, proposeIdeaInput.parse({ title: 'Mehr Grün' }));
		withdrawIdea(db, staff, idea.id, idea.version);
		expect(kinds(staff.id)).toEqual([]);
	});
});

describe('reading notifications', () => {
	it('marks one or all read, only one’s own', async () => {
		const { db, member, staff, other, action } = await setup();
		follow(db, staff.id, action.id);
		follow(db, other.id, action.id);
		addProgress(db, member, action.id, { note: '', progress: 10 });
		addProgress(db, member, action.id, { note: '', progress: 20 });
		const [newest, oldest] = listNotifications(db, staff.id, 10);
		expect(() => markRead(db, other.id, newest.id)).toThrow(DomainError);
		markRead(db, staff.id, oldest.id);
		markRead(db, staff.id, oldest.id);
		expect(unreadCount(db, staff.id)).toBe(1);
		expect(listNotifications(db, staff.id, 10).map((n) => n.readAt !== null)).toEqual([
			false,
			true
		]);
		expect(markAllRead(db, staff.id)).toBe(1);
		expect(unreadCount(db, staff.id)).toBe(0);
		expect(unreadCount(db, other.id)).toBe(2);
	});

	it('counts the unread from the index alone', () => {
		const db = createTestDb();
		const plan = (
			db.$client
				.prepare(
					'explain query plan select count(*) from notifications where user_id = 1 and read_at is null'
				)
				.all() as { detail: string }[]
		)
			.map((p) => p.detail)
			.join(' ');
		expect(plan).toContain('COVERING INDEX notifications_user_idx');
	});
});
