import { getDb } from '$lib/server/db';
import { firstBoardId } from '$lib/server/domain/boards';
import { unreadCount } from '$lib/server/domain/notifications';
import { can } from '$lib/server/domain/permissions';
import { requirePageUser } from '$lib/server/http/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const user = requirePageUser(event);
	// Counted anew on every navigation (one look into an index) so the bell stays right; the
	// live update will invalidate this too.
	event.depends('app:notifications');
	void event.url.pathname;
	return {
		user: { id: user.id, name: user.name, role: user.role },
		boardId: firstBoardId(getDb()) ?? null,
		canManageUsers: can(user.role, 'manageUsers'),
		// Counted from an index alone, so every page can afford it.
		unread: unreadCount(getDb(), user.id)
	};
};
