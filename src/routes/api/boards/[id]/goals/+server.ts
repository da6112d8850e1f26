import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { createGoal, listGoals } from '$lib/server/domain/goals';
import { createGoalInput } from '$lib/server/domain/goal-input';
import { apiHandler, boardParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

/** The board's goals with their indicators and measured values (oldest first). */
export const GET = apiHandler((event) => {
	requireApiUser(event, 'read');
	const db = getDb();
	const board = boardParam(db, event.params.id!);
	return json(listGoals(db, board.id));
});

/**
 * A new goal: `{dimension, name, unit?, baselineValue, baselineYear, targetValue, targetYear,
 * direction}`, or with `baseline: {value, year}` and `target: {value, year}` as the list shows them.
 */
export const POST = apiHandler(async (event) => {
	const user = requireApiUser(event, 'manageGoals');
	const db = getDb();
	const board = boardParam(db, event.params.id!);
	const input = await readJson(event.request, createGoalInput);
	return json(createGoal(db, user, board.id, input), { status: 201 });
});
