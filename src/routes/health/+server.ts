import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { databaseIsHealthy } from '$lib/server/domain/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	let healthy = false;
	try {
		healthy = databaseIsHealthy(getDb());
	} catch {
		healthy = false;
	}
	return json(
		{ status: healthy ? 'ok' : 'unavailable', database: healthy ? 'ok' : 'error' },
		{ status: healthy ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
