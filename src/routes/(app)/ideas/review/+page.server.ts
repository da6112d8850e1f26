import { getDb } from '$lib/server/db';
import { reviewQueue } from '$lib/server/domain/ideas';
import { requirePageUser } from '$lib/server/http/guard';
import { summarizeMarkdown } from '$lib/server/markdown';
import type { PageServerLoad } from './$types';

/** The working group's queue: new and in-review ideas, oldest first, for its meeting. */
export const load: PageServerLoad = (event) => {
	requirePageUser(event, 'decideIdeas');
	const now = new Date();
	return {
		generatedAt: now.toISOString(),
		queue: reviewQueue(getDb()).map(({ text, ...idea }) => ({
			...idea,
			summary: summarizeMarkdown(text, 300)
		}))
	};
};
