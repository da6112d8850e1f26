import { describe, expect, it } from 'vitest';
import { withSecurityHeaders } from './security-headers';

describe('withSecurityHeaders', () => {
	it('adds the headers, a policy that allows nothing to answers that have none, and no caching', () => {
		const response = withSecurityHeaders(
			new Response('{}', {
				headers: { 'content-type': 'application/json', 'cache-control': 'max-age=60' }
			})
		);
		expect(Object.fromEntries(response.headers)).toMatchObject({
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'same-origin',
			'x-frame-options': 'DENY',
			'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
			'cache-control': 'private, no-store'
		});
	});

	it("keeps a page's own policy and an event stream's no-transform", () => {
		const response = withSecurityHeaders(
			new Response('', {
				headers: {
					'content-security-policy': "script-src 'self'",
					'cache-control': 'no-cache, no-transform'
				}
			})
		);
		expect(response.headers.get('content-security-policy')).toBe("script-src 'self'");
		expect(response.headers.get('cache-control')).toBe('private, no-store, no-transform');
	});

	it('copies answers whose headers cannot be changed', () => {
		const response = withSecurityHeaders(Response.redirect('http://localhost/login', 303));
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('http://localhost/login');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});
});
