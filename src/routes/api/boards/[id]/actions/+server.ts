import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { createAction } from '$lib/server/domain/create-action';
import { createActionInput } from '$lib/server/domain/action-input';
import { apiHandler, boardParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

export const POST = apiHandler(async (event) => {
	const user = requireApiUser(event, 'writeActions');
	const db = getDb();
	const board = boardParam(db, event.params.id!);
	const input = await readJson(event.request, createActionInput);
	return json(createAction(db, user, board.id, input), { status: 201 });
});
