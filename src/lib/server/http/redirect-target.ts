/** Any origin will do: only whether a target stays on it matters. */
const BASE = 'http://dreiklang.invalid';
const MAX_LENGTH = 2000;

/**
 * Where to go after signing in, a language switch or a move — only a path on this site, never
 * another host. The target is parsed the way a browser parses a `Location` header (which drops
 * tabs and line breaks, reads `\` as `/` and resolves `/./`), and only a same-origin result is
 * followed; what comes back is that parsed path, percent-encoded, so it is always a valid header.
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
	if (url.origin !== BASE) return fallback;
	return url.pathname + url.search + url.hash;
}
