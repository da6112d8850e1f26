import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { recordGoalValue } from '$lib/server/domain/goals';
import { goalValueInput } from '$lib/server/domain/goal-input';
import { apiHandler, idParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

/** A measured value of the goal's indicator `{value, date, source?}` → `{entry, goal}`. */
export const POST = apiHandler(async (event) => {
	const user = requireApiUser(event, 'trackGoals');
	const id = idParam(event.params.id!);
	const input = await readJson(event.request, goalValueInput);
	return json(recordGoalValue(getDb(), user, id, input), { status: 201 });
});
