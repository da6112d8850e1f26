import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { DIMENSIONS, type Dimension } from '$lib/board/cells';
import { LIMITS } from '$lib/board/limits';
import { getDb } from '$lib/server/db';
import { followField, idField } from '$lib/server/domain/action-input';
import { getAction } from '$lib/server/domain/action-view';
import { calendarToken, renewCalendarToken } from '$lib/server/domain/calendar';
import { follow, unfollow } from '$lib/server/domain/follows';
import { listNewIdeasFromOthers, listOwnIdeas } from '$lib/server/domain/idea-summaries';
import {
	firstOfGroups,
	groupUpcoming,
	listUpcoming,
	UPCOMING_PAGE
} from '$lib/server/domain/upcoming';
import { parseId } from '$lib/server/http/ids';
import { requirePageUser } from '$lib/server/http/guard';
import { listBoards } from '$lib/server/domain/boards';
import { latestEventId } from '$lib/server/live/broker';
import { parseForm } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event, 'read');
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').trim().slice(0, LIMITS.search);
	const wanted = params.get('dimension');
	const dimension = DIMENSIONS.includes(wanted as Dimension) ? (wanted as Dimension) : null;
	const followedOnly = params.get('followed') === '1';
	const needle = q.toLocaleLowerCase();
	// "Show more" asks for the next page by raising the limit; never more than 50 pages at once.
	const limit = Math.min(
		parseId(params.get('limit') ?? undefined) ?? UPCOMING_PAGE,
		50 * UPCOMING_PAGE
	);

	const db = getDb();
	const all = listUpcoming(db, user.id);
	const shown = all.filter(
		(a) =>
			(!dimension || a.dimension === dimension) &&
			(!followedOnly || a.followed) &&
			(!needle ||
				a.title.toLocaleLowerCase().includes(needle) ||
				a.summary.toLocaleLowerCase().includes(needle))
	);
	const feed = `${event.url.host}/calendar/${calendarToken(db, user.id)}.ics`;
	const { groups, hidden } = firstOfGroups(groupUpcoming(shown), limit);
	const more = new URLSearchParams(params);
	more.set('limit', String(limit + UPCOMING_PAGE));
	return {
		filters: { q, dimension, followedOnly },
		groups,
		more: hidden > 0 ? { hidden, href: `/upcoming?${more}` } : null,
		shown: shown.length,
		live: listBoards(db).map((b) => ({ id: b.id, after: latestEventId(db, b.id) })),
		total: all.length,
		ideas: { own: listOwnIdeas(db, user.id), fresh: listNewIdeasFromOthers(db, user.id) },
		calendar: {
			https: `${event.url.protocol}//${feed}`,
			webcal: `webcal://${feed}`
		}
	};
};

const followInput = z.object({ actionId: idField, follow: followField });

export const actions: Actions = {
	follow: async (event) => {
		const user = requirePageUser(event, 'read');
		const form = await parseForm(event.request, followInput);
		const db = getDb();
		if (!form.ok || !getAction(db, form.data.actionId))
			return fail(400, { follow: { failed: true } });
		(form.data.follow === '1' ? follow : unfollow)(db, user.id, form.data.actionId);
		return { follow: { actionId: form.data.actionId } };
	},
	renewCalendar: (event) => {
		const user = requirePageUser(event, 'read');
		renewCalendarToken(getDb(), user.id);
		return { renewed: true };
	}
};
