/**
 * `response` with its headers changed by `edit`. Most answers' headers can be changed in place;
 * some (from `fetch`, `Response.redirect`) are immutable, and those are copied first.
 */
export function withHeaders(response: Response, edit: (headers: Headers) => void): Response {
	try {
		edit(response.headers);
		return response;
	} catch {
		const headers = new Headers(response.headers);
		edit(headers);
		return new Response(response.body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
}
