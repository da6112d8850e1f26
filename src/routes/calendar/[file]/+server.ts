import { error } from '@sveltejs/kit';
import ical from 'ical-generator';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { calendarActions, calendarOwner } from '$lib/server/domain/calendar';
import { withoutControlCharacters } from '$lib/server/domain/text-input';
import type { Status } from '$lib/board/cells';
import type { RequestHandler } from './$types';

const STATUS = {
	planned: m.status_planned,
	in_progress: m.status_in_progress,
	done: m.status_done,
	dropped: m.status_dropped
} satisfies Record<Status, unknown>;

/**
 * A user's private calendar feed: due dates of the board's actions (or only the followed ones,
 * `?only=followed`). The secret in the file name is the only key; a renewed one retires this URL.
 */
export const GET: RequestHandler = ({ params, url }) => {
	const token = params.file.length <= 100 ? /^([a-z2-7]+)\.ics$/.exec(params.file)?.[1] : undefined;
	const db = getDb();
	const owner = token ? calendarOwner(db, token) : undefined;
	if (!owner) error(404, m.error_not_found());
	const locale = owner.locale;
	const onlyFollowed = url.searchParams.get('only') === 'followed';

	const calendar = ical({
		name: onlyFollowed
			? m.calendar_name_followed({}, { locale })
			: m.calendar_name_all({}, { locale }),
		prodId: { company: 'Dreiklang', product: 'Dreiklang', language: locale.toUpperCase() }
	});
	for (const action of calendarActions(db, owner.id, onlyFollowed)) {
		calendar.createEvent({
			id: `action-${action.id}@${url.host}`,
			// Noon UTC keeps the calendar day the same in every time zone around Europe.
			start: new Date(`${action.dueDate}T12:00:00Z`),
			allDay: true,
			stamp: action.updatedAt,
			summary: withoutControlCharacters(action.title),
			description: m.calendar_event_description(
				{ status: STATUS[action.status]({}, { locale }), progress: action.progress },
				{ locale }
			),
			url: `${url.origin}/actions/${action.id}`
		});
	}
	return new Response(calendar.toString(), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="dreiklang.ics"'
		}
	});
};
