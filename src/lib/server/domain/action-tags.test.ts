import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { setActionGoals } from './action-goals';
import { actionTagsView, tagAction } from './action-tags';
import { actionCodesInput, actionGoalsInput, actionTagsInput } from './action-tags-input';
import { archiveAction } from './archive-action';
import { createBoard } from './boards';
import { createAction } from './create-action';
import { getAction } from './action-view';
import { codesOfAction, listFrameworkCodes } from './framework-codes';
import { createGoal, goalIdsOfAction } from './goals';
import { createGoalInput } from './goal-input';
import { can } from './permissions';
import { ROLES } from '../../roles';

const goalInput = (name: string, dimension = 'ecological') =>
	createGoalInput.parse({
		dimension,
		name,
		unit: 't CO₂',
		baselineValue: 100,
		baselineYear: 2024,
		targetValue: 40,
		targetYear: 2030,
		direction: 'down'
	});

async function setup() {
	const db = createTestDb();
	const member = await makeUser(db, { role: 'member' });
	const board = createBoard(db, { name: 'Nachhaltigkeitsstrategie' });
	const other = createBoard(db, { name: 'Zweiter Standort' });
	const action = createAction(db, member, board.id, {
		title: 'LED-Beleuchtung im Haus Lindenhof',
		dimension: 'ecological',
		horizon: 'short'
	});
	const co2 = createGoal(db, member, board.id, goalInput('Weniger CO₂'));
	const mentoring = createGoal(db, member, board.id, goalInput('Mentoring', 'social'));
	const elsewhere = createGoal(db, member, other.id, goalInput('Anderer Standort'));
	return { db, member, board, action, co2, mentoring, elsewhere };
}

describe('setActionGoals', () => {
	it('links an action to exactly the goals given, each once', async () => {
		const { db, member, action, co2, mentoring } = await setup();
		expect(setActionGoals(db, member, action.id, [mentoring.id, co2.id, co2.id])).toEqual([
			co2.id,
			mentoring.id
		]);
		expect(setActionGoals(db, member, action.id, [mentoring.id])).toEqual([mentoring.id]);
		expect(setActionGoals(db, member, action.id, [])).toEqual([]);
		expect(goalIdsOfAction(db, action.id)).toEqual([]);
	});

	it('refuses goals of another board or of nothing, and changes nothing then', async () => {
		const { db, member, action, co2, elsewhere } = await setup();
		setActionGoals(db, member, action.id, [co2.id]);
		expect(() => setActionGoals(db, member, action.id, [elsewhere.id])).toThrow('unknown_goal');
		expect(() => setActionGoals(db, member, action.id, [987_654])).toThrow('unknown_goal');
		expect(goalIdsOfAction(db, action.id)).toEqual([co2.id]);
	});

	it('refuses archived and unknown actions', async () => {
		const { db, member, action, co2 } = await setup();
		expect(() => setActionGoals(db, member, 987_654, [co2.id])).toThrow('not_found');
		archiveAction(db, member, action.id, action.version);
		expect(() => setActionGoals(db, member, action.id, [co2.id])).toThrow('archived');
		expect(goalIdsOfAction(db, action.id)).toEqual([]);
	});

	it('does not change the action itself: its version stays', async () => {
		const { db, member, action, co2 } = await setup();
		setActionGoals(db, member, action.id, [co2.id]);
		expect(getAction(db, action.id)?.version).toBe(action.version);
	});
});

describe('tagAction', () => {
	it('sets codes and goals and adds a new own tag in one change', async () => {
		const { db, member, action, co2 } = await setup();
		const input = actionTagsInput.parse({
			codes: ['sdg:7', 'dnk:13'],
			goals: String(co2.id),
			newTag: '  Inklusion '
		});
		expect(tagAction(db, member, action.id, input)).toEqual({
			codes: ['dnk:13', 'sdg:7', 'own:1'],
			goals: [co2.id]
		});
		const view = actionTagsView(db, action, 'de');
		expect(view.codes).toEqual(['dnk:13', 'sdg:7', 'own:1']);
		expect(view.goals).toEqual([co2.id]);
		expect(view.boardGoals.map((g) => g.name)).toEqual(['Weniger CO₂', 'Mentoring']);
		expect(view.options.at(-1)).toEqual({ framework: 'own', code: 1, title: 'Inklusion' });
	});

	it('an own tag that exists is reused, not made twice', async () => {
		const { db, member, action } = await setup();
		tagAction(db, member, action.id, actionTagsInput.parse({ newTag: 'Inklusion' }));
		tagAction(db, member, action.id, actionTagsInput.parse({ newTag: 'inklusion' }));
		expect(listFrameworkCodes(db, 'de').filter((c) => c.framework === 'own')).toHaveLength(1);
		expect(codesOfAction(db, action.id)).toEqual([{ framework: 'own', code: 1 }]);
	});

	it('a refused goal leaves the codes as they were and makes no own tag', async () => {
		const { db, member, action, elsewhere } = await setup();
		tagAction(db, member, action.id, actionTagsInput.parse({ codes: 'dnk:1' }));
		const bad = actionTagsInput.parse({
			codes: ['dnk:2'],
			goals: [String(elsewhere.id)],
			newTag: 'Ehrenamt'
		});
		expect(() => tagAction(db, member, action.id, bad)).toThrow('unknown_goal');
		expect(codesOfAction(db, action.id)).toEqual([{ framework: 'dnk', code: 1 }]);
		expect(listFrameworkCodes(db, 'de').some((c) => c.framework === 'own')).toBe(false);
	});

	it('refuses codes that the table does not have', async () => {
		const { db, member, action } = await setup();
		const input = actionTagsInput.parse({ codes: ['dnk:21'], newTag: 'Ehrenamt' });
		expect(() => tagAction(db, member, action.id, input)).toThrow('unknown_code');
		expect(listFrameworkCodes(db, 'de').some((c) => c.framework === 'own')).toBe(false);
	});

	it('members, leaders and admins tag actions; staff do not', () => {
		expect(ROLES.filter((r) => can(r, 'tagActions'))).toEqual(['admin', 'member', 'leader']);
	});
});

describe('the tagging input', () => {
	it('reads a form: one box as a string, none as nothing, empty values and tag as none', () => {
		expect(actionTagsInput.parse({})).toEqual({ codes: [], goals: [], newTag: null });
		expect(actionTagsInput.parse({ codes: 'own:2', goals: ['', '4'], newTag: '   ' })).toEqual({
			codes: [{ framework: 'own', code: 2 }],
			goals: [4],
			newTag: null
		});
	});

	it.each([
		['a code key of no shape', { codes: ['dnk-13'] }],
		['an unknown framework', { codes: ['gri:3'] }],
		['code zero', { codes: ['sdg:0'] }],
		['61 codes', { codes: Array.from({ length: 61 }, (_, i) => `dnk:${i + 1}`) }],
		['51 goals', { goals: Array.from({ length: 51 }, (_, i) => String(i + 1)) }],
		['a goal id of no number', { goals: ['abc'] }],
		['goal id zero', { goals: ['0'] }],
		['a tag of 41 characters', { newTag: 'x'.repeat(41) }],
		['a tag with a control character', { newTag: 'Inklu\u0001sion' }],
		['a tag with a line break', { newTag: 'Inklu\nsion' }]
	])('refuses %s', (_name, fields) => {
		expect(actionTagsInput.safeParse(fields).success).toBe(false);
	});

	it('the JSON API takes lists only, of keys and of numbers', () => {
		expect(actionCodesInput.parse({ codes: ['dnk:13'] })).toEqual({
			codes: [{ framework: 'dnk', code: 13 }]
		});
		expect(actionGoalsInput.parse({ goals: [3, 5] })).toEqual({ goals: [3, 5] });
		for (const bad of [{}, { codes: 'dnk:13' }, { codes: [13] }, { codes: null }]) {
			expect(actionCodesInput.safeParse(bad).success).toBe(false);
		}
		for (const bad of [{}, { goals: 3 }, { goals: [1.5] }, { goals: [null] }, { goals: [[1]] }]) {
			expect(actionGoalsInput.safeParse(bad).success).toBe(false);
		}
	});
});
