import { error, fail, redirect } from '@sveltejs/kit';
import type { ZodType } from 'zod';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { today } from '$lib/board/dates';
import { getDb } from '$lib/server/db';
import { getBoard } from '$lib/server/domain/boards';
import { DomainError } from '$lib/server/domain/errors';
import { listFrameworkCodes } from '$lib/server/domain/framework-codes';
import {
	boardOfGoal,
	defineGoal,
	goalsOverview,
	reviseGoal
} from '$lib/server/domain/goal-definitions';
import { goalCodesInput, goalValueFormInput } from '$lib/server/domain/goal-form-input';
import { createGoalInput, updateGoalInput } from '$lib/server/domain/goal-input';
import { getGoal, recordGoalValue, type GoalView } from '$lib/server/domain/goals';
import { can } from '$lib/server/domain/permissions';
import { fromDomainError } from '$lib/server/http/api';
import { requirePageUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';
import { formFields, formValues, translateIssues } from '$lib/server/http/validation';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function boardOf(id: string) {
	const boardId = parseId(id);
	const board = boardId === null ? undefined : getBoard(getDb(), boardId);
	if (!board) error(404, m.error_not_found());
	return board;
}

/** The goal named by the form's `goalId`, which must be of this board. */
function goalOf(boardId: number, fields: Record<string, unknown>): GoalView {
	const id = typeof fields.goalId === 'string' ? parseId(fields.goalId) : null;
	const goal =
		id === null || boardOfGoal(getDb(), id) !== boardId ? undefined : getGoal(getDb(), id!);
	if (!goal) error(404, m.error_not_found());
	return goal;
}

async function fieldsOf(event: RequestEvent) {
	try {
		return formFields(await event.request.formData());
	} catch {
		return null;
	}
}

/** The codes as the form sent them, to check the same boxes again after an error. */
const sentCodes = (fields: Record<string, unknown>) =>
	([] as unknown[])
		.concat(fields.codes ?? [])
		.filter((v): v is string => typeof v === 'string' && v !== '' && v.length <= 12)
		.slice(0, 100);

/** A goal form: its fields by `schema`, its codes by `goalCodesInput`, all errors at once. */
function parseGoalForm<T>(fields: Record<string, unknown>, schema: ZodType<T>) {
	const main = schema.safeParse(fields);
	const codes = goalCodesInput.safeParse(fields);
	if (main.success && codes.success) {
		return { ok: true as const, data: main.data, codes: codes.data.codes };
	}
	const issues = [...(main.error?.issues ?? []), ...(codes.error?.issues ?? [])];
	return { ok: false as const, errors: translateIssues(issues, fields) };
}

export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event, 'read');
	const board = boardOf(event.params.id);
	const db = getDb();
	return {
		board: { id: board.id, name: board.name },
		goals: goalsOverview(db, board.id, today()),
		codeOptions: listFrameworkCodes(db, getLocale()),
		today: today(),
		/** The goal whose edit form is open: one at a time keeps the page light. */
		editing: parseId(event.url.searchParams.get('edit') ?? undefined),
		canManage: can(user.role, 'manageGoals'),
		canTrack: can(user.role, 'trackGoals')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requirePageUser(event, 'manageGoals');
		const board = boardOf(event.params.id);
		const fields = await fieldsOf(event);
		if (!fields)
			return fail(400, { create: { values: {}, codes: [], errors: { _: m.error_invalid() } } });
		const form = parseGoalForm(fields, createGoalInput);
		const echo = { values: formValues(fields), codes: sentCodes(fields) };
		if (!form.ok) return fail(400, { create: { ...echo, errors: form.errors } });
		let id: number;
		try {
			id = defineGoal(getDb(), user, board.id, form.data, form.codes).goal.id;
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			return fail(400, { create: { ...echo, errors: fromDomainError(err).fields ?? {} } });
		}
		redirect(303, `/boards/${board.id}/goals#goal-${id}`);
	},

	update: async (event) => {
		const user = requirePageUser(event, 'manageGoals');
		const board = boardOf(event.params.id);
		const fields = await fieldsOf(event);
		if (!fields) error(400, m.error_invalid());
		const form = parseGoalForm(fields, updateGoalInput);
		const goalId = typeof fields.goalId === 'string' ? parseId(fields.goalId) : null;
		const echo = { goalId, values: formValues(fields), codes: sentCodes(fields) };
		if (!form.ok) {
			return fail(400, { update: { ...echo, errors: form.errors, conflict: null } });
		}
		const goal = goalOf(board.id, fields);
		try {
			reviseGoal(getDb(), user, goal.id, form.data, form.codes);
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			const problem = fromDomainError(err);
			const conflict =
				err.code === 'conflict' ? ((err.details?.current as GoalView) ?? null) : null;
			return fail(problem.status, { update: { ...echo, errors: problem.fields ?? {}, conflict } });
		}
		return { update: { goalId: goal.id, saved: true as const } };
	},

	record: async (event) => {
		const user = requirePageUser(event, 'trackGoals');
		const board = boardOf(event.params.id);
		const fields = await fieldsOf(event);
		if (!fields) error(400, m.error_invalid());
		const input = goalValueFormInput.safeParse(fields);
		if (!input.success) {
			return fail(400, {
				record: {
					goalId: typeof fields.goalId === 'string' ? parseId(fields.goalId) : null,
					values: formValues(fields),
					errors: translateIssues(input.error.issues, fields)
				}
			});
		}
		const goal = goalOf(board.id, fields);
		recordGoalValue(getDb(), user, goal.id, input.data);
		return { record: { goalId: goal.id, saved: true as const } };
	}
};
