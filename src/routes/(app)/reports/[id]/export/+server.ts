import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { getFrozenReport } from '$lib/server/domain/frozen-reports';
import { reportFormatField } from '$lib/server/domain/report-input';
import { requirePageUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';
import { reportResponse } from '$lib/server/http/report-download';
import type { RequestHandler } from './$types';

/** A frozen report as a download: `?format=csv|xlsx` (or `json`), from its snapshot. */
export const GET: RequestHandler = async (event) => {
	requirePageUser(event, 'read');
	const id = parseId(event.params.id);
	const frozen = id === null ? undefined : getFrozenReport(getDb(), id);
	if (!frozen) error(404, m.error_not_found());
	const format = reportFormatField.safeParse(event.url.searchParams.get('format') ?? 'csv');
	if (!format.success) error(400, m.report_format_invalid());
	return reportResponse(frozen.report, format.data);
};
