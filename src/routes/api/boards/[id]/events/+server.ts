import { getDb } from '$lib/server/db';
import { liveBoards } from '$lib/server/live/broker';
import { apiHandler, boardParam } from '$lib/server/http/api';
import { eventStream } from '$lib/server/http/event-stream';
import { requireApiUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';

/**
 * The board's live changes as Server-Sent Events. A reconnecting browser sends `Last-Event-ID`
 * and gets what it missed; a page that was just loaded passes `?after=<id>` from its load data.
 */
export const GET = apiHandler((event) => {
	const user = requireApiUser(event, 'read');
	const db = getDb();
	const board = boardParam(db, event.params.id);
	const header = event.request.headers.get('last-event-id');
	const lastId =
		header !== null ? (parseId(header.trim()) ?? (header.trim() === '0' ? 0 : null)) : null;
	const after = lastId ?? parseId(event.url.searchParams.get('after') ?? undefined);
	const missed = after !== null ? liveBoards.catchUp(db, board.id, after) : [];
	return eventStream(
		(ends) =>
			liveBoards.subscribe({
				boardId: board.id,
				user: { id: user.id, name: user.name },
				sessionId: event.locals.session?.id ?? null,
				...ends
			}),
		missed
	);
});
