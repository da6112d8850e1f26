import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { ideaHistory } from '../db/schema';
import { subscribe } from '../events/subscribers';
import type { CommittedEvent } from '../events/types';
import { createBoard } from './boards';
import { createAction } from './create-action';
import { getAction } from './action-view';
import { DomainError } from './errors';
import {
	decideIdea,
	editIdea,
	proposeIdea,
	supportIdea,
	withdrawIdea,
	withdrawSupport
} from './idea-changes';
import { ideaStateInput, proposeIdeaInput, type IdeaDecision } from './idea-input';
import { getIdea, ideasChangedAt, listIdeas, listIdeasPage, similarIdeas, supports } from './ideas';

let off: (() => void) | undefined;
afterEach(() => off?.());

async function setup() {
	const db = createTestDb();
	const staff = await makeUser(db, { role: 'staff', name: 'Mara Staff' });
	const colleague = await makeUser(db, { role: 'staff', name: 'Kai Kollege' });
	const member = await makeUser(db, { role: 'member', name: 'Mia Member' });
	const board = createBoard(db, { name: 'Strategie' });
	const propose = (title: string, extra: Record<string, unknown> = {}, by = staff) =>
		proposeIdea(db, by, proposeIdeaInput.parse({ title, ...extra }));
	const decide = (id: number, input: Record<string, unknown>) =>
		decideIdea(db, member, id, ideaStateInput.parse(input) as IdeaDecision);
	return { db, staff, colleague, member, board, propose, decide };
}

const code = (fn: () => unknown) => {
	try {
		fn();
	} catch (err) {
		return err instanceof DomainError ? err.code : String(err);
	}
	return 'no error';
};

describe('ideas', () => {
	it('come in as submitted, with the proposer named — or only for the working group', async () => {
		const { propose, staff } = await setup();
		const open = propose('Fahrrad-Leasing', { dimension: 'ecological', text: 'Wie bei *anderen*' });
		expect(open).toMatchObject({
			state: 'submitted',
			dimension: 'ecological',
			supporters: 0,
			version: 1,
			proposer: { id: staff.id, name: 'Mara Staff' },
			source: null
		});
		const shy = propose('Leiser Vorschlag', { showName: false, dimension: '' });
		expect(shy.proposer).toBeNull();
		expect(shy.dimension).toBeNull();
	});

	it('can be edited and withdrawn by the proposer until the review starts, by nobody else', async () => {
		const { db, propose, staff, colleague, decide } = await setup();
		const idea = propose('Erst so');
		const edited = editIdea(db, staff, idea.id, {
			title: 'Dann so',
			text: '',
			dimension: 'social',
			version: 1
		});
		expect(edited).toMatchObject({ title: 'Dann so', dimension: 'social', version: 2 });
		expect(
			code(() =>
				editIdea(db, colleague, idea.id, { title: 'X', text: '', dimension: null, version: 2 })
			)
		).toBe('not_allowed');
		expect(code(() => withdrawIdea(db, staff, idea.id, 1))).toBe('conflict');

		decide(idea.id, { state: 'in_review', version: 2 });
		expect(code(() => withdrawIdea(db, staff, idea.id, 3))).toBe('wrong_state');

		const other = propose('Doch nicht');
		expect(withdrawIdea(db, staff, other.id, 1).state).toBe('withdrawn');
	});

	it('are supported once per person, never by their proposer, and the support can be taken back', async () => {
		const { db, propose, staff, colleague, member } = await setup();
		const idea = propose('Mehr Grün');
		expect(code(() => supportIdea(db, staff, idea.id))).toBe('own_idea');
		expect(supportIdea(db, colleague, idea.id).supporters).toBe(1);
		expect(supportIdea(db, colleague, idea.id).supporters).toBe(1);
		expect(supportIdea(db, member, idea.id).supporters).toBe(2);
		expect(supports(db, idea.id, colleague.id)).toBe(true);
		const later = new Date(Date.now() + 60_000);
		expect(withdrawSupport(db, colleague, idea.id, later).supporters).toBe(1);
		expect(supports(db, idea.id, colleague.id)).toBe(false);
		// A new count of supporters is a change that open lists learn of.
		expect(ideasChangedAt(db)).toBe(later.getTime());
	});

	it('are declined only with a reason, and the history is public', async () => {
		const { db, propose, decide } = await setup();
		const idea = propose('Zu teuer');
		expect(ideaStateInput.safeParse({ state: 'declined', version: 1 }).success).toBe(false);
		const declined = decide(idea.id, {
			state: 'declined',
			reason: 'Passt nicht ins Budget',
			version: 1
		});
		expect(declined).toMatchObject({
			state: 'declined',
			reason: 'Passt nicht ins Budget',
			version: 2
		});
		expect(declined.decidedAt).not.toBeNull();
		const history = db.select().from(ideaHistory).all();
		expect(history.map((h) => [h.state, h.reason])).toEqual([
			['submitted', null],
			['declined', 'Passt nicht ins Budget']
		]);
		// A decided idea stays decided, and nobody supports it any more.
		expect(code(() => decide(idea.id, { state: 'in_review', version: 2 }))).toBe('wrong_state');
	});

	it('are merged into another with a reason, and their supporters carried over', async () => {
		const { db, propose, staff, colleague, member, decide } = await setup();
		const first = propose('Jobrad', {}, staff);
		const second = propose('Fahrrad für alle', {}, colleague);
		supportIdea(db, member, first.id);
		supportIdea(db, colleague, first.id);
		const merged = decide(first.id, {
			state: 'merged',
			into: second.id,
			reason: 'Dasselbe',
			version: 1
		});
		expect(merged).toMatchObject({ state: 'merged', mergedIntoId: second.id, reason: 'Dasselbe' });
		// The member and the first proposer now support the second; its own proposer does not.
		expect(getIdea(db, second.id)!.supporters).toBe(2);
		expect(supports(db, second.id, staff.id)).toBe(true);
		expect(supports(db, second.id, colleague.id)).toBe(false);
		expect(
			code(() => decide(second.id, { state: 'merged', into: second.id, reason: 'x', version: 1 }))
		).toBe('invalid_merge');
	});

	it('become an action in the chosen cell when accepted, or are linked to an existing one', async () => {
		const { db, propose, member, board, decide } = await setup();
		const idea = propose('Solardach', { text: 'Auf dem **Lager**' });
		const accepted = decide(idea.id, {
			state: 'accepted',
			version: 1,
			dimension: 'ecological',
			horizon: 'long'
		});
		const action = getAction(db, accepted.actionId!)!;
		expect(action).toMatchObject({
			title: 'Solardach',
			description: 'Auf dem **Lager**',
			dimension: 'ecological',
			horizon: 'long'
		});

		const existing = createAction(db, member, board.id, {
			title: 'Schon da',
			dimension: 'social',
			horizon: 'short'
		});
		const other = propose('Gibt es schon');
		expect(
			decide(other.id, { state: 'accepted', version: 1, actionId: existing.id }).actionId
		).toBe(existing.id);
		expect(ideaStateInput.safeParse({ state: 'accepted', version: 1 }).success).toBe(false);
	});

	it('answer a stale decision with a conflict that carries the idea as it stands', async () => {
		const { propose, decide } = await setup();
		const idea = propose('Zweimal');
		decide(idea.id, { state: 'in_review', version: 1 });
		try {
			decide(idea.id, { state: 'declined', reason: 'Nein', version: 1 });
			expect.unreachable();
		} catch (err) {
			expect(err).toBeInstanceOf(DomainError);
			expect((err as DomainError).details?.current).toMatchObject({
				state: 'in_review',
				version: 2
			});
		}
	});

	it('tell the commit seam what changed', async () => {
		const { db, propose, colleague, decide } = await setup();
		const heard: CommittedEvent[] = [];
		off = subscribe({ name: 'test-ideas', afterCommit: (events) => heard.push(...events) });
		const idea = propose('Gehört');
		supportIdea(db, colleague, idea.id);
		decide(idea.id, { state: 'in_review', version: 1 });
		expect(heard.map((e) => (e.type === 'idea_changed' ? e.change : e.type))).toEqual([
			'proposed',
			'supported',
			'state'
		]);
	});

	it('find similar ideas by the words of a title', async () => {
		const { db, propose, colleague } = await setup();
		const bike = propose('Fahrrad-Leasing für alle');
		supportIdea(db, colleague, bike.id);
		propose('Leasing von Dienstwagen');
		propose('Kantine regional');
		expect(similarIdeas(db, 'Fahrrad Leasing').map((i) => i.title)).toEqual([
			'Fahrrad-Leasing für alle',
			'Leasing von Dienstwagen'
		]);
		expect(similarIdeas(db, 'ab')).toEqual([]);
		expect(listIdeas(db)).toHaveLength(3);
	});

	it('are listed filtered, searched and sorted, a page at a time', async () => {
		const { db, propose, staff, colleague, member, decide } = await setup();
		const t0 = new Date('2026-05-01T08:00:00Z').getTime();
		const at = (minutes: number) => new Date(t0 + minutes * 60_000);
		const make = (title: string, minutes: number, extra: Record<string, unknown> = {}) =>
			proposeIdea(db, staff, proposeIdeaInput.parse({ title, ...extra }), { now: at(minutes) });
		const garden = make('Gemüsegarten', 1, { dimension: 'social' });
		const solar = make('Solardach', 2, { dimension: 'ecological', text: 'Auf dem ÖKO-Lager' });
		const unknown = make('Weiß nicht wohin', 3);
		supportIdea(db, colleague, garden.id);
		supportIdea(db, member, garden.id);
		supportIdea(db, colleague, unknown.id);
		decide(solar.id, { state: 'declined', reason: 'Zu teuer', version: 1 });
		const titles = (ideas: { title: string }[]) => ideas.map((i) => i.title);

		expect(titles(listIdeas(db))).toEqual(['Weiß nicht wohin', 'Solardach', 'Gemüsegarten']);
		expect(titles(listIdeas(db, { sort: 'supported' }))[0]).toBe('Gemüsegarten');
		expect(titles(listIdeas(db, { sort: 'decided' }))[0]).toBe('Solardach');
		expect(titles(listIdeas(db, { state: 'open' }))).toEqual(['Weiß nicht wohin', 'Gemüsegarten']);
		expect(titles(listIdeas(db, { dimension: 'none' }))).toEqual(['Weiß nicht wohin']);
		expect(titles(listIdeas(db, { q: 'öko' }))).toEqual(['Solardach']);

		const page = listIdeasPage(db, { sort: 'supported' }, 2);
		expect(page.found).toBe(3);
		expect(titles(page.ideas)).toEqual(['Gemüsegarten', 'Weiß nicht wohin']);
		expect(page.ideas[0]).toMatchObject({ supporters: 2, dimension: 'social' });
		const searched = listIdeasPage(db, { q: 'LAGER' }, 1);
		expect(searched).toMatchObject({ found: 1, ideas: [{ text: 'Auf dem ÖKO-Lager' }] });
		propose('Noch eine');
		expect(listIdeasPage(db, { state: 'declined' }, 10).found).toBe(1);
	});
});
