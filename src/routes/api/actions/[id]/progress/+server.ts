import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { addProgress } from '$lib/server/domain/progress';
import { progressInput } from '$lib/server/domain/action-input';
import { apiHandler, idParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

export const POST = apiHandler(async (event) => {
	const user = requireApiUser(event, 'writeActions');
	const id = idParam(event.params.id!);
	const input = await readJson(event.request, progressInput);
	return json(addProgress(getDb(), user, id, input), { status: 201 });
});
