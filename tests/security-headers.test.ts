// Every answer carries the security headers, and the Content-Security-Policy (scripts only from
// the app itself, with a nonce for each page's start-up script) breaks nothing: no page logs a
// violation or an error, signed in as the role that sees the most.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PAGES = [
	'/boards/1',
	'/boards/1?show=all',
	'/boards/1/frame',
	'/boards/1/archive',
	'/roadmap',
	'/upcoming',
	'/settings',
	'/admin/users',
	'/no-such-page'
];

/** Console errors and CSP violations of `page`, as they happen. */
function watchProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	return problems;
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
	expect(headers['x-content-type-options'], what).toBe('nosniff');
	expect(headers['referrer-policy'], what).toBe('same-origin');
	expect(headers['cache-control'], what).toContain('no-store');
	expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
}

test('pages carry a strict policy, and no page breaks it or logs an error', async ({
	page,
	signInAs
}) => {
	// Ten pages, each loaded and hydrated.
	test.setTimeout(90_000);
	await signInAs('admin');
	const problems = watchProblems(page);
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) =>
			console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
		);
	});
	const firstAction = await page.request.get('/api/boards/1');
	const actionId = (await firstAction.json()).actions[0].id as number;

	for (const path of [...PAGES, `/actions/${actionId}`]) {
		const response = await page.goto(path);
		const headers = response!.headers();
		expectSecurityHeaders(headers, path);
		const policy = headers['content-security-policy'];
		expect(policy, path).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(policy, path).not.toMatch(/script-src[^;]*unsafe-inline/);
		await expect(page.locator('h1').first()).toBeVisible();
	}
	// The 404 page's request itself is an expected console error; nothing else is.
	expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
});

test('the pages of signed-out visitors keep the policy too', async ({ page }) => {
	const problems = watchProblems(page);
	for (const path of ['/login', '/signin/unknown.link']) {
		const response = await page.goto(path);
		expectSecurityHeaders(response!.headers(), path);
		expect(response!.headers()['content-security-policy'], path).toMatch(/'nonce-[^']+'/);
		await expect(page.locator('h1').first()).toBeVisible();
	}
	// The unknown link's page answers 410, which the browser logs; nothing else may be logged.
	expect(problems.filter((p) => !p.includes('410'))).toEqual([]);
});

test('API answers, redirects and the sign-in page carry the headers too', async ({
	request,
	signInAs,
	page
}) => {
	const signedOut = await request.get('/api/boards');
	expect(signedOut.status()).toBe(401);
	expectSecurityHeaders(signedOut.headers(), 'API 401');

	const redirect = await request.get('/boards/1', { maxRedirects: 0 });
	expect(redirect.status()).toBe(303);
	expectSecurityHeaders(redirect.headers(), 'redirect to sign-in');

	const login = await request.get('/login');
	expectSecurityHeaders(login.headers(), '/login');

	await signInAs('member');
	const board = await page.request.get('/api/boards/1');
	expect(board.status()).toBe(200);
	expectSecurityHeaders(board.headers(), 'API answer');
	expect(board.headers()['content-security-policy']).toBe(
		"default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
	);
});

test('the app cannot be framed by another site', async ({ page, signInAs }) => {
	await signInAs('admin');
	const response = await page.request.get('/admin/users');
	expect(response.headers()['x-frame-options']).toBe('DENY');
	expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});
