import { z } from 'zod';
import { DIMENSIONS } from '../../board/cells';
import { LIMITS } from '../../board/limits';
import { GOAL_DIRECTIONS } from '../../goals/kinds';
import { calendarDateField, integer, versionField } from './action-input';
import { typedText } from './text-input';

/** Input rules for goals and their measured values; form actions and the JSON API share them. */

/**
 * An amount of an indicator: a finite number (JSON), or digits with a decimal point or comma
 * (forms, as people type them in German: "12,5"). Bounded, so that charts and sums stay readable.
 */
export const amountField = z
	.union([
		z.number(),
		z
			.string()
			.trim()
			.regex(/^-?\d{1,13}(?:[.,]\d{1,9})?$/)
			.transform((s) => Number(s.replace(',', '.')))
	])
	.pipe(z.number().min(-LIMITS.goalValueMax).max(LIMITS.goalValueMax));

export const goalYearField = integer(LIMITS.goalYearMin, LIMITS.goalYearMax);
export const goalNameField = typedText(LIMITS.goalName, { min: 1 });
export const goalUnitField = typedText(LIMITS.goalUnit);
export const goalDirectionField = z.enum(GOAL_DIRECTIONS);

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A goal may also come as the API lists it: `baseline: {value, year}` and `target: {value,
 * year}` stand for `baselineValue`, `baselineYear`, `targetValue` and `targetYear`.
 */
function flattenIndicator(body: unknown): unknown {
	if (!isRecord(body)) return body;
	const flat: Record<string, unknown> = { ...body };
	for (const part of ['baseline', 'target'] as const) {
		const nested = body[part];
		if (!isRecord(nested)) continue;
		delete flat[part];
		flat[`${part}Value`] ??= nested.value;
		flat[`${part}Year`] ??= nested.year;
	}
	return flat;
}

/** The target lies after the baseline: the line between them is what "on track" is read from. */
const yearsInOrder = (g: { baselineYear?: number; targetYear?: number }) =>
	g.baselineYear === undefined || g.targetYear === undefined || g.targetYear > g.baselineYear;
const YEARS_IN_ORDER = { message: 'target_year_order', path: ['targetYear'] };

export const createGoalInput = z.preprocess(
	flattenIndicator,
	z
		.object({
			dimension: z.enum(DIMENSIONS),
			name: goalNameField,
			unit: goalUnitField.default(''),
			baselineValue: amountField,
			baselineYear: goalYearField,
			targetValue: amountField,
			targetYear: goalYearField,
			direction: goalDirectionField
		})
		.refine(yearsInOrder, YEARS_IN_ORDER)
);
export type CreateGoalInput = z.infer<typeof createGoalInput>;

export const updateGoalInput = z.preprocess(
	flattenIndicator,
	z
		.object({
			dimension: z.enum(DIMENSIONS).optional(),
			name: goalNameField.optional(),
			unit: goalUnitField.optional(),
			baselineValue: amountField.optional(),
			baselineYear: goalYearField.optional(),
			targetValue: amountField.optional(),
			targetYear: goalYearField.optional(),
			direction: goalDirectionField.optional(),
			version: versionField
		})
		.refine(yearsInOrder, YEARS_IN_ORDER)
);
export type UpdateGoalInput = z.infer<typeof updateGoalInput>;

/** A measured value of a goal's indicator; an empty source means none. */
export const goalValueInput = z.object({
	value: amountField,
	date: calendarDateField,
	source: z
		.union([z.null(), typedText(LIMITS.goalSource)])
		.optional()
		.transform((v) => v || null)
});
export type GoalValueInput = z.infer<typeof goalValueInput>;
