import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { archiveAction } from './archive-action';
import { createBoard } from './boards';
import { createAction } from './create-action';
import { decideIdea, proposeIdea, supportIdea, withdrawIdea } from './idea-changes';
import { ideaStateInput, proposeIdeaInput, type IdeaDecision } from './idea-input';
import {
	countIdeasByDimension,
	ideasOfAction,
	listNewIdeasFromOthers,
	listOwnIdeas
} from './idea-summaries';

const DAY = 24 * 60 * 60 * 1000;

async function setup() {
	const db = createTestDb();
	const staff = await makeUser(db, { role: 'staff', name: 'Mara Staff' });
	const colleague = await makeUser(db, { role: 'staff', name: 'Kai Kollege' });
	const member = await makeUser(db, { role: 'member', name: 'Mia Member' });
	const board = createBoard(db, { name: 'Strategie' });
	let day = 0;
	/** Each idea a day after the one before, so "newest first" is plain to see. */
	const propose = (
		title: string,
		extra: Record<string, unknown> = {},
		by = staff,
		source?: string
	) =>
		proposeIdea(db, by, proposeIdeaInput.parse({ title, ...extra }), {
			source,
			now: new Date(Date.UTC(2026, 0, 1) + ++day * DAY)
		});
	const decide = (id: number, input: Record<string, unknown>) =>
		decideIdea(db, member, id, ideaStateInput.parse(input) as IdeaDecision);
	return { db, staff, colleague, member, board, propose, decide };
}

describe('idea summaries', () => {
	it("list a person's own ideas newest first, in every state, with their supporters", async () => {
		const { db, staff, colleague, member, propose, decide } = await setup();
		const first = propose('Erste Idee');
		const second = propose('Zweite Idee', { showName: false });
		propose('Von jemand anderem', {}, colleague);
		supportIdea(db, colleague, second.id);
		supportIdea(db, member, second.id);
		decide(first.id, { state: 'declined', reason: 'Gibt es schon', version: 1 });

		const own = listOwnIdeas(db, staff.id);
		expect(own.total).toBe(2);
		expect(own.ideas).toEqual([
			{
				id: second.id,
				title: 'Zweite Idee',
				state: 'submitted',
				supporters: 2,
				credit: { kind: 'colleague' }
			},
			{
				id: first.id,
				title: 'Erste Idee',
				state: 'declined',
				supporters: 0,
				credit: { kind: 'person', name: 'Mara Staff' }
			}
		]);
		expect(listOwnIdeas(db, member.id)).toEqual({ ideas: [], total: 0 });
	});

	it('cut the own list to its size and still count all of them', async () => {
		const { db, staff, propose } = await setup();
		for (let i = 1; i <= 7; i++) propose(`Idee ${i}`);
		const own = listOwnIdeas(db, staff.id, 5);
		expect(own.total).toBe(7);
		expect(own.ideas.map((i) => i.title)).toEqual([
			'Idee 7',
			'Idee 6',
			'Idee 5',
			'Idee 4',
			'Idee 3'
		]);
	});

	it("show colleagues' newest open ideas, named only where allowed, workshops by their label", async () => {
		const { db, staff, colleague, propose, decide } = await setup();
		propose('Meine eigene');
		const named = propose('Offen und benannt', {}, colleague);
		propose('Offen, ohne Namen', { showName: false }, colleague);
		propose('Aus dem Workshop', {}, colleague, 'Workshop Frühjahr');
		const reviewed = propose('In Prüfung', {}, colleague);
		decide(reviewed.id, { state: 'in_review', version: 1 });
		const gone = propose('Zurückgezogen', {}, colleague);
		withdrawIdea(db, colleague, gone.id, 1);
		const declined = propose('Abgelehnt', {}, colleague);
		decide(declined.id, { state: 'declined', reason: 'Nein', version: 1 });
		supportIdea(db, staff, named.id);

		const fresh = listNewIdeasFromOthers(db, staff.id);
		expect(fresh.map((i) => [i.title, i.state, i.credit])).toEqual([
			['In Prüfung', 'in_review', { kind: 'person', name: 'Kai Kollege' }],
			['Aus dem Workshop', 'submitted', { kind: 'source', source: 'Workshop Frühjahr' }],
			['Offen, ohne Namen', 'submitted', { kind: 'colleague' }],
			['Offen und benannt', 'submitted', { kind: 'person', name: 'Kai Kollege' }]
		]);
		expect(fresh.find((i) => i.id === named.id)?.supporters).toBe(1);
		expect(listNewIdeasFromOthers(db, staff.id, 2)).toHaveLength(2);
		// The colleague's own ideas are not news to them; the staff member's one is.
		expect(listNewIdeasFromOthers(db, colleague.id).map((i) => i.title)).toEqual([
			'Aus dem Workshop',
			'Meine eigene'
		]);
	});

	it('name the accepted ideas an action came from', async () => {
		const { db, colleague, member, board, propose, decide } = await setup();
		const action = createAction(db, member, board.id, {
			title: 'Solardach',
			dimension: 'ecological',
			horizon: 'long'
		});
		const first = propose('Solar aufs Lager', { showName: false });
		const second = propose('Sonnenstrom', {}, colleague);
		supportIdea(db, member, first.id);
		propose('Noch offen');
		decide(first.id, { state: 'accepted', actionId: action.id, version: 1 });
		decide(second.id, { state: 'accepted', actionId: action.id, version: 1 });
		const own = decide(propose('Eigene Maßnahme').id, {
			state: 'accepted',
			dimension: 'social',
			horizon: 'short',
			version: 1
		});

		expect(ideasOfAction(db, action.id)).toEqual([
			{
				id: first.id,
				title: 'Solar aufs Lager',
				state: 'accepted',
				supporters: 1,
				credit: { kind: 'colleague' }
			},
			{
				id: second.id,
				title: 'Sonnenstrom',
				state: 'accepted',
				supporters: 0,
				credit: { kind: 'person', name: 'Kai Kollege' }
			}
		]);
		expect(ideasOfAction(db, own.actionId!).map((i) => i.title)).toEqual(['Eigene Maßnahme']);
	});

	it('count ideas received, accepted and turned into live actions per dimension', async () => {
		const { db, staff, member, board, propose, decide } = await setup();
		const action = createAction(db, member, board.id, {
			title: 'Wird archiviert',
			dimension: 'ecological',
			horizon: 'short'
		});
		propose('Öko offen', { dimension: 'ecological' });
		const live = propose('Öko angenommen', { dimension: 'ecological' });
		decide(live.id, { state: 'accepted', dimension: 'ecological', horizon: 'short', version: 1 });
		const archived = propose('Öko archiviert', { dimension: 'ecological' });
		decide(archived.id, { state: 'accepted', actionId: action.id, version: 1 });
		archiveAction(db, member, action.id, action.version);
		const withdrawn = propose('Zurück', { dimension: 'ecological' });
		withdrawIdea(db, staff, withdrawn.id, 1);
		const declined = propose('Sozial abgelehnt', { dimension: 'social' });
		decide(declined.id, { state: 'declined', reason: 'Nein', version: 1 });
		// No dimension given by the proposer; accepted into a social action all the same.
		const open = propose('Ohne Angabe');
		decide(open.id, { state: 'accepted', dimension: 'social', horizon: 'medium', version: 1 });

		expect(countIdeasByDimension(db)).toEqual([
			{ dimension: 'ecological', received: 3, accepted: 2, becameActions: 1 },
			{ dimension: 'economic', received: 0, accepted: 0, becameActions: 0 },
			{ dimension: 'social', received: 1, accepted: 0, becameActions: 0 },
			{ dimension: null, received: 1, accepted: 1, becameActions: 1 }
		]);
	});
});
