import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { dimensionLabel, horizonLabel, statusLabel } from '$lib/board/labels';
import { getDb } from '$lib/server/db';
import { boardOfPublicToken, publicView } from '$lib/server/domain/public-page';
import { toCsv, type CsvCell } from '$lib/server/export/csv';
import { attachment, CSV_TYPE } from '$lib/server/http/attachment';
import type { RequestHandler } from './$types';

/**
 * The public page as a table: one row per public action, in the language of the request
 * (labels, not identifiers — it is meant for spreadsheets; the JSON has the identifiers).
 * Owners' names are a column only when the organisation shows them.
 */
export const GET: RequestHandler = ({ params }) => {
	const db = getDb();
	const board = boardOfPublicToken(db, params.token);
	if (!board) error(404, m.error_not_found());
	const view = publicView(db, board);
	const header = [
		m.field_title(),
		m.public_column_dimension(),
		m.public_column_horizon(),
		m.field_status(),
		m.field_progress(),
		m.public_column_start_date(),
		m.field_due_date(),
		m.field_description(),
		...(view.ownerNames ? [m.field_owners()] : [])
	];
	const rows = view.actions.map((a): CsvCell[] => [
		a.title,
		dimensionLabel(a.dimension),
		horizonLabel(a.horizon),
		statusLabel(a.status),
		a.progress,
		a.startDate,
		a.dueDate,
		a.description,
		...(view.ownerNames ? [(a.owners ?? []).join(', ')] : [])
	]);
	const response = attachment(toCsv(header, rows), {
		type: CSV_TYPE,
		filename: `${board.name}.csv`,
		cache: 'no-store'
	});
	response.headers.set('x-robots-tag', 'noindex');
	return response;
};
