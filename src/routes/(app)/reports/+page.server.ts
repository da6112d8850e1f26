import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { today } from '$lib/board/dates';
import { getDb } from '$lib/server/db';
import { firstBoardId, getBoard } from '$lib/server/domain/boards';
import { freezeReport, listFrozenReports } from '$lib/server/domain/frozen-reports';
import { can } from '$lib/server/domain/permissions';
import { reportPeriodInput } from '$lib/server/domain/report-input';
import { freezeReportInput } from '$lib/server/domain/report-input';
import { requirePageUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';
import { parseForm, translateIssues } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

/** The board `?board=` names, else the first one. */
function boardOf(url: URL) {
	const wanted = url.searchParams.get('board');
	const db = getDb();
	const id = wanted === null ? firstBoardId(db) : parseId(wanted);
	const board = id ? getBoard(db, id) : undefined;
	if (!board) error(404, m.error_not_found());
	return board;
}

/**
 * Without a period in the address, the report covers this calendar year up to today: what a
 * report during the year usually asks for, and one click from any other period.
 */
function defaultPeriod(now: Date) {
	const to = today(now);
	return { from: `${to.slice(0, 4)}-01-01`, to };
}

export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event, 'read');
	const board = boardOf(event.url);
	const db = getDb();
	const query = event.url.searchParams;
	const now = new Date();
	const asked = query.has('from') || query.has('to');
	const fields = asked
		? { from: query.get('from') ?? '', to: query.get('to') ?? '' }
		: defaultPeriod(now);
	const parsed = reportPeriodInput.safeParse(fields);
	return {
		boardId: board.id,
		/** Named in links and forms only when it is not the first board. */
		boardParam: query.get('board') === null ? null : board.id,
		values: { from: fields.from.slice(0, 10), to: fields.to.slice(0, 10) },
		errors: parsed.success ? {} : translateIssues(parsed.error.issues, fields),
		/** The report itself is read by `+page.ts`, from the API. */
		period: parsed.success ? parsed.data : null,
		frozen: listFrozenReports(db, board.id),
		canFreeze: can(user.role, 'freezeReports')
	};
};

export const actions: Actions = {
	freeze: async (event) => {
		const user = requirePageUser(event, 'freezeReports');
		const board = boardOf(event.url);
		const form = await parseForm(event.request, freezeReportInput);
		if (!form.ok) return fail(400, { freeze: { values: form.values, errors: form.errors } });
		const { id } = freezeReport(getDb(), user, board.id, form.data);
		redirect(303, `/reports/${id}`);
	}
};
