import { readReport } from '$lib/reports/read-report';
import type { PageLoad } from './$types';

/**
 * A report is a document: rendered on the server only, without the app's scripts, so that a
 * report of 1,000 actions is neither sent twice (as HTML and as data) nor hydrated. Its forms are
 * plain forms; the print button has a small script of its own (`static/print-button.js`).
 */
export const csr = false;

/** The frozen report, exactly from its snapshot. */
export const load: PageLoad = async ({ data, fetch }) => ({
	frozen: {
		...data.frozen,
		report: await readReport(fetch, `/reports/${data.frozen.id}/export?format=json`)
	}
});
