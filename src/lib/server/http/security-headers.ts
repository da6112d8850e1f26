import { withHeaders } from './response-headers';

/** What an answer that is not a page may do when opened as one: nothing at all. */
const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The headers every answer of the app carries: no content sniffing, no framing, referrers only
 * to this site, and no copy in any cache (pages and API answers are a person's own; nothing of
 * theirs should stay on a shared computer after signing out). Pages get their
 * Content-Security-Policy from SvelteKit (`kit.csp`, with a nonce per page); every other answer a
 * policy that allows nothing. The build's static files are served before the app and keep their
 * long caching.
 */
export function withSecurityHeaders(response: Response): Response {
	return withHeaders(response, (headers) => {
		headers.set('x-content-type-options', 'nosniff');
		headers.set('referrer-policy', 'same-origin');
		headers.set('x-frame-options', 'DENY');
		headers.set('cross-origin-opener-policy', 'same-origin');
		if (!headers.has('content-security-policy'))
			headers.set('content-security-policy', NON_PAGE_POLICY);
		// An event stream's `no-transform` keeps proxies (and our compression) from holding it back.
		const noTransform = /\bno-transform\b/i.test(headers.get('cache-control') ?? '');
		headers.set('cache-control', `private, no-store${noTransform ? ', no-transform' : ''}`);
	});
}
