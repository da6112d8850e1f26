import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { decideIdea, withdrawIdea } from '$lib/server/domain/idea-changes';
import { ideaStateInput } from '$lib/server/domain/idea-input';
import { getIdea, ideaViewer } from '$lib/server/domain/ideas';
import { apiHandler, checkJson, idParam, readJsonBody } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

const withdrawing = (body: unknown) =>
	typeof body === 'object' && body !== null && 'state' in body && body.state === 'withdrawn';

/**
 * A new state for the idea: the working group reviews, declines, merges or accepts it; its
 * proposer may withdraw it (`{state: 'withdrawn'}`) until the review starts. Whoever may not
 * decide hears so before any field is checked.
 */
export const POST = apiHandler(async (event) => {
	const user = requireApiUser(event, 'read');
	const id = idParam(event.params.id);
	const body = await readJsonBody(event.request);
	if (!withdrawing(body)) requireApiUser(event, 'decideIdeas');
	const input = checkJson(body, ideaStateInput);
	const db = getDb();
	const idea =
		input.state === 'withdrawn'
			? withdrawIdea(db, user, id, input.version)
			: decideIdea(db, user, id, input);
	return json(getIdea(db, idea.id, ideaViewer(user)));
});
