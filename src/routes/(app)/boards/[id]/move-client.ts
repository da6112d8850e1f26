import { m } from '$lib/paraglide/messages';
import type { Cell } from '$lib/board/cells';
import type { CardItem } from '$lib/board/board-model';

/** How saving a move ended. */
export type MoveAnswer =
	| { ok: true; saved: CardItem }
	| {
			ok: false;
			/** Why, in the user's language (the server's words where it gave some). */
			reason: string;
			/** Someone else changed the action first; trying again may be what the user wants. */
			conflict: boolean;
			/** No answer from the server at all. */
			offline?: boolean;
	  };

/** Reads the server's answer to `POST /api/actions/:id/move`. */
export function readMoveAnswer(status: number, body: unknown): MoveAnswer {
	const b = (body ?? {}) as {
		error?: { message?: unknown } | string;
		current?: { archived?: boolean } | null;
	};
	if (status >= 200 && status < 300 && body && typeof body === 'object' && 'id' in body) {
		return { ok: true, saved: body as CardItem };
	}
	const message = typeof b.error === 'object' ? b.error?.message : undefined;
	return {
		ok: false,
		reason: typeof message === 'string' && message ? message : m.move_failed_reason(),
		conflict: status === 409 && !!b.current && !b.current.archived
	};
}

/** Saves a move through the JSON API: the action goes to `index` of `cell` if still at `version`. */
export async function saveMove(
	id: number,
	cell: Cell,
	index: number,
	version: number
): Promise<MoveAnswer> {
	let response: Response;
	try {
		response = await fetch(`/api/actions/${id}/move`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ ...cell, index, version })
		});
	} catch {
		return { ok: false, reason: m.move_failed_network_reason(), conflict: false, offline: true };
	}
	const body: unknown = await response.json().catch(() => null);
	return readMoveAnswer(response.status, body);
}
