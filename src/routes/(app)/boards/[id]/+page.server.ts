import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { createAction } from '$lib/server/domain/create-action';
import { createActionInput } from '$lib/server/domain/action-input';
import { getBoard } from '$lib/server/domain/boards';
import { boardView } from '$lib/server/domain/board-actions';
import { can } from '$lib/server/domain/permissions';
import { listActiveUsers, listUsers } from '$lib/server/domain/users';
import { listBoardActivity } from '$lib/server/domain/activity';
import { requirePageUser } from '$lib/server/http/guard';
import { describeActivity } from '$lib/board/history';
import { parseId } from '$lib/server/http/ids';
import { latestEventId } from '$lib/server/live/broker';
import { parseForm } from '$lib/server/http/validation';
import { DomainError } from '$lib/server/domain/errors';
import { fromDomainError } from '$lib/server/http/api';
import type { Actions, PageServerLoad } from './$types';

function boardFromParams(id: string) {
	const boardId = parseId(id);
	const board = boardId === null ? undefined : getBoard(getDb(), boardId);
	if (!board) error(404, m.error_not_found());
	return board;
}

export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event, 'read');
	const board = boardFromParams(event.params.id);
	const db = getDb();
	return {
		board: boardView(board),
		// Only the page's script uses the live cursor, so it may come after the page: that makes
		// the page a streamed one, which SvelteKit sends without hashing all of it for an ETag
		// (for a fully opened board the hash cost more than writing its thousand cards, and a
		// board changes with every move, so the ETag would seldom have saved a download).
		// A form posted without JavaScript is answered with the page at once, so that a refused one
		// keeps its 400 (a streamed page is sent as 200 before the form's result is known).
		liveFrom:
			event.request.method === 'GET'
				? Promise.resolve(latestEventId(db, board.id))
				: latestEventId(db, board.id),
		people: listActiveUsers(db),
		activity: describeActivity(
			listBoardActivity(db, board.id, 10),
			new Map(listUsers(db).map((u) => [u.id, u.name]))
		),
		canWrite: can(user.role, 'writeActions'),
		canEditFrame: can(user.role, 'editFrame')
	};
};

export const actions: Actions = {
	/** Quick add: a title typed into a cell. */
	create: async (event) => {
		const user = requirePageUser(event, 'writeActions');
		const board = boardFromParams(event.params.id);
		const form = await parseForm(event.request, createActionInput);
		if (!form.ok) {
			const cell = `${form.values.dimension}:${form.values.horizon}`;
			return fail(400, { create: { cell, values: form.values, errors: form.errors } });
		}
		const cell = `${form.data.dimension}:${form.data.horizon}`;
		try {
			const action = createAction(getDb(), user, board.id, form.data);
			return { create: { cell, created: action.id } };
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			const problem = fromDomainError(err);
			const errors = problem.fields ?? { title: problem.message };
			const { title, dimension, horizon } = form.data;
			return fail(problem.status, {
				create: { cell, values: { title, dimension, horizon }, errors }
			});
		}
	}
};
