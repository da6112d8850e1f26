import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { getBoard } from '$lib/server/domain/boards';
import { DomainError } from '$lib/server/domain/errors';
import { updateFrame } from '$lib/server/domain/frame';
import { frameInput } from '$lib/server/domain/frame-input';
import { requirePageUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';
import { parseForm } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

function boardOf(id: string) {
	const boardId = parseId(id);
	const board = boardId === null ? undefined : getBoard(getDb(), boardId);
	if (!board) error(404, m.error_not_found());
	return board;
}

export const load: PageServerLoad = (event) => {
	requirePageUser(event, 'editFrame');
	const board = boardOf(event.params.id);
	return {
		frame: {
			id: board.id,
			name: board.name,
			description: board.description,
			horizonShort: board.horizonShort,
			horizonMedium: board.horizonMedium,
			horizonLong: board.horizonLong,
			goalEcological: board.goalEcological,
			goalEconomic: board.goalEconomic,
			goalSocial: board.goalSocial,
			quietDaysShort: String(board.quietDaysShort),
			quietDaysMedium: String(board.quietDaysMedium),
			quietDaysLong: String(board.quietDaysLong),
			version: board.version
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requirePageUser(event, 'editFrame');
		const board = boardOf(event.params.id);
		const form = await parseForm(event.request, frameInput);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors, conflict: false });
		try {
			updateFrame(getDb(), user, board.id, form.data);
		} catch (err) {
			if (err instanceof DomainError && err.code === 'conflict') {
				const { version: _version, ...fields } = form.data;
				// Back into the form as typed: the day counts as text, like every other field.
				const values = Object.fromEntries(
					Object.entries(fields).map(([name, value]) => [name, String(value)])
				);
				return fail(409, { values, errors: {}, conflict: true });
			}
			throw err;
		}
		redirect(303, `/roadmap?board=${board.id}`);
	}
};
