import { error } from '@sveltejs/kit';
import { unpackCards, type BoardCards } from '$lib/board/packed-cards';
import type { PageLoad } from './$types';

/**
 * The board's cards come from `GET /api/boards/:id/cards` with the page's own query (filters,
 * opened cells). While the server renders the page SvelteKit answers this fetch in-process and
 * puts the answer into the page as it is; the browser's hydration reads it from there.
 */
export const load: PageLoad = async ({ data, fetch, params, url }) => {
	const res = await fetch(`/api/boards/${params.id}/cards${url.search}`);
	if (!res.ok) {
		const body = await res.json().catch(() => null);
		error(res.status, body?.error?.message ?? res.statusText);
	}
	const { cards, cells } = (await res.json()) as BoardCards;
	return { ...data, actions: unpackCards(cards), cells };
};
