import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { boardOfPublicToken, publicView } from '$lib/server/domain/public-page';
import { ApiError, apiErrorResponse } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/**
 * The public page as open data: `PublicView` (`src/lib/public/public-view.ts`). An unknown,
 * renewed or turned-off link answers 404 `{error: {code: "not_found", message}}`.
 */
export const GET: RequestHandler = ({ params }) => {
	const db = getDb();
	const board = boardOfPublicToken(db, params.token);
	if (!board) return apiErrorResponse(new ApiError(404, 'not_found', m.error_not_found()));
	return json(publicView(db, board), {
		headers: { 'x-robots-tag': 'noindex', 'access-control-allow-origin': '*' }
	});
};
