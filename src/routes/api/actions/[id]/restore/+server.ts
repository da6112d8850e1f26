import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { restoreAction } from '$lib/server/domain/archive-action';
import { versionField } from '$lib/server/domain/action-input';
import { apiHandler, idParam, readJson } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

const input = z.object({ version: versionField.optional() });

export const POST = apiHandler(async (event) => {
	const user = requireApiUser(event, 'writeActions');
	const id = idParam(event.params.id!);
	const { version } = await readJson(event.request, input);
	return json(restoreAction(getDb(), user, id, version));
});
