/**
 * How the service worker answers a write it could not send: the app never keeps writes to send
 * them later, so the person must know at once that nothing was saved.
 */

/** The status of every such answer: the service is not reachable. */
export const OFFLINE_FAILURE_STATUS = 503;

/** The message the service worker posts to the page whose write it could not send. */
export const WRITE_REFUSED_MESSAGE = 'dreiklang:write-refused';

/**
 * A form action's answer as SvelteKit's `enhance` reads it: a failure whose data is
 * `{ offline: true }` (in devalue's form). The form keeps what was typed, as with any failure.
 */
export const offlineFailureBody = () =>
	JSON.stringify({
		type: 'failure',
		status: OFFLINE_FAILURE_STATUS,
		data: JSON.stringify([{ offline: 1 }, true])
	});
