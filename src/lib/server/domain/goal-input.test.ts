import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../board/limits';
import { translateIssues } from '../http/validation';
import { createGoalInput, goalValueInput, updateGoalInput } from './goal-input';

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
	result.error?.issues.map((i) => String(i.path[0])) ?? [];

const goal = {
	dimension: 'ecological',
	name: 'Weniger CO₂',
	unit: 't CO₂ pro Jahr',
	baselineValue: 420.5,
	baselineYear: 2022,
	targetValue: 0,
	targetYear: 2030,
	direction: 'down'
};

describe('goal input', () => {
	it('accepts a goal from JSON, from a form, and in the shape the list shows', () => {
		expect(createGoalInput.parse(goal)).toEqual(goal);
		expect(
			createGoalInput.parse({
				...goal,
				baselineValue: '420,5',
				baselineYear: '2022',
				targetValue: '0',
				targetYear: '2030'
			})
		).toEqual(goal);
		const { baselineValue, baselineYear, targetValue, targetYear, ...rest } = goal;
		expect(
			createGoalInput.parse({
				...rest,
				baseline: { value: baselineValue, year: baselineYear },
				target: { value: targetValue, year: targetYear }
			})
		).toEqual(goal);
		const { unit: _unit, ...withoutUnit } = goal;
		expect(createGoalInput.parse(withoutUnit).unit).toBe('');
	});

	it('holds every field to its limits', () => {
		const bad = (fields: Record<string, unknown>) =>
			fieldsOf(createGoalInput.safeParse({ ...goal, ...fields }));
		expect(bad({ name: 'x'.repeat(LIMITS.goalName) })).toEqual([]);
		expect(bad({ name: 'x'.repeat(LIMITS.goalName + 1) })).toEqual(['name']);
		expect(bad({ name: '  ' })).toEqual(['name']);
		expect(bad({ name: 'Zeile\u0000Ende' })).toEqual(['name']);
		expect(bad({ unit: 'x'.repeat(LIMITS.goalUnit + 1) })).toEqual(['unit']);
		expect(bad({ baselineYear: 1989 })).toEqual(['baselineYear']);
		expect(bad({ baselineYear: 1990 })).toEqual([]);
		expect(bad({ targetYear: 2101 })).toEqual(['targetYear']);
		expect(bad({ targetYear: 2025.5 })).toEqual(['targetYear']);
		expect(bad({ targetValue: Infinity })).toEqual(['targetValue']);
		expect(bad({ targetValue: NaN })).toEqual(['targetValue']);
		expect(bad({ targetValue: 1e13 })).toEqual(['targetValue']);
		expect(bad({ targetValue: '1e3' })).toEqual(['targetValue']);
		expect(bad({ targetValue: 'Infinity' })).toEqual(['targetValue']);
		expect(bad({ baselineValue: null })).toEqual(['baselineValue']);
		expect(bad({ direction: 'sideways' })).toEqual(['direction']);
		expect(bad({ dimension: 'cultural' })).toEqual(['dimension']);
	});

	it('wants the target after the baseline', () => {
		const result = createGoalInput.safeParse({ ...goal, targetYear: 2022 });
		expect(fieldsOf(result)).toEqual(['targetYear']);
		expect(translateIssues(result.error!.issues, goal)).toEqual({
			targetYear: 'Das Zieljahr muss nach dem Ausgangsjahr liegen.'
		});
		expect(
			fieldsOf(updateGoalInput.safeParse({ baselineYear: 2030, targetYear: 2020, version: 1 }))
		).toEqual(['targetYear']);
		expect(updateGoalInput.parse({ name: 'Neu', version: 3 })).toEqual({ name: 'Neu', version: 3 });
		expect(fieldsOf(updateGoalInput.safeParse({ name: 'Neu' }))).toEqual(['version']);
	});

	it('takes a measured value with a day and an optional source', () => {
		expect(goalValueInput.parse({ value: 12.5, date: '2026-03-31' })).toEqual({
			value: 12.5,
			date: '2026-03-31',
			source: null
		});
		expect(goalValueInput.parse({ value: '-3,25', date: '2026-03-31', source: '' }).source).toBe(
			null
		);
		expect(
			goalValueInput.parse({ value: 1, date: '2026-03-31', source: ' Stromrechnung ' }).source
		).toBe('Stromrechnung');
		const bad = (fields: Record<string, unknown>) =>
			fieldsOf(goalValueInput.safeParse({ value: 1, date: '2026-03-31', ...fields }));
		expect(bad({ source: 'x'.repeat(LIMITS.goalSource + 1) })).toEqual(['source']);
		expect(bad({ date: '2026-02-30' })).toEqual(['date']);
		expect(bad({ date: '' })).toEqual(['date']);
		expect(bad({ date: undefined })).toEqual(['date']);
		expect(bad({ value: undefined })).toEqual(['value']);
		expect(bad({ value: '' })).toEqual(['value']);
		expect(bad({ value: true })).toEqual(['value']);
	});
});
