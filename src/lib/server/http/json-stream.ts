const encoder = new TextEncoder();

/**
 * A JSON answer written in parts — `head`, the items a batch at a time, then `tail` — as the
 * client reads it. A board of 10,000 actions is 2 MB of JSON: built as one string it would sit
 * in memory several times over (string, bytes, socket buffer) for every request at once.
 */
export function streamJsonList(head: string, items: readonly unknown[], tail: string, batch = 200) {
	let next = 0;
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(head));
		},
		pull(controller) {
			if (next >= items.length) {
				controller.enqueue(encoder.encode(tail));
				controller.close();
				return;
			}
			const part = items.slice(next, next + batch).map((item) => JSON.stringify(item));
			controller.enqueue(encoder.encode((next > 0 ? ',' : '') + part.join(',')));
			next += batch;
		}
	});
	return new Response(body, { headers: { 'content-type': 'application/json' } });
}
