import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { supportIdea, withdrawSupport } from '$lib/server/domain/idea-changes';
import { getIdea, ideaViewer } from '$lib/server/domain/ideas';
import { apiHandler, idParam } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

/** The signed-in person supports the idea (once; a second time changes nothing). */
export const POST = apiHandler((event) => {
	const user = requireApiUser(event, 'read');
	const db = getDb();
	const idea = supportIdea(db, user, idParam(event.params.id));
	return json(getIdea(db, idea.id, ideaViewer(user)));
});

/** …and takes the support back. */
export const DELETE = apiHandler((event) => {
	const user = requireApiUser(event, 'read');
	const db = getDb();
	const idea = withdrawSupport(db, user, idParam(event.params.id));
	return json(getIdea(db, idea.id, ideaViewer(user)));
});
