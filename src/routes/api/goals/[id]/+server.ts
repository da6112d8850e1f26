import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { updateGoal } from '$lib/server/domain/goals';
import { updateGoalInput } from '$lib/server/domain/goal-input';
import { apiHandler, idParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

/**
 * Changes a goal: any of the fields a new goal has, and the `version` it was read at → the goal;
 * `409 {error, current}` when someone changed it since.
 */
export const PATCH = apiHandler(async (event) => {
	const user = requireApiUser(event, 'manageGoals');
	const id = idParam(event.params.id!);
	const input = await readJson(event.request, updateGoalInput);
	return json(updateGoal(getDb(), user, id, input));
});
