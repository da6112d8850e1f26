import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { firstBoardId } from '$lib/server/domain/boards';
import { requirePageUser } from '$lib/server/http/guard';
import type { PageServerLoad } from './$types';

/** Everyone lands where their work is: the working group on the board, leaders on the roadmap. */
export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event);
	if (user.role === 'leader') redirect(303, '/roadmap');
	if (user.role === 'staff') redirect(303, '/upcoming');
	const boardId = firstBoardId(getDb());
	redirect(303, boardId ? `/boards/${boardId}` : '/upcoming');
};
