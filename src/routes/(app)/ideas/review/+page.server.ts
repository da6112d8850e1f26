import { getDb } from '$lib/server/db';
import { ideasChangedAt, reviewQueue } from '$lib/server/domain/ideas';
import { requirePageUser } from '$lib/server/http/guard';
import { summarizeMarkdown } from '$lib/server/markdown';
import type { PageServerLoad } from './$types';

/** The working group's queue: new and in-review ideas, oldest first, for its meeting. */
export const load: PageServerLoad = (event) => {
	requirePageUser(event, 'decideIdeas');
	const now = new Date();
	const db = getDb();
	return {
		generatedAt: now.toISOString(),
		ideasAsOf: ideasChangedAt(db),
		queue: reviewQueue(db).map(({ text, ...idea }) => ({
			...idea,
			summary: summarizeMarkdown(text, 300)
		}))
	};
};
