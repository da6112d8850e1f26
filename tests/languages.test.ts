import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import {
	chooseLanguage,
	expect,
	scrollsSideways,
	seriousA11yViolations,
	smallTouchTargets,
	test,
	waitForHydration
} from './fixtures';

type Message = string | { match: Record<string, string> }[];
const read = (locale: string): Record<string, Message> =>
	JSON.parse(readFileSync(resolve(import.meta.dirname, `../messages/${locale}.json`), 'utf8'));
const texts = (message: Message | undefined): string[] =>
	message === undefined
		? []
		: typeof message === 'string'
			? [message]
			: message.flatMap((v) => Object.values(v.match));

const german = read('de');

/**
 * The German interface texts that must not show in `locale`: every stretch of two or more words
 * (at least 12 characters) between placeholders of a German message, unless the language itself
 * uses it too (a name, an address). Single words are left out: the demo's own content is German.
 */
function germanTexts(locale: string): string[] {
	const own = Object.entries(read(locale))
		.flatMap(([key, message]) => (key === '$schema' ? [] : texts(message)))
		.join('\n');
	const pieces = new Set<string>();
	for (const [key, message] of Object.entries(german)) {
		if (key === '$schema') continue;
		for (const text of texts(message))
			for (const piece of text.split(/\{\w+\}/)) {
				const trimmed = piece.trim();
				if (trimmed.length >= 12 && /\p{L}{2,} \p{L}{2,}/u.test(trimmed) && !own.includes(trimmed))
					pieces.add(trimmed);
			}
	}
	return [...pieces];
}

/** What a person perceives of the page: its visible text, and the names and hints of controls. */
const perceivable = (page: Page) =>
	page.evaluate(() => {
		const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]
			.flatMap((el) =>
				['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? '')
			)
			.join('\n');
		return `${document.title}\n${document.body.innerText}\n${attributes}`;
	});

const LANGUAGES = [
	{ locale: 'de', name: 'Deutsch' },
	{ locale: 'en', name: 'English' },
	{ locale: 'fr', name: 'Français' },
	{ locale: 'nl', name: 'Nederlands' },
	{ locale: 'de-x-ls', name: 'Leichte Sprache' }
] as const;

for (const { locale, name } of LANGUAGES) {
	test.describe(`in ${name}`, () => {
		test.use({ viewport: { width: 360, height: 740 } });

		test('the pages staff use show no text of another language, fit 360 px with targets to tap, and pass axe', async ({
			page,
			createUser,
			openFreshPage
		}) => {
			test.slow();
			const leftovers = germanTexts(locale);
			const check = async (p: Page, what: string) => {
				await expect(p.locator('html')).toHaveAttribute('lang', locale);
				const text = await perceivable(p);
				expect(
					leftovers.filter((piece) => text.includes(piece)),
					`German on ${what}`
				).toEqual([]);
				// German writes dates as 03.12.2026; every other choice writes the month.
				if (locale !== 'de')
					expect(text.match(/\b\d{1,2}\.\d{1,2}\.\d{4}\b/g), `German dates on ${what}`).toBeNull();
				expect(await scrollsSideways(p), `${what} scrolls sideways`).toBe(false);
				expect(await smallTouchTargets(p), `small targets on ${what}`).toEqual([]);
				expect(await seriousA11yViolations(p), `axe on ${what}`).toEqual([]);
			};

			// Signed out: the sign-in page, in the chosen language.
			const signedOut = await openFreshPage();
			await signedOut.setViewportSize({ width: 360, height: 740 });
			await signedOut.goto('/login');
			await chooseLanguage(signedOut, name);
			await check(signedOut, '/login');

			// A new member (who sees the action page's forms too) picks the language once.
			const person = await createUser({ role: 'member', label: `lang-${locale}` });
			await page.goto('/login');
			await page.getByLabel('E-Mail').fill(person.email);
			await page.getByLabel('Passwort', { exact: true }).fill(person.password);
			await page.getByRole('button', { name: 'Anmelden' }).click();
			await expect(page).toHaveURL(/\/boards\/1$/);
			await waitForHydration(page);
			await chooseLanguage(page, name);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);

			await page.goto('/upcoming');
			await check(page, '/upcoming');
			const action = await page.locator('main a[href^="/actions/"]').first().getAttribute('href');
			await page.goto('/ideas');
			await check(page, '/ideas');
			const idea = await page.locator('main a[href^="/ideas/"]').first().getAttribute('href');
			for (const path of [action!, idea!, '/ideas/new', '/notifications', '/settings']) {
				await page.goto(path);
				await check(page, path);
			}
		});
	});
}

test('the language picker names each language in its own words and marks Easy German as an extra', async ({
	page
}) => {
	await page.goto('/login');
	const picker = page.locator('details.language-switch');
	for (const [locale, name, lang] of [
		['de', 'Deutsch', 'de'],
		['en', 'English', 'en'],
		['fr', 'Français', 'fr'],
		['nl', 'Nederlands', 'nl'],
		['de-x-ls', 'Leichte Sprache', 'de']
	] as const) {
		const button = picker.locator(`button[value="${locale}"]`);
		await expect(button).toHaveText(name);
		await expect(button).toHaveAttribute('lang', lang);
	}
	await expect(picker).toContainText('Zusatzangebot');
	await chooseLanguage(page, 'Leichte Sprache');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de-x-ls');
	await expect(page.locator('summary', { hasText: 'Leichte Sprache' })).toBeVisible();
});

test('POST /language takes each language and the page follows it', async ({ page }) => {
	for (const [locale, heading] of [
		['fr', 'Se connecter'],
		['nl', 'Inloggen'],
		['en', 'Sign in'],
		['de', 'Anmelden']
	] as const) {
		const response = await page.request.post('/language', {
			form: { locale, redirectTo: '/login' },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
	}
});

test('the accessibility statement is linked from the foot of every page and read without signing in', async ({
	page,
	signInAs
}) => {
	await page.goto('/login');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Barrierefreiheit' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Erklärung zur Barrierefreiheit'
	);
	for (const heading of [
		'Was wir prüfen',
		'Was noch nicht barrierefrei ist',
		'Eine Barriere melden'
	])
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	expect(await seriousA11yViolations(page)).toEqual([]);

	await chooseLanguage(page, 'Leichte Sprache');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Barriere-Freiheit');
	await expect(page.getByText('Prüf-Leser haben die Texte noch nicht gelesen.')).toBeVisible();
	await chooseLanguage(page, 'Deutsch');

	await signInAs('staff');
	await page.goto('/upcoming');
	await expect(
		page.getByRole('contentinfo').getByRole('link', { name: 'Barrierefreiheit' })
	).toHaveAttribute('href', '/accessibility');
});
