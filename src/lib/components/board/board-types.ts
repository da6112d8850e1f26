import type { BoardAction } from '$lib/board/action-view';

/** What a card on the board knows about its action (plus the drag library's placeholder flag). */
export type CardItem = BoardAction & { isDndShadowItem?: boolean };
