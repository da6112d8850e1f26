import { unpackCards } from '$lib/board/packed-cards';
import type { PageLoad } from './$types';

/**
 * The server sends the cards packed (see `PackedCards`); here, on the server before rendering and
 * in the browser before hydrating, they become the board's actions again.
 */
export const load: PageLoad = ({ data }) => {
	const { cards, ...rest } = data;
	return { ...rest, actions: unpackCards(cards) };
};
