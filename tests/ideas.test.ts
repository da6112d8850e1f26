// Ideas as people meet them: staff propose, support and withdraw; the working group reviews,
// declines, merges and accepts; what happens shows live to whoever looks.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
	demoAccount,
	expect,
	seriousA11yViolations,
	signInByRequest,
	test as base,
	type Account
} from './fixtures';

interface ApiIdea {
	id: number;
	title: string;
	state: string;
	reason: string | null;
	supporters: number;
	version: number;
	actionId: number | null;
}

/** A token no other test (or earlier run) uses: lower-case letters and digits. */
const token = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Proposes an idea through the API as whoever `api` is signed in as. */
async function proposeByApi(
	api: APIRequestContext,
	title: string,
	extra: Record<string, unknown> = {}
) {
	const response = await api.post('/api/ideas', { data: { title, ...extra } });
	expect(response.status(), `proposing ${title}`).toBe(201);
	return (await response.json()) as ApiIdea;
}

async function supportByApi(api: APIRequestContext, id: number) {
	const response = await api.post(`/api/ideas/${id}/support`);
	expect(response.status(), `supporting idea ${id}`).toBe(200);
	return (await response.json()) as ApiIdea;
}

async function ideaByApi(api: APIRequestContext, id: number) {
	const response = await api.get('/api/ideas');
	expect(response.status()).toBe(200);
	return ((await response.json()) as ApiIdea[]).find((i) => i.id === id)!;
}

/** The idea's own block on its page: title, state, supporters, reason, what became of it. */
const ideaOf = (page: Page) => page.getByRole('article');

/**
 * One of the decision forms of the working group's panel, by the words that open it (a
 * `<summary>` has no role to find it by).
 */
function decision(page: Page, summary: string): Locator {
	return page
		.getByRole('region', { name: 'Entscheidung der Arbeitsgruppe' })
		.locator('details')
		.filter({ has: page.locator('summary', { hasText: summary }) });
}

async function openDecision(page: Page, summary: string) {
	const form = decision(page, summary);
	await form.locator('summary').click();
	return form;
}

/** axe finds nothing serious, and at 360 px nothing scrolls sideways. */
async function checkPage(page: Page, what: string) {
	expect(await seriousA11yViolations(page), what).toEqual([]);
	const size = page.viewportSize()!;
	await page.setViewportSize({ width: 360, height: 740 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `${what} at 360 px`).toBeLessThanOrEqual(0);
	await page.setViewportSize(size);
}

/** Resolves once the page's ideas stream is open: later changes reload the page. */
function ideasStreamOpened(page: Page) {
	return page.waitForResponse((r) => new URL(r.url()).pathname === '/api/ideas/events');
}

const test = base.extend<{
	/** A client of the API signed in as `account` (no browser: cheaper where nothing is looked at). */
	apiAs: (account: Pick<Account, 'email' | 'password'>) => Promise<APIRequestContext>;
	/** A staff member of their own, whose ideas and supports no other test touches. */
	colleague: (label: string) => Promise<{ account: Account; api: APIRequestContext }>;
}>({
	apiAs: async ({ playwright, baseURL }, use) => {
		const clients: APIRequestContext[] = [];
		await use(async (account) => {
			const api = await playwright.request.newContext({ baseURL });
			clients.push(api);
			await signInByRequest(api, account);
			return api;
		});
		await Promise.all(clients.map((c) => c.dispose()));
	},
	colleague: async ({ createUser, apiAs }, use) => {
		await use(async (label) => {
			const account = await createUser({ role: 'staff', label });
			return { account, api: await apiAs(account) };
		});
	}
});

// Several people and pages per test, on a machine that may be busy with other suites.
test.describe.configure({ timeout: 60_000 });

test.describe('ideas, for staff', () => {
	test('a staff member proposes an idea, is shown a similar one first, saves anyway, then withdraws it', async ({
		page,
		signInAs,
		colleague
	}) => {
		const word = token();
		const other = await colleague('similar');
		const existing = await proposeByApi(other.api, `Lastenrad ${word} für Dienstwege`);

		await signInAs('staff');
		await page.goto('/ideas');
		await page.getByRole('link', { name: 'Idee einbringen' }).click();
		await expect(page).toHaveURL('/ideas/new');
		const title = `Lastenrad ${word} für Dienstwege ausleihen`;
		await page.getByLabel('Ihre Idee in einem Satz').fill(title);
		await page.getByLabel('Was würde sich ändern? (freiwillig)').fill('Weniger **Autofahrten**.');
		await page.getByLabel('Ökologisch').check();
		await page.getByRole('button', { name: 'Idee einreichen' }).click();

		const hint = page.getByRole('region', { name: 'Gibt es das vielleicht schon?' });
		await expect(
			hint.getByRole('heading', { name: 'Gibt es das vielleicht schon?' })
		).toBeFocused();
		await expect(hint.getByRole('link', { name: existing.title })).toHaveAttribute(
			'href',
			`/ideas/${existing.id}`
		);
		await expect(
			hint.getByRole('button', { name: `Unterstützen: ${existing.title}` })
		).toBeVisible();
		// Nothing typed is lost.
		await expect(page.getByLabel('Ihre Idee in einem Satz')).toHaveValue(title);
		await expect(page.getByLabel('Ökologisch')).toBeChecked();
		await checkPage(page, '/ideas/new with similar ideas');

		await page.getByRole('button', { name: 'Meine Idee trotzdem einreichen' }).click();
		await expect(page).toHaveURL(/\/ideas\/\d+\?new=1$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.getByText('Danke für Ihre Idee!')).toBeVisible();
		const idea = ideaOf(page);
		await expect(idea).toContainText('Neu');
		await expect(idea).toContainText('Ökologisch');
		await expect(idea.getByRole('strong')).toHaveText('Autofahrten');
		await expect(idea).toContainText(`Von ${demoAccount('staff').name}`);

		// Withdrawing asks once more.
		await idea.locator('summary', { hasText: 'Idee zurückziehen' }).click();
		await idea.getByRole('button', { name: 'Ja, zurückziehen' }).click();
		await expect(page.getByText('Sie haben die Idee zurückgezogen.')).toBeVisible();
		await expect(idea).toContainText('Zurückgezogen');
		await expect(idea.getByRole('button', { name: 'Ja, zurückziehen' })).toHaveCount(0);
		await expect(idea.getByText('Idee zurückziehen')).toHaveCount(0);
		await expect(
			page.getByRole('region', { name: 'Verlauf' }).getByRole('listitem').last()
		).toContainText('Zurückgezogen');
	});

	test("a staff member supports a colleague's idea and takes the support back", async ({
		page,
		signInAs,
		colleague
	}) => {
		const other = await colleague('supported');
		const idea = await proposeByApi(other.api, `Tauschregal ${token()}`);

		await signInAs('staff');
		await page.goto(`/ideas?q=${encodeURIComponent(idea.title)}`);
		const item = page.getByRole('listitem').filter({ hasText: idea.title });
		await expect(item).toContainText('Noch keine Unterstützung');
		await item.getByRole('button', { name: `Unterstützen: ${idea.title}` }).click();
		await expect(
			item.getByRole('button', { name: `Unterstützung zurücknehmen: ${idea.title}` })
		).toHaveAttribute('aria-pressed', 'true');
		await expect(item).toContainText('1 Person unterstützt das');

		await page.getByRole('link', { name: idea.title }).click();
		const own = ideaOf(page);
		await expect(own).toContainText('1 Person unterstützt das');
		await own.getByRole('button', { name: `Unterstützung zurücknehmen: ${idea.title}` }).click();
		await expect(own.getByRole('button', { name: `Unterstützen: ${idea.title}` })).toHaveAttribute(
			'aria-pressed',
			'false'
		);
		await expect(own).toContainText('Noch keine Unterstützung');
	});
});

test.describe('ideas, for staff without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a staff member proposes an idea', async ({ page, signInAs }) => {
		await signInAs('staff');
		await page.goto('/ideas/new');
		// Besides the token only words under four letters: no other idea counts as similar.
		const title = `Öko-Tee im Amt ${token()}`;
		await page.getByLabel('Ihre Idee in einem Satz').fill(title);
		await page.getByLabel('Sozial').check();
		await page.getByRole('button', { name: 'Idee einreichen' }).click();

		await expect(page).toHaveURL(/\/ideas\/\d+\?new=1$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.getByText('Danke für Ihre Idee!')).toBeVisible();
		await expect(ideaOf(page)).toContainText('Sozial');
		await expect(ideaOf(page)).toContainText('Neu');
	});
});

test.describe('ideas, for the working group', () => {
	test('the review queue shows open ideas oldest first; a declined idea shows its reason to the proposer and everyone', async ({
		page,
		signInAs,
		createUser,
		openSignedIn
	}) => {
		const proposer = await createUser({ role: 'staff', label: 'declined' });
		const theirs = await openSignedIn(proposer);
		const older = await proposeByApi(theirs.request, `Kaffee ${token()} nur fair`);
		const newer = await proposeByApi(theirs.request, `Dienstreisen ${token()} mit Bahn`);

		await signInAs('member');
		await page.goto('/ideas');
		await page.getByRole('link', { name: 'Ideen prüfen' }).click();
		await expect(page).toHaveURL('/ideas/review');
		const queue = page.getByRole('table', { name: 'Ideen zur Prüfung' });
		const titles = await queue.getByRole('rowheader').getByRole('link').allTextContents();
		expect(titles).toContain(older.title);
		expect(titles.indexOf(newer.title)).toBeGreaterThan(titles.indexOf(older.title));
		const submitted = await queue
			.locator('time')
			.evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
		expect(submitted).toEqual([...submitted].sort());
		await expect(queue.getByRole('row').filter({ hasText: older.title })).toContainText(
			proposer.name
		);

		await page.getByRole('link', { name: older.title }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(older.title);
		const decline = await openDecision(page, 'Ablehnen');
		const reason = 'Unser Kaffee ist schon fair gehandelt.';
		await decline.getByLabel('Begründung (für alle sichtbar)').fill(reason);
		await decline.getByRole('button', { name: 'Ablehnen' }).click();
		await expect(page.getByText('Entscheidung gespeichert.')).toBeVisible();
		await expect(ideaOf(page)).toContainText(`Abgelehnt, weil: ${reason}`);

		// The proposer, and anyone else, read the reason on the idea's page.
		for (const viewer of [theirs, await openSignedIn(demoAccount('staff'))]) {
			await viewer.goto(`/ideas/${older.id}`);
			await expect(ideaOf(viewer)).toContainText(`Abgelehnt, weil: ${reason}`);
			await expect(
				viewer.getByRole('region', { name: 'Verlauf' }).getByRole('listitem').last()
			).toContainText(new RegExp(`Abgelehnt \\(${demoAccount('member').name}\\)\\s*${reason}`));
		}

		await page.goto('/ideas/review');
		await expect(page.getByRole('link', { name: newer.title })).toBeVisible();
		await expect(page.getByRole('link', { name: older.title })).toHaveCount(0);
	});

	test('merging an idea into another carries its supporters over', async ({
		page,
		signInAs,
		colleague
	}) => {
		const proposer = await colleague('merge');
		const target = await proposeByApi(proposer.api, `Solardach ${token()} Hauptgebäude`);
		const merged = await proposeByApi(proposer.api, `Photovoltaik ${token()} aufs Dach`);
		const supporters = await Promise.all(['merge-a', 'merge-b', 'merge-c'].map(colleague));
		await supportByApi(supporters[0].api, target.id);
		await supportByApi(supporters[1].api, merged.id);
		await supportByApi(supporters[2].api, merged.id);

		await signInAs('member');
		await page.goto(`/ideas/${target.id}`);
		await expect(ideaOf(page)).toContainText('1 Person unterstützt das');
		await page.goto(`/ideas/${merged.id}`);
		await expect(ideaOf(page)).toContainText('2 Personen unterstützen das');
		const merge = await openDecision(page, 'Mit einer anderen Idee zusammenlegen');
		await merge.getByLabel('Mit welcher Idee?').selectOption({ label: target.title });
		const reason = 'Beides meint Strom vom eigenen Dach.';
		await merge.getByLabel('Begründung (für alle sichtbar)').fill(reason);
		await merge.getByRole('button', { name: 'Zusammenlegen' }).click();

		await expect(page.getByText('Entscheidung gespeichert.')).toBeVisible();
		await expect(ideaOf(page)).toContainText(`Zusammengelegt, weil: ${reason}`);
		await ideaOf(page).getByRole('link', { name: target.title }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.title);
		// 1 + the merged idea's 2 (its proposer proposed both, and supports neither).
		await expect(ideaOf(page)).toContainText('3 Personen unterstützen das');
		await expect(
			page.getByRole('region', { name: 'Hier zusammengelegte Ideen' }).getByRole('link')
		).toHaveText(merged.title);
		const names = page.getByRole('region', { name: 'Wer unterstützt das?' });
		for (const s of supporters) await expect(names).toContainText(s.account.name);
	});

	test('accepting an idea into a cell puts the action on an open board at once; its progress shows on the idea', async ({
		page,
		signInAs,
		colleague,
		openSignedIn
	}) => {
		const proposer = await colleague('accepted');
		const idea = await proposeByApi(proposer.api, `Patenschaften ${token()} für Neue`, {
			dimension: 'social'
		});
		const board = await openSignedIn(demoAccount('admin'));
		await board.goto('/boards/1?show=all');

		await signInAs('member');
		await page.goto(`/ideas/${idea.id}`);
		const accept = await openDecision(page, 'Annehmen als neue Maßnahme');
		await accept.getByLabel('In welches Feld der Tafel?').selectOption('social:short');
		await expect(accept.getByLabel('Titel der Maßnahme')).toHaveValue(idea.title);
		await accept.getByRole('button', { name: 'Annehmen und Maßnahme anlegen' }).click();
		await expect(page.getByText('Entscheidung gespeichert.')).toBeVisible();
		await expect(ideaOf(page)).toContainText('Angenommen');
		const became = ideaOf(page).getByText('Daraus wurde:');
		await expect(became).toContainText(`${idea.title} — geplant`);
		const href = await became.getByRole('link', { name: idea.title }).getAttribute('href');
		const actionId = Number(/^\/actions\/(\d+)$/.exec(href!)![1]);

		// The other browser, open on the board all along, shows the new action in its cell.
		await expect(
			board
				.locator('[data-dimension="social"][data-horizon="short"]')
				.getByRole('link', { name: idea.title, exact: true })
		).toBeVisible();

		await became.getByRole('link', { name: idea.title }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(idea.title);
		await expect(
			page.getByRole('link', { name: `Aus einer Idee von ${proposer.account.name}` })
		).toHaveAttribute('href', `/ideas/${idea.id}`);

		// With the idea open, the action's progress shows there without reload.
		await page.goBack();
		await expect(became).toContainText(`${idea.title} — geplant`);
		const logged = await page.request.post(`/api/actions/${actionId}/progress`, {
			data: { note: 'Erste Paten gefunden', progress: 40, status: 'in_progress' }
		});
		expect(logged.status()).toBe(201);
		await expect(became).toContainText(`${idea.title} — läuft, 40 %`);
	});
});

test.describe('ideas, the rules', () => {
	test('staff cannot set states, nobody supports twice nor their own idea, a stale change gets 409', async ({
		page,
		signInAs,
		colleague,
		apiAs,
		workerServer
	}) => {
		const proposer = await colleague('rules');
		const idea = await proposeByApi(proposer.api, `Regeln ${token()}`);

		await signInAs('staff');
		const byForm = await page.request.post(`/ideas/${idea.id}?/decide`, {
			form: { state: 'declined', reason: 'Ich entscheide das.', version: String(idea.version) },
			headers: { accept: 'text/html', origin: workerServer.url },
			maxRedirects: 0
		});
		expect(byForm.status()).toBe(403);
		const byApi = await page.request.post(`/api/ideas/${idea.id}/state`, {
			data: { state: 'declined', reason: 'Ich entscheide das.', version: idea.version }
		});
		expect(byApi.status()).toBe(403);
		expect((await ideaByApi(page.request, idea.id)).state).toBe('submitted');

		expect((await supportByApi(page.request, idea.id)).supporters).toBe(1);
		expect((await supportByApi(page.request, idea.id)).supporters).toBe(1);
		expect((await ideaByApi(page.request, idea.id)).supporters).toBe(1);
		const own = await proposer.api.post(`/api/ideas/${idea.id}/support`);
		expect(own.status()).toBe(403);
		expect((await ideaByApi(page.request, idea.id)).supporters).toBe(1);

		const member = await apiAs(demoAccount('member'));
		const review = await member.post(`/api/ideas/${idea.id}/state`, {
			data: { state: 'in_review', version: idea.version }
		});
		expect(review.status()).toBe(200);
		const stale = await member.post(`/api/ideas/${idea.id}/state`, {
			data: { state: 'declined', reason: 'Zu spät gelesen.', version: idea.version }
		});
		expect(stale.status()).toBe(409);
		const body = (await stale.json()) as { error: { code: string }; current: ApiIdea };
		expect(body.error.code).toBe('conflict');
		expect(body.current).toMatchObject({
			id: idea.id,
			state: 'in_review',
			version: idea.version + 1,
			supporters: 1
		});
		expect((await ideaByApi(page.request, idea.id)).state).toBe('in_review');
	});
});

test.describe('ideas, live', () => {
	test('an idea proposed in one browser appears on /ideas in another without reload', async ({
		page,
		signInAs,
		createUser,
		openSignedIn
	}) => {
		await signInAs('staff');
		const opened = ideasStreamOpened(page);
		await page.goto('/ideas');
		await opened;

		const proposer = await createUser({ role: 'staff', label: 'live' });
		const other = await openSignedIn(proposer);
		await other.goto('/ideas/new');
		const title = `Öko-Tee am Ort ${token()}`;
		await other.getByLabel('Ihre Idee in einem Satz').fill(title);
		await other.getByRole('button', { name: 'Idee einreichen' }).click();
		await expect(other).toHaveURL(/\/ideas\/\d+\?new=1$/);

		await expect(page.getByRole('listitem').filter({ hasText: title })).toContainText(
			proposer.name
		);
	});
});

test.describe('ideas, accessible and fitting a phone', () => {
	test('for staff: the list, proposing and an idea', async ({ page, signInAs, colleague }) => {
		const other = await colleague('a11y-staff');
		const idea = await proposeByApi(other.api, `Blühstreifen ${token()} am Parkplatz`, {
			text: 'Mit **Wildblumen** und\n\n- Nistkästen\n- einem Schild'
		});
		await signInAs('staff');
		await page.goto('/ideas');
		await checkPage(page, '/ideas');
		await page.goto('/ideas/new');
		await checkPage(page, '/ideas/new');
		await page.goto(`/ideas/${idea.id}`);
		await expect(
			ideaOf(page).getByRole('button', { name: `Unterstützen: ${idea.title}` })
		).toBeVisible();
		await checkPage(page, `/ideas/${idea.id} as staff`);
	});

	test("for the working group: an idea's decisions and the review queue", async ({
		page,
		signInAs,
		colleague
	}) => {
		const other = await colleague('a11y-member');
		const idea = await proposeByApi(other.api, `Wasserspender ${token()} statt Flaschen`, {
			text: 'Leitungswasser, gekühlt, auf **jeder** Etage.',
			dimension: 'economic'
		});
		await signInAs('member');
		await page.goto(`/ideas/${idea.id}`);
		for (const summary of [
			'Annehmen als neue Maßnahme',
			'Annehmen für eine Maßnahme, die es schon gibt',
			'Ablehnen',
			'Mit einer anderen Idee zusammenlegen'
		]) {
			await openDecision(page, summary);
		}
		await expect(page.getByLabel('Mit welcher Idee?')).toBeVisible();
		await checkPage(page, `/ideas/${idea.id} with the decisions`);
		await page.goto('/ideas/review');
		await expect(page.getByRole('link', { name: idea.title })).toBeVisible();
		await checkPage(page, '/ideas/review');
	});
});
