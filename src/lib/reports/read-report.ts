import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { ReportModel } from './model';

/**
 * Reads a report from its JSON answer, for the report pages' universal load. Those pages render
 * on the server only (`csr = false`), where SvelteKit answers the request in-process and, with no
 * client to hand data to, never writes it into the page. What a server load returns, SvelteKit
 * serialises anyway — for a report of 1,000 actions that took longer than building it.
 */
export async function readReport(
	fetch: typeof globalThis.fetch,
	url: string
): Promise<ReportModel> {
	const res = await fetch(url, { headers: { accept: 'application/json' } });
	if (res.status === 404) error(404, m.error_not_found());
	if (!res.ok) error(res.status, m.error_internal());
	return (await res.json()) as ReportModel;
}
