/** What a card on the board knows about its action (plus the drag library's placeholder flag). */
export type { CardItem } from '$lib/board/board-model';
