import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actionCodesInput } from '$lib/server/domain/action-tags-input';
import { setActionCodes } from '$lib/server/domain/framework-codes';
import { codeKey } from '$lib/goals/codes';
import { apiHandler, idParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

/** Tags the action with exactly these codes: `{codes: ["dnk:13", "sdg:7", "own:2"]}` → `{codes}`. */
export const PUT = apiHandler(async (event) => {
	const user = requireApiUser(event, 'tagActions');
	const id = idParam(event.params.id!);
	const { codes } = await readJson(event.request, actionCodesInput);
	return json({ codes: setActionCodes(getDb(), user, id, codes).map(codeKey) });
});
