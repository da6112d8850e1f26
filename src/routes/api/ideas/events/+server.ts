import { getDb } from '$lib/server/db';
import { ideasChangedAt } from '$lib/server/domain/ideas';
import { liveBoards } from '$lib/server/live/broker';
import { apiHandler } from '$lib/server/http/api';
import { eventStream } from '$lib/server/http/event-stream';
import { requireApiUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';

/**
 * Every idea's changes as Server-Sent Events (`{type: 'idea_changed', ideaId, change, version,
 * by}`): the ideas pages load anew when one arrives. A page passes `?since=<ms>`, when the ideas
 * it shows last changed; if one changed since, the stream says so first (`change: 'missed'`).
 */
export const GET = apiHandler((event) => {
	requireApiUser(event, 'read');
	const sessionId = event.locals.session?.id ?? null;
	const since = parseId(event.url.searchParams.get('since') ?? undefined);
	const missed =
		since !== null && ideasChangedAt(getDb()) > since
			? [`data: ${JSON.stringify({ type: 'idea_changed', change: 'missed' })}\n\n`]
			: [];
	return eventStream((ends) => liveBoards.subscribeIdeas({ sessionId, ...ends }), missed);
});
