import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { listArchived } from '$lib/server/domain/archive-action';
import { getBoard } from '$lib/server/domain/boards';
import { can } from '$lib/server/domain/permissions';
import { requirePageUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event, 'read');
	const id = parseId(event.params.id);
	const board = id === null ? undefined : getBoard(getDb(), id);
	if (!board) error(404, m.error_not_found());
	return {
		board: { id: board.id, name: board.name },
		archived: listArchived(getDb(), board.id),
		canWrite: can(user.role, 'writeActions')
	};
};
