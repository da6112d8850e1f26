/**
 * Whether a request's `Host` header names the server's public address (`ORIGIN`). Without
 * `ORIGIN` every host is served (the address is taken from each request). With it, a page on
 * another site that points its own name at this server (DNS rebinding) is refused.
 */
export function isAllowedHost(host: string | null, origin: string | undefined): boolean {
	if (!origin) return true;
	if (!host || host.length > 300) return false;
	try {
		const expected = new URL(origin);
		return new URL(`${expected.protocol}//${host}`).host === expected.host;
	} catch {
		return false;
	}
}
