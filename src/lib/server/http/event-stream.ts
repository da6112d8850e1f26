const encoder = new TextEncoder();

/** How a stream hands itself to whoever feeds it: `send` writes, `close` ends it. */
export interface StreamEnds {
	send: (chunk: Uint8Array) => void;
	close: () => void;
}

/**
 * A Server-Sent Events answer. `open` registers the stream (after `first`, sent at once) and
 * returns what unregisters it; that runs when the client goes away or the feeder closes it.
 * Writing to a stream the client has left is ignored rather than thrown.
 */
export function eventStream(open: (ends: StreamEnds) => () => void, first: string[] = []) {
	let unsubscribe: (() => void) | undefined;
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let live = true;
			const send = (chunk: Uint8Array) => {
				if (!live) return;
				try {
					controller.enqueue(chunk);
				} catch {
					live = false;
				}
			};
			send(encoder.encode('retry: 3000\n\n'));
			for (const chunk of first) send(encoder.encode(chunk));
			unsubscribe = open({
				send,
				close: () => {
					unsubscribe?.();
					if (!live) return;
					live = false;
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
}
