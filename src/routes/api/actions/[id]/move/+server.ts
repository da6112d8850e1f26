import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { moveAction } from '$lib/server/domain/move-action';
import { moveActionInput } from '$lib/server/domain/action-input';
import { apiHandler, idParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

export const POST = apiHandler(async (event) => {
	const user = requireApiUser(event, 'writeActions');
	const id = idParam(event.params.id!);
	const input = await readJson(event.request, moveActionInput);
	return json(moveAction(getDb(), user, id, input));
});
