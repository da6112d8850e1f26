import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { createBoard } from './boards';
import { createAction } from './create-action';
import { archiveAction } from './archive-action';
import { DomainError } from './errors';
import { createGoalInput } from './goal-input';
import {
	createGoal,
	getGoal,
	goalIdsOfAction,
	goalOnTrack,
	linkActionToGoal,
	listGoals,
	recordGoalValue,
	unlinkActionFromGoal,
	updateGoal,
	type GoalView
} from './goals';
import { can } from './permissions';
import { ROLES } from '../../roles';

const co2 = createGoalInput.parse({
	dimension: 'ecological',
	name: 'Weniger CO₂',
	unit: 't CO₂ pro Jahr',
	baselineValue: 400,
	baselineYear: 2022,
	targetValue: 0,
	targetYear: 2030,
	direction: 'down'
});
const mentoring = createGoalInput.parse({
	dimension: 'social',
	name: 'Mentoring für neue Mitarbeitende',
	unit: '%',
	baselineValue: 10,
	baselineYear: 2024,
	targetValue: 60,
	targetYear: 2029,
	direction: 'up'
});

async function setup() {
	const db = createTestDb();
	const leader = await makeUser(db, { role: 'leader' });
	const member = await makeUser(db, { role: 'member' });
	const board = createBoard(db, { name: 'Nachhaltigkeitsstrategie 2026–2030' });
	return { db, leader, member, board };
}

function code(fn: () => unknown) {
	try {
		fn();
	} catch (err) {
		return err instanceof DomainError ? err.code : String(err);
	}
	return 'no error';
}

describe('goals', () => {
	it('creates goals and lists them by dimension with their indicators', async () => {
		const { db, leader, board } = await setup();
		const social = createGoal(db, leader, board.id, mentoring);
		const eco = createGoal(db, leader, board.id, co2);
		expect(eco).toEqual({
			id: eco.id,
			dimension: 'ecological',
			name: 'Weniger CO₂',
			unit: 't CO₂ pro Jahr',
			baseline: { value: 400, year: 2022 },
			target: { value: 0, year: 2030 },
			direction: 'down',
			version: 1,
			values: []
		});
		expect(listGoals(db, board.id).map((g) => g.id)).toEqual([eco.id, social.id]);
		const other = createBoard(db, { name: 'Andere Strategie' });
		expect(listGoals(db, other.id)).toEqual([]);
	});

	it('records values and lists them oldest first, whatever order they came in', async () => {
		const { db, leader, member, board } = await setup();
		const goal = createGoal(db, leader, board.id, co2);
		recordGoalValue(db, member, goal.id, { value: 310, date: '2025-12-31', source: null });
		const { entry, goal: after } = recordGoalValue(db, member, goal.id, {
			value: 380.25,
			date: '2023-12-31',
			source: 'Energiebericht 2023'
		});
		expect(entry).toMatchObject({
			value: 380.25,
			date: '2023-12-31',
			source: 'Energiebericht 2023'
		});
		recordGoalValue(db, member, goal.id, { value: 350, date: '2024-12-31', source: null });
		const expected = [
			{ value: 380.25, date: '2023-12-31', source: 'Energiebericht 2023' },
			{ value: 350, date: '2024-12-31', source: null },
			{ value: 310, date: '2025-12-31', source: null }
		];
		expect(after.values).toEqual([expected[0], { value: 310, date: '2025-12-31', source: null }]);
		expect(listGoals(db, board.id)[0].values).toEqual(expected);
		expect(getGoal(db, goal.id)?.values).toEqual(expected);
		expect(
			code(() =>
				recordGoalValue(db, member, 987654, { value: 1, date: '2025-01-01', source: null })
			)
		).toBe('not_found');
	});

	it('updates a goal at its version and refuses a stale one with the goal as it stands', async () => {
		const { db, leader, member, board } = await setup();
		const goal = createGoal(db, leader, board.id, co2);
		recordGoalValue(db, member, goal.id, { value: 390, date: '2023-06-30', source: null });
		const updated = updateGoal(db, leader, goal.id, { targetValue: 50, version: 1 });
		expect(updated).toMatchObject({
			version: 2,
			target: { value: 50, year: 2030 },
			name: co2.name
		});
		try {
			updateGoal(db, leader, goal.id, { name: 'Überholt', version: 1 });
			expect.unreachable();
		} catch (err) {
			expect(err).toBeInstanceOf(DomainError);
			expect((err as DomainError).code).toBe('conflict');
			expect((err as DomainError).details).toMatchObject({ subject: 'goal', current: updated });
		}
		expect(getGoal(db, goal.id)?.name).toBe(co2.name);
		expect(code(() => updateGoal(db, leader, goal.id, { targetYear: 2022, version: 2 }))).toBe(
			'goal_years'
		);
		expect(code(() => updateGoal(db, leader, 987654, { name: 'x', version: 1 }))).toBe('not_found');
	});

	it('links actions to the goals of their own board', async () => {
		const { db, leader, member, board } = await setup();
		const goal = createGoal(db, leader, board.id, co2);
		const second = createGoal(db, leader, board.id, mentoring);
		const action = createAction(db, member, board.id, {
			title: 'Wärmepumpe im Haus am Park',
			dimension: 'ecological',
			horizon: 'medium'
		});
		expect(linkActionToGoal(db, member, action.id, goal.id)).toEqual([goal.id]);
		expect(linkActionToGoal(db, member, action.id, goal.id)).toEqual([goal.id]);
		expect(linkActionToGoal(db, member, action.id, second.id)).toEqual([goal.id, second.id]);
		expect(unlinkActionFromGoal(db, member, action.id, goal.id)).toEqual([second.id]);
		expect(goalIdsOfAction(db, action.id)).toEqual([second.id]);

		const other = createBoard(db, { name: 'Andere Strategie' });
		const elsewhere = createGoal(db, leader, other.id, co2);
		expect(code(() => linkActionToGoal(db, member, action.id, elsewhere.id))).toBe('not_found');
		expect(code(() => linkActionToGoal(db, member, 987654, goal.id))).toBe('not_found');
		archiveAction(db, member, action.id, action.version);
		expect(code(() => linkActionToGoal(db, member, action.id, goal.id))).toBe('archived');
	});
});

describe('on track', () => {
	const down: GoalView = {
		id: 1,
		dimension: 'ecological',
		name: 'Weniger CO₂',
		unit: 't',
		// From 400 at the end of 2022 to 0 at the end of 2030: 50 less each year.
		baseline: { value: 400, year: 2022 },
		target: { value: 0, year: 2030 },
		direction: 'down',
		version: 1,
		values: []
	};
	const up: GoalView = {
		...down,
		dimension: 'social',
		baseline: { value: 10, year: 2024 },
		target: { value: 60, year: 2029 },
		direction: 'up'
	};
	const withValues = (goal: GoalView, ...values: [number, string][]) => ({
		...goal,
		values: values.map(([value, date]) => ({ value, date, source: null }))
	});

	it('knows nothing before a value is measured', () => {
		expect(goalOnTrack(down, '2026-06-01')).toEqual({
			onTrack: null,
			latest: null,
			expected: null
		});
		// A value dated in the future does not count yet.
		expect(goalOnTrack(withValues(down, [10, '2027-01-01']), '2026-06-01').onTrack).toBeNull();
	});

	it('is on track going down while the newest value is on the line or below it', () => {
		expect(goalOnTrack(withValues(down, [300, '2024-12-31']), '2026-06-01')).toMatchObject({
			onTrack: true,
			expected: 300
		});
		expect(goalOnTrack(withValues(down, [301, '2024-12-31']), '2026-06-01').onTrack).toBe(false);
		expect(goalOnTrack(withValues(down, [200, '2024-12-31']), '2026-06-01').onTrack).toBe(true);
		// The newest value decides, not the best one.
		const worse = withValues(down, [100, '2023-12-31'], [330, '2025-12-31']);
		expect(goalOnTrack(worse, '2026-06-01')).toMatchObject({ onTrack: false, expected: 250 });
	});

	it('is on track going up while the newest value is on the line or above it', () => {
		// From 10 at the end of 2024 to 60 at the end of 2029: 10 more each year.
		expect(goalOnTrack(withValues(up, [30, '2026-12-31']), '2027-01-15')).toMatchObject({
			onTrack: true,
			expected: 30
		});
		expect(goalOnTrack(withValues(up, [29.9, '2026-12-31']), '2027-01-15').onTrack).toBe(false);
		// Before the baseline's year has ended the line stays at the baseline.
		expect(goalOnTrack(withValues(up, [10, '2024-03-01']), '2026-01-01')).toMatchObject({
			onTrack: true,
			expected: 10
		});
		// After the target year, the target itself is the line.
		expect(goalOnTrack(withValues(up, [59, '2031-06-30']), '2031-07-01')).toMatchObject({
			onTrack: false,
			expected: 60
		});
		expect(goalOnTrack(withValues(up, [75, '2031-06-30']), '2031-07-01').onTrack).toBe(true);
	});

	it('takes decimals that equal the line as on it', () => {
		const goal = {
			...up,
			baseline: { value: 0.1, year: 2020 },
			target: { value: 0.3, year: 2022 }
		};
		expect(goalOnTrack(withValues(goal, [0.2, '2021-12-31']), '2022-01-01').onTrack).toBe(true);
	});
});

describe('who may do what with goals', () => {
	it('lets leadership and admins manage goals, the working group too record values', () => {
		const may = (permission: 'manageGoals' | 'trackGoals' | 'read') =>
			ROLES.filter((role) => can(role, permission)).sort();
		expect(may('manageGoals')).toEqual(['admin', 'leader']);
		expect(may('trackGoals')).toEqual(['admin', 'leader', 'member']);
		expect(may('read')).toEqual(['admin', 'leader', 'member', 'staff']);
	});
});
