import { readReport } from '$lib/reports/read-report';
import type { PageLoad } from './$types';

/**
 * A report is a document: rendered on the server only, without the app's scripts, so that a
 * report of 1,000 actions is neither sent twice (as HTML and as data) nor hydrated. Its forms are
 * plain forms; the print button has a small script of its own (`static/print-button.js`).
 */
export const csr = false;

/** The report of the period, when the period is right. */
export const load: PageLoad = async ({ data, fetch }) => {
	if (!data.period) return { ...data, report: null };
	const query = new URLSearchParams({ from: data.period.from, to: data.period.to });
	return {
		...data,
		report: await readReport(fetch, `/api/boards/${data.boardId}/report?${query}`)
	};
};
