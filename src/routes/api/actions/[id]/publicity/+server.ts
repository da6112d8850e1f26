import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actionPublicity, setActionPublicity } from '$lib/server/domain/public-page';
import { publicityJsonInput } from '$lib/server/domain/public-page-input';
import { apiHandler, idParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

/**
 * `{isPublic?, descriptionPublic?, version}` → 200 the action with its two flags, or 409
 * `{error, current}` on a stale version. The same rule as the action page's `?/publicity`.
 */
export const POST = apiHandler(async (event) => {
	const user = requireApiUser(event, 'writeActions');
	const id = idParam(event.params.id!);
	const input = await readJson(event.request, publicityJsonInput);
	const db = getDb();
	const action = setActionPublicity(db, user, id, input);
	return json({ ...action, ...actionPublicity(db, id) });
});
