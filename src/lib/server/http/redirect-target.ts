/** Any origin will do: only whether a target stays on it matters. */
const BASE = 'http://dreiklang.invalid';
const MAX_LENGTH = 2000;

/**
 * Where to go after signing in, a language switch or a move — only a path on this site, never
 * another host. The target is parsed the way a browser parses a `Location` header (which drops
 * tabs and line breaks, reads `\` as `/` and resolves `/./`), and only a same-origin result is
 * followed; what comes back is that parsed path, percent-encoded, so it is always a valid header
 * — and never one that starts with two slashes, which a browser would read as another host.
 */
export function safeRedirectTarget(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length > MAX_LENGTH || !value.startsWith('/')) {
		return fallback;
	}
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return fallback;
	}
	const path = url.pathname + url.search + url.hash;
	// `/..//evil.example` stays on this site, but its resolved path would not: read again as a
	// Location it is protocol-relative. Such a target is nobody's honest page.
	if (url.origin !== BASE || path.startsWith('//') || path.startsWith('/\\')) return fallback;
	return path;
}
