import AxeBuilder from '@axe-core/playwright';
import {
	test as base,
	expect,
	type APIRequestContext,
	type Browser,
	type Page
} from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, type Role, type ServerKind } from './demo';
import { startWorkerServer, type WorkerServer } from './worker-server';

export { expect };
export * from './demo';
export type { WorkerServer } from './worker-server';

export interface Account {
	name: string;
	email: string;
	password: string;
	role: Role;
}

/** An e-mail address no other test (or earlier run) uses. */
export function uniqueEmail(label = 'person'): string {
	const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
	return `${label}-${suffix}@example.org`;
}

/** The demo account of a role, with its password. */
export function demoAccount(role: Role): Account {
	return { ...DEMO_USERS[role], password: DEMO_PASSWORD, role };
}

/**
 * Signs in the way scripts do (the contract in DESIGN.md): `POST /login` as a form sets the
 * session cookie. `request` may be `page.request`, which shares the page's cookies.
 */
export async function signInByRequest(
	request: APIRequestContext,
	account: Pick<Account, 'email' | 'password'>
) {
	const response = await request.post('/login', {
		form: { email: account.email, password: account.password },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `sign-in of ${account.email}`).toBe(303);
	// A 303 alone proves nothing: /login also redirects anybody who is signed in already.
	expect(response.headers()['set-cookie'], `sign-in of ${account.email}`).toContain(
		'dreiklang_session='
	);
	return response;
}

/** Signs in through the real form on /login (the page must show it). */
export async function signInWithForm(page: Page, account: Pick<Account, 'email' | 'password'>) {
	await page.getByLabel('E-Mail').fill(account.email);
	await page.getByLabel('Passwort', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
}

/**
 * Resolves once SvelteKit has hydrated the page: its router starts right after hydration and
 * the first thing it does is set `history.scrollRestoration` to 'manual'.
 */
export async function waitForHydration(page: Page) {
	await page.waitForFunction(() => history.scrollRestoration === 'manual');
}

/**
 * Makes `page.goto` (with its default `waitUntil: 'load'`) also wait for hydration. Hydration
 * writes each text field's server value back into the field, wiping what was typed before it
 * (see "text typed before the page's script has run is kept" in shell.test.ts); without this a
 * test that types right after a page load is flaky on a busy machine.
 */
function gotoWaitsForHydration(page: Page): Page {
	const goto = page.goto.bind(page);
	page.goto = async (url, options) => {
		const response = await goto(url, options);
		if (!options?.waitUntil || options.waitUntil === 'load') await waitForHydration(page);
		return response;
	};
	return page;
}

/** Accessibility violations that are serious or critical, in a form that reads well in a failure. */
export async function seriousA11yViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.map((n) => n.target.join(' '))
		}));
}

/** True when the page is wider than the window, so it scrolls sideways. */
export const scrollsSideways = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/**
 * Controls smaller than 24 × 24 CSS pixels (WCAG 2.2, 2.5.8), as "tag: name (w×h)". Links inside
 * running text are exempt, as the criterion allows; so are controls the page hides.
 */
export async function smallTouchTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const controls = document.querySelectorAll<HTMLElement>(
			'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"]'
		);
		const small: string[] = [];
		for (const el of controls) {
			const box = el.getBoundingClientRect();
			if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden')
				continue;
			if (el.closest('.visually-hidden')) continue;
			const inText =
				el.tagName === 'A' &&
				getComputedStyle(el).display === 'inline' &&
				el.closest('p, li, dd, td');
			if (inText) continue;
			if (box.width < 24 || box.height < 24) {
				const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
				small.push(
					`${el.tagName.toLowerCase()}: ${name} (${Math.round(box.width)}×${Math.round(box.height)})`
				);
			}
		}
		return small;
	});
}

/** Picks a language in the header's language fold (each named in its own language). */
export async function chooseLanguage(page: Page, name: string) {
	const picker = page.locator('details.language-switch').first();
	await picker.locator('summary').click();
	await picker.getByRole('button', { name, exact: true }).click();
}

interface NewUserOptions {
	role?: Role;
	name?: string;
	password?: string;
	label?: string;
}

interface WorkerFixtures {
	/** Which database the worker's server starts on; the `first-run` project asks for `empty`. */
	serverKind: ServerKind;
	/** This worker's own server and database, started once per worker, stopped at its end. */
	workerServer: WorkerServer;
}

interface Fixtures {
	/** Signs the test's page in as the demo account of a role (fast, by request). */
	signInAs: (role: Role) => Promise<Account>;
	/** An admin adds a person with a first password (by request); returns the new account. */
	createUser: (options?: NewUserOptions) => Promise<Account>;
	/** A page in a browser context of its own (another device), signed in as `account`. */
	openSignedIn: (account: Pick<Account, 'email' | 'password'>) => Promise<Page>;
	/** A page in a fresh, signed-out browser context of its own. */
	openFreshPage: () => Promise<Page>;
}

async function newPageInOwnContext(browser: Browser, baseURL: string | undefined) {
	const context = await browser.newContext({ baseURL });
	return { context, page: gotoWaitsForHydration(await context.newPage()) };
}

export const test = base.extend<Fixtures, WorkerFixtures>({
	serverKind: ['demo', { scope: 'worker', option: true }],

	workerServer: [
		async ({ serverKind }, use, workerInfo) => {
			// parallelIndex, unlike workerIndex, stays below the number of workers: a worker that
			// replaces a failed one takes over its slot and port, after the old one has stopped.
			const { server, stop } = await startWorkerServer(serverKind, workerInfo.parallelIndex);
			try {
				await use(server);
			} finally {
				await stop();
			}
		},
		{ scope: 'worker', timeout: 90_000 }
	],

	// Every relative URL — page.goto, page.request, the request fixture, the contexts below — goes
	// to this worker's server.
	baseURL: async ({ workerServer }, use) => {
		await use(workerServer.url);
	},

	page: async ({ page, javaScriptEnabled }, use) => {
		// Without JavaScript nothing hydrates; the server-rendered page is all there is.
		await use(javaScriptEnabled === false ? page : gotoWaitsForHydration(page));
	},

	signInAs: async ({ page }, use) => {
		await use(async (role) => {
			const account = demoAccount(role);
			await signInByRequest(page.request, account);
			return account;
		});
	},

	createUser: async ({ playwright, baseURL }, use) => {
		let admin: APIRequestContext | undefined;
		await use(async (options = {}) => {
			if (!admin) {
				admin = await playwright.request.newContext({ baseURL });
				await signInByRequest(admin, demoAccount('admin'));
			}
			const email = uniqueEmail(options.label);
			const account: Account = {
				name: options.name ?? `Testperson ${email.split('@')[0]}`,
				email,
				password: options.password ?? `pw-${Math.random().toString(36).slice(2, 12)}`,
				role: options.role ?? 'staff'
			};
			const response = await admin.post('/admin/users?/create', {
				form: {
					name: account.name,
					email: account.email,
					role: account.role,
					access: 'password',
					password: account.password
				},
				headers: { accept: 'text/html' }
			});
			expect(response.status(), `adding ${account.email}`).toBe(200);
			return account;
		});
		await admin?.dispose();
	},

	openSignedIn: async ({ browser, baseURL }, use) => {
		const contexts: { close(): Promise<void> }[] = [];
		await use(async (account) => {
			const { context, page } = await newPageInOwnContext(browser, baseURL);
			contexts.push(context);
			await signInByRequest(page.request, account);
			return page;
		});
		await Promise.all(contexts.map((c) => c.close()));
	},

	openFreshPage: async ({ browser, baseURL }, use) => {
		const contexts: { close(): Promise<void> }[] = [];
		await use(async () => {
			const { context, page } = await newPageInOwnContext(browser, baseURL);
			contexts.push(context);
			return page;
		});
		await Promise.all(contexts.map((c) => c.close()));
	}
});
