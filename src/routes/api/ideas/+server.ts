import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { proposeIdea } from '$lib/server/domain/idea-changes';
import { proposeIdeaInput } from '$lib/server/domain/idea-input';
import { getIdea, ideaViewer, listIdeas } from '$lib/server/domain/ideas';
import { apiHandler, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';
import { ideaQueryFrom } from '$lib/server/http/idea-filter';

/**
 * Every idea (or those the query string filters), with the proposer's name where it may show.
 * Every answer shows ideas as the asking person may see them (`ideaViewer`).
 */
export const GET = apiHandler((event) => {
	const user = requireApiUser(event, 'read');
	const query = ideaQueryFrom(event.url.searchParams);
	return json(listIdeas(getDb(), { ...query, viewer: ideaViewer(user) }));
});

/** Anyone signed in proposes an idea. */
export const POST = apiHandler(async (event) => {
	const user = requireApiUser(event, 'read');
	const input = await readJson(event.request, proposeIdeaInput);
	const db = getDb();
	const idea = proposeIdea(db, user, input);
	return json(getIdea(db, idea.id, ideaViewer(user)), { status: 201 });
});
