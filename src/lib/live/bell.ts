/**
 * The bell's live count, with one stream per browser rather than per tab: the tab holding the
 * lock (Web Locks) listens to `/api/notifications/events` and tells the others over a
 * BroadcastChannel. A browser's few connections per server stay free for the boards; when the
 * holding tab closes, another one takes the lock and opens the stream.
 */
const CHANNEL = 'dreiklang-bell';
const LOCK = 'dreiklang-bell-stream';
const STREAM = '/api/notifications/events';

function readUnread(data: unknown): number | null {
	try {
		const { unread } = JSON.parse(String(data)) as { unread?: unknown };
		return typeof unread === 'number' && Number.isInteger(unread) && unread >= 0 ? unread : null;
	} catch {
		return null;
	}
}

/** Calls `oncount` with the person's unread count whenever it changes; returns what stops it. */
export function watchUnread(oncount: (unread: number) => void): () => void {
	const stop = new AbortController();
	const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
	if (channel) {
		channel.onmessage = (e: MessageEvent<{ unread?: unknown }>) => {
			const unread = e.data?.unread;
			if (typeof unread === 'number') oncount(unread);
		};
	}
	/** Holds the stream until stopped. */
	const listen = () =>
		new Promise<void>((release) => {
			const source = new EventSource(STREAM);
			source.onmessage = (e) => {
				const unread = readUnread(e.data);
				if (unread === null) return;
				oncount(unread);
				channel?.postMessage({ unread });
			};
			const end = () => {
				source.close();
				release();
			};
			// A stream the server refused (signed out) is given up, and the lock with it.
			source.onerror = () => {
				if (source.readyState === EventSource.CLOSED) end();
			};
			stop.signal.addEventListener('abort', end, { once: true });
		});
	if (navigator.locks) {
		navigator.locks.request(LOCK, { signal: stop.signal }, listen).catch(() => {
			// stopped while waiting for the lock
		});
	} else void listen();
	return () => {
		stop.abort();
		channel?.close();
	};
}
