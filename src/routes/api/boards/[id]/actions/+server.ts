import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { createAction } from '$lib/server/domain/create-action';
import { createActionInput } from '$lib/server/domain/action-input';
import { getBoard } from '$lib/server/domain/boards';
import { ApiError, apiHandler, idParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

export const POST = apiHandler(async (event) => {
	const user = requireApiUser(event, 'writeActions');
	const db = getDb();
	const board = getBoard(db, idParam(event.params.id!));
	if (!board) throw new ApiError(404, 'not_found', m.error_not_found());
	const input = await readJson(event.request, createActionInput);
	return json(createAction(db, user, board.id, input), { status: 201 });
});
