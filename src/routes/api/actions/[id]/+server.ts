import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { getAction } from '$lib/server/domain/action-view';
import { updateAction } from '$lib/server/domain/edit-action';
import { updateActionInput } from '$lib/server/domain/action-input';
import { ApiError, apiHandler, idParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

export const GET = apiHandler((event) => {
	requireApiUser(event, 'read');
	const action = getAction(getDb(), idParam(event.params.id!));
	if (!action) throw new ApiError(404, 'not_found', m.error_not_found());
	return json(action);
});

export const PATCH = apiHandler(async (event) => {
	const user = requireApiUser(event, 'writeActions');
	const id = idParam(event.params.id!);
	const input = await readJson(event.request, updateActionInput);
	return json(updateAction(getDb(), user, id, input));
});
