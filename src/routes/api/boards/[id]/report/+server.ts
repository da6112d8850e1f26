import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { buildReport } from '$lib/server/domain/report';
import { reportFormatField, reportPeriodInput } from '$lib/server/domain/report-input';
import { ApiError, apiHandler, boardParam, checkJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';
import { reportResponse } from '$lib/server/http/report-download';

/**
 * The report of a period: `?from=YYYY-MM-DD&to=YYYY-MM-DD&format=json|csv|xlsx` (JSON when no
 * format is named). Everyone who may read the board may read its reports.
 */
export const GET = apiHandler(async (event) => {
	requireApiUser(event, 'read');
	const db = getDb();
	const board = boardParam(db, event.params.id!);
	const query = event.url.searchParams;
	const period = checkJson(
		{ from: query.get('from') ?? undefined, to: query.get('to') ?? undefined },
		reportPeriodInput
	);
	const format = reportFormatField.safeParse(query.get('format') ?? 'json');
	if (!format.success) {
		throw new ApiError(400, 'bad_request', m.report_format_invalid(), {
			format: m.report_format_invalid()
		});
	}
	return reportResponse(buildReport(db, board.id, period)!, format.data);
});
