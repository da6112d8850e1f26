import { liveBoards } from '$lib/server/live/broker';
import { apiHandler } from '$lib/server/http/api';
import { eventStream } from '$lib/server/http/event-stream';
import { requireApiUser } from '$lib/server/http/guard';

/**
 * Every idea's changes as Server-Sent Events (`{type: 'idea_changed', ideaId, change, version,
 * by}`): the ideas pages load anew when one arrives, and after a dropped connection.
 */
export const GET = apiHandler((event) => {
	requireApiUser(event, 'read');
	const sessionId = event.locals.session?.id ?? null;
	return eventStream((ends) => liveBoards.subscribeIdeas({ sessionId, ...ends }));
});
