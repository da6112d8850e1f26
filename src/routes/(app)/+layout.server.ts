import { getDb } from '$lib/server/db';
import { firstBoardId } from '$lib/server/domain/boards';
import { can } from '$lib/server/domain/permissions';
import { requirePageUser } from '$lib/server/http/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const user = requirePageUser(event);
	return {
		user: { id: user.id, name: user.name, role: user.role },
		boardId: firstBoardId(getDb()) ?? null,
		canManageUsers: can(user.role, 'manageUsers')
	};
};
