import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { setActionGoals } from '$lib/server/domain/action-goals';
import { actionGoalsInput } from '$lib/server/domain/action-tags-input';
import { apiHandler, idParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

/** The action serves exactly these goals of its board: `{goals: [3, 5]}` → `{goals}`. */
export const PUT = apiHandler(async (event) => {
	const user = requireApiUser(event, 'tagActions');
	const id = idParam(event.params.id!);
	const { goals } = await readJson(event.request, actionGoalsInput);
	return json({ goals: setActionGoals(getDb(), user, id, goals) });
});
