import { requirePageUser } from '$lib/server/http/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requirePageUser(event, 'read');
};
