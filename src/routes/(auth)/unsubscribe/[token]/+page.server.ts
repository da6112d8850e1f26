import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { topicLabel } from '$lib/notifications/labels';
import { getDb } from '$lib/server/db';
import { readUnsubscribeToken } from '$lib/server/auth/unsubscribe-token';
import { DomainError } from '$lib/server/domain/errors';
import { unsubscribe } from '$lib/server/domain/notifications';
import type { Actions, PageServerLoad } from './$types';

/** What the link names, or a plain 404 for a link that was never made here (or was altered). */
function linkOf(token: string) {
	const link = readUnsubscribeToken(getDb(), token);
	if (!link) error(404, m.unsubscribe_invalid());
	return link;
}

/**
 * Opening the link only shows what it turns off: mail programs and scanners open links on their
 * own, and that must not unsubscribe anybody.
 */
export const load: PageServerLoad = ({ params }) => {
	const { topic } = linkOf(params.token);
	return { topic, label: topicLabel(topic) };
};

export const actions: Actions = {
	/**
	 * The button — and the one-click POST of RFC 8058 that mail programs send on their own
	 * (`List-Unsubscribe=One-Click`, signed out, without an Origin): the link is the key, so
	 * whatever the body says, the topic is turned off. Doing it twice changes nothing more.
	 */
	default: ({ params }) => {
		const { userId, topic } = linkOf(params.token);
		try {
			unsubscribe(getDb(), userId, topic);
		} catch (err) {
			if (err instanceof DomainError && err.code === 'not_found')
				error(404, m.unsubscribe_invalid());
			throw err;
		}
		return { done: true };
	}
};
