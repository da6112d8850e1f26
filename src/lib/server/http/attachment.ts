/**
 * A file to download: its type, and a file name that survives umlauts (RFC 6266: an ASCII
 * fallback beside the UTF-8 name). Downloads of signed-in pages are private and never cached.
 */
export function attachment(
	body: BodyInit,
	{
		type,
		filename,
		cache = 'private, no-store'
	}: { type: string; filename: string; cache?: string }
): Response {
	const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]|["\\]/g, '_');
	return new Response(body, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
			'cache-control': cache,
			'x-content-type-options': 'nosniff'
		}
	});
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
