import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { proposeIdea } from '$lib/server/domain/idea-changes';
import { proposeIdeaInput } from '$lib/server/domain/idea-input';
import { listIdeas } from '$lib/server/domain/ideas';
import { can } from '$lib/server/domain/permissions';
import { apiHandler, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';
import { ideaQueryFrom } from '$lib/server/http/idea-filter';

/** Every idea (or those the query string filters), with the proposer's name where it may show. */
export const GET = apiHandler((event) => {
	const user = requireApiUser(event, 'read');
	const query = ideaQueryFrom(event.url.searchParams);
	const viewer = { id: user.id, inGroup: can(user.role, 'decideIdeas') };
	return json(listIdeas(getDb(), { ...query, viewer }));
});

/** Anyone signed in proposes an idea. */
export const POST = apiHandler(async (event) => {
	const user = requireApiUser(event, 'read');
	const input = await readJson(event.request, proposeIdeaInput);
	return json(proposeIdea(getDb(), user, input), { status: 201 });
});
