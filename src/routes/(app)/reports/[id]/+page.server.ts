import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { getFrozenReport } from '$lib/server/domain/frozen-reports';
import { requirePageUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';
import type { PageServerLoad } from './$types';

/** A frozen report, exactly from its snapshot. */
export const load: PageServerLoad = (event) => {
	requirePageUser(event, 'read');
	const id = parseId(event.params.id);
	const frozen = id === null ? undefined : getFrozenReport(getDb(), id);
	if (!frozen) error(404, m.error_not_found());
	// The snapshot itself is read by `+page.ts`, from the report's JSON download.
	const { report: _report, ...summary } = frozen;
	return { frozen: summary };
};
