import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { createBoard } from './boards';
import { DomainError } from './errors';
import { codesOfGoal } from './framework-codes';
import { codesOfBoardGoals, defineGoal, reviseGoal } from './goal-definitions';
import { goalCodesInput, goalValueFormInput } from './goal-form-input';
import { createGoalInput } from './goal-input';
import { listGoals } from './goals';

const newGoal = (name: string) =>
	createGoalInput.parse({
		dimension: 'ecological',
		name,
		unit: 't CO₂ pro Jahr',
		baselineValue: '400',
		baselineYear: '2022',
		targetValue: '0',
		targetYear: '2030',
		direction: 'down'
	});

async function setup() {
	const db = createTestDb();
	const leader = await makeUser(db, { role: 'leader' });
	const board = createBoard(db, { name: 'Nachhaltigkeit' });
	return { db, leader, board };
}

describe('defining goals with their codes', () => {
	it('stores a goal and its codes together', async () => {
		const { db, leader, board } = await setup();
		const { goal, codes } = defineGoal(db, leader, board.id, newGoal('Weniger CO₂'), [
			{ framework: 'sdg', code: 13 },
			{ framework: 'dnk', code: 13 }
		]);
		expect(codes).toEqual([
			{ framework: 'dnk', code: 13 },
			{ framework: 'sdg', code: 13 }
		]);
		expect(codesOfGoal(db, goal.id)).toEqual(codes);
	});

	it('leaves no goal behind when a code does not exist', async () => {
		const { db, leader, board } = await setup();
		expect(() =>
			defineGoal(db, leader, board.id, newGoal('Weniger CO₂'), [{ framework: 'sdg', code: 99 }])
		).toThrow(DomainError);
		expect(listGoals(db, board.id)).toEqual([]);
	});

	it('revises a goal and replaces its codes; a stale version changes neither', async () => {
		const { db, leader, board } = await setup();
		const { goal } = defineGoal(db, leader, board.id, newGoal('Weniger CO₂'), [
			{ framework: 'dnk', code: 13 }
		]);
		const revised = reviseGoal(
			db,
			leader,
			goal.id,
			{ name: 'Klimaneutral', version: goal.version },
			[{ framework: 'sdg', code: 7 }]
		);
		expect(revised).toMatchObject({ name: 'Klimaneutral', version: goal.version + 1 });
		expect(codesOfGoal(db, goal.id)).toEqual([{ framework: 'sdg', code: 7 }]);

		let conflict: unknown;
		try {
			reviseGoal(db, leader, goal.id, { name: 'Veraltet', version: goal.version }, []);
		} catch (err) {
			conflict = err;
		}
		expect(conflict).toBeInstanceOf(DomainError);
		expect((conflict as DomainError).code).toBe('conflict');
		expect(codesOfGoal(db, goal.id)).toEqual([{ framework: 'sdg', code: 7 }]);
	});

	it('keeps the codes when none are given', async () => {
		const { db, leader, board } = await setup();
		const { goal } = defineGoal(db, leader, board.id, newGoal('Weniger CO₂'), [
			{ framework: 'dnk', code: 13 }
		]);
		reviseGoal(db, leader, goal.id, { unit: 't', version: goal.version }, undefined);
		expect(codesOfGoal(db, goal.id)).toEqual([{ framework: 'dnk', code: 13 }]);
	});

	it('lists the codes of all goals of a board, and only of that board', async () => {
		const { db, leader, board } = await setup();
		const other = createBoard(db, { name: 'Anderes Brett' });
		const a = defineGoal(db, leader, board.id, newGoal('A'), [
			{ framework: 'sdg', code: 5 },
			{ framework: 'dnk', code: 2 }
		]).goal;
		const b = defineGoal(db, leader, board.id, newGoal('B'), []).goal;
		defineGoal(db, leader, other.id, newGoal('C'), [{ framework: 'dnk', code: 1 }]);
		const codes = codesOfBoardGoals(db, board.id);
		expect(codes.get(a.id)).toEqual([
			{ framework: 'dnk', code: 2 },
			{ framework: 'sdg', code: 5 }
		]);
		expect(codes.has(b.id)).toBe(false);
		expect(codes.size).toBe(1);
	});
});

describe('the codes a goal form sends', () => {
	it('reads none, one or several boxes', () => {
		expect(goalCodesInput.parse({}).codes).toEqual([]);
		expect(goalCodesInput.parse({ codes: 'dnk:13' }).codes).toEqual([
			{ framework: 'dnk', code: 13 }
		]);
		expect(goalCodesInput.parse({ codes: ['', 'sdg:5', 'own:1'] }).codes).toEqual([
			{ framework: 'sdg', code: 5 },
			{ framework: 'own', code: 1 }
		]);
	});

	it('refuses keys that name no code', () => {
		for (const codes of ['dnk', 'xyz:1', 'dnk:0', 'dnk:1:2', 'x'.repeat(100), ['dnk:1', 5]]) {
			expect(goalCodesInput.safeParse({ codes }).success, String(codes)).toBe(false);
		}
	});
});

describe('a measured value from a form', () => {
	it('takes a decimal comma, and an empty source as none', () => {
		expect(goalValueFormInput.parse({ value: '12,5', date: '2025-06-30', source: '' })).toEqual({
			value: 12.5,
			date: '2025-06-30',
			source: null
		});
	});

	it('refuses a source that is no text (a file comes as null)', () => {
		expect(
			goalValueFormInput.safeParse({ value: '1', date: '2025-06-30', source: null }).success
		).toBe(false);
	});
});
