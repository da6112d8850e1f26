import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listBoards } from '$lib/server/domain/boards';
import { apiHandler } from '$lib/server/http/api';
import { requireApiUser } from '$lib/server/http/guard';

export const GET = apiHandler((event) => {
	requireApiUser(event, 'read');
	return json(listBoards(getDb()));
});
