import { getDb } from '$lib/server/db';
import { unreadCount } from '$lib/server/domain/notifications';
import { liveBoards, unreadMessage } from '$lib/server/live/broker';
import { apiHandler } from '$lib/server/http/api';
import { eventStream } from '$lib/server/http/event-stream';
import { requireApiUser } from '$lib/server/http/guard';

/**
 * The bell's count as Server-Sent Events (`{unread}`): sent at once, then whenever the person's
 * notifications change — a new one, or one read in another tab. One tab per browser holds this
 * stream and tells the others (`lib/live/bell.svelte.ts`).
 */
export const GET = apiHandler((event) => {
	const user = requireApiUser(event, 'read');
	const sessionId = event.locals.session?.id ?? null;
	const first = [unreadMessage(unreadCount(getDb(), user.id))];
	return eventStream((ends) => liveBoards.subscribeBell(user.id, { sessionId, ...ends }), first);
});
