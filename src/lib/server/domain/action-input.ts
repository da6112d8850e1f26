import { z } from 'zod';
import { DIMENSIONS, HORIZONS, STATUSES } from '../../board/cells';
import { DATE_RANGE, LIMITS } from '../../board/limits';
import { typedText } from './text-input';

/** Input rules for actions; the form actions and the JSON API share every one of them. */

/** A whole number, given as a number (JSON) or as digits (forms). */
export const integer = (min: number, max: number) =>
	z
		.union([
			z.number(),
			z
				.string()
				.trim()
				.regex(/^-?\d+$/)
				.transform(Number)
		])
		.pipe(z.number().int().min(min).max(max));

const isCalendarDate = (s: string) => {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const isInRange = (s: string) => s >= DATE_RANGE.from && s <= DATE_RANGE.to;

export const MAX_OWNERS = LIMITS.owners;
/** Any index past the end of a cell places the action last. */
export const LAST_INDEX = 100_000;

export const titleField = typedText(LIMITS.actionTitle, { min: 1 });
export const descriptionField = typedText(LIMITS.actionDescription, { lines: true });
export const dimensionField = z.enum(DIMENSIONS);
export const horizonField = z.enum(HORIZONS);
export const statusField = z.enum(STATUSES);
export const progressField = integer(0, 100);
export const versionField = integer(1, 2 ** 31);
export const idField = integer(1, 2 ** 31);
/** A day as `YYYY-MM-DD`, within the dates a plan may name. */
export const calendarDateField = z
	.string()
	.trim()
	.max(10)
	.superRefine((s, ctx) => {
		if (!isCalendarDate(s)) ctx.addIssue({ code: 'custom', message: 'date_invalid' });
		else if (!isInRange(s)) ctx.addIssue({ code: 'custom', message: 'date_out_of_range' });
	});
/** `YYYY-MM-DD`; empty means no date. */
export const dueDateField = z
	.union([z.literal(''), z.null(), calendarDateField])
	.transform((v) => v || null);
/** `YYYY-MM-DD` when the work begins; empty means none. Never after the due date. */
export const startDateField = dueDateField;

/** A start after the due date is refused where both are given in the same input. */
const startNotAfterDue = (
	v: { startDate?: string | null; dueDate?: string | null },
	ctx: z.RefinementCtx
) => {
	if (v.startDate && v.dueDate && v.startDate > v.dueDate) {
		ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'start_after_due' });
	}
};

/** Owner ids; forms send one `owners` field per checked box plus an empty one. */
export const ownersField = z.preprocess(
	(v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).filter((x) => x !== '')),
	z.array(idField).max(MAX_OWNERS)
);
/** A status change is optional where an empty choice means "leave it". */
const optionalStatus = z.preprocess((v) => (v === '' ? undefined : v), statusField.optional());

export const createActionInput = z
	.object({
		title: titleField,
		description: descriptionField.optional(),
		dimension: dimensionField,
		horizon: horizonField,
		status: optionalStatus,
		progress: progressField.optional(),
		startDate: startDateField.optional(),
		dueDate: dueDateField.optional(),
		owners: ownersField.optional()
	})
	.superRefine(startNotAfterDue);
export type CreateActionInput = z.infer<typeof createActionInput>;

export const updateActionInput = z
	.object({
		title: titleField.optional(),
		description: descriptionField.optional(),
		status: optionalStatus,
		progress: progressField.optional(),
		startDate: startDateField.optional(),
		dueDate: dueDateField.optional(),
		owners: ownersField.optional(),
		version: versionField
	})
	.superRefine(startNotAfterDue);
export type UpdateActionInput = z.infer<typeof updateActionInput>;

export const moveActionInput = z.object({
	dimension: dimensionField,
	horizon: horizonField,
	index: integer(0, 2 ** 31),
	version: versionField
});
export type MoveActionInput = z.infer<typeof moveActionInput>;

export const progressInput = z.object({
	note: typedText(LIMITS.progressNote, { lines: true }).default(''),
	progress: progressField,
	status: optionalStatus
});
export type ProgressInput = z.infer<typeof progressInput>;

export const versionInput = z.object({ version: versionField });
/** Follow (`1`) or stop following (`0`) an action. */
export const followField = z.enum(['1', '0']);
