import { getDb } from '$lib/server/db';
import { liveBoards } from '$lib/server/live/broker';
import { apiHandler, boardParam } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';

const encoder = new TextEncoder();

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

	let unsubscribe: (() => void) | undefined;
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let open = true;
			const send = (chunk: Uint8Array) => {
				if (!open) return;
				try {
					controller.enqueue(chunk);
				} catch {
					open = false;
				}
			};
			send(encoder.encode('retry: 3000\n\n'));
			if (after !== null) {
				for (const chunk of liveBoards.catchUp(db, board.id, after)) send(encoder.encode(chunk));
			}
			unsubscribe = liveBoards.subscribe({
				boardId: board.id,
				user: { id: user.id, name: user.name },
				sessionId: event.locals.session?.id ?? null,
				send,
				close: () => {
					unsubscribe?.();
					if (!open) return;
					open = false;
					try {
						controller.close();
					} catch {
						// already closed by the client
					}
				}
			});
		},
		cancel() {
			unsubscribe?.();
		}
	});

	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			'x-accel-buffering': 'no'
		}
	});
});
