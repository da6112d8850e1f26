// Ideas from a workshop on paper: a member enters many at once — one per line, or CSV typed in or
// uploaded — attributed to the workshop; one bad line stores nothing and keeps what was typed.
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from './fixtures';

const DATE = '2026-03-14';

/** A workshop name no other test (or earlier run) uses. */
const uniqueWorkshop = (label: string) =>
	`${label} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

interface StoredIdea {
	title: string;
	text: string;
	dimension: string | null;
	proposerId: number | null;
	state: string;
}

/** The ideas of a workshop as the database holds them, read beside the running server. */
function ideasOf(databasePath: string, name: string): StoredIdea[] {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		return db
			.prepare(
				`SELECT title, text, dimension, proposer_id AS proposerId, state
				 FROM ideas WHERE proposer_name = ? ORDER BY id`
			)
			.all(`${name}, ${DATE}`) as StoredIdea[];
	} finally {
		db.close();
	}
}

async function fillWorkshop(page: Page, name: string) {
	await page.getByLabel('Name des Workshops').fill(name);
	await page.getByLabel('Datum des Workshops').fill(DATE);
}

const submit = (page: Page) => page.getByRole('button', { name: 'Ideen eintragen' }).click();

test.describe('ideas from a workshop', () => {
	test('a member enters three ideas, one per line', async ({ page, signInAs, workerServer }) => {
		await signInAs('member');
		await page.goto('/ideas/workshop');
		const name = uniqueWorkshop('Zukunftswerkstatt');
		await fillWorkshop(page, name);
		await page
			.getByLabel('Ideen', { exact: true })
			.fill('Solardach\n\nJobrad für alle\nBlühwiese\n');
		await submit(page);

		await expect(page.getByRole('status')).toContainText('3 Ideen eingetragen.');
		await expect(page.getByRole('link', { name: 'Zu den Ideen' })).toHaveAttribute(
			'href',
			'/ideas'
		);
		// The form is empty for the next workshop: the same ideas never go in twice.
		await expect(page.getByLabel('Ideen', { exact: true })).toHaveValue('');
		expect(ideasOf(workerServer.databasePath, name)).toEqual([
			{ title: 'Solardach', text: '', dimension: null, proposerId: null, state: 'submitted' },
			{ title: 'Jobrad für alle', text: '', dimension: null, proposerId: null, state: 'submitted' },
			{ title: 'Blühwiese', text: '', dimension: null, proposerId: null, state: 'submitted' }
		]);
	});

	test('a bad line stores nothing and keeps everything typed', async ({
		page,
		signInAs,
		workerServer
	}) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await signInAs('member');
		await page.goto('/ideas/workshop');
		const name = uniqueWorkshop('Klausur');
		const text = `title,text,dimension\nSolardach,Auf dem Hauptgebäude,ökologisch\n${'Sehr'.repeat(60)},,\nJobrad,,grün`;
		await fillWorkshop(page, name);
		const ideas = page.getByLabel('Ideen', { exact: true });
		await ideas.fill(text);
		await submit(page);

		await expect(page.getByRole('alert')).toHaveText('Bitte prüfen Sie die markierten Felder.');
		await expect(ideas).toBeFocused();
		await expect(ideas).toHaveAccessibleDescription(/In 2 Zeilen stimmt etwas nicht/);
		await expect(ideas).toHaveAccessibleDescription(
			/Zeile 3: Titel zu lang, höchstens 200 Zeichen\./
		);
		await expect(ideas).toHaveAccessibleDescription(/Zeile 4: Die Dimension „grün“ gibt es nicht/);
		await expect(ideas).toHaveValue(text);
		await expect(page.getByLabel('Name des Workshops')).toHaveValue(name);
		await expect(page.getByLabel('Datum des Workshops')).toHaveValue(DATE);
		expect(ideasOf(workerServer.databasePath, name)).toEqual([]);
		expect(await seriousA11yViolations(page)).toEqual([]);
		// Long lines and their problems wrap: nothing scrolls sideways on a phone.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);

		// Corrected, all of them go in.
		await ideas.fill(text.replace(/(Sehr)+/, 'Sehr gut').replace('grün', 'sozial'));
		await submit(page);
		await expect(page.getByRole('status')).toContainText('3 Ideen eingetragen.');
		expect(ideasOf(workerServer.databasePath, name).map((i) => i.dimension)).toEqual([
			'ecological',
			null,
			'social'
		]);
	});

	test('a bad file comes back in the text field, to be corrected there', async ({
		page,
		signInAs,
		workerServer
	}) => {
		await signInAs('admin');
		await page.goto('/ideas/workshop');
		const name = uniqueWorkshop('Betriebsversammlung');
		await fillWorkshop(page, name);
		await page.getByLabel('Oder eine CSV-Datei wählen').setInputFiles({
			name: 'workshop.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('Titel;Dimension\r\nKantine regional;unklar\r\n')
		});
		await submit(page);

		const ideas = page.getByLabel('Ideen', { exact: true });
		await expect(ideas).toHaveValue('Titel;Dimension\nKantine regional;unklar\n');
		await expect(ideas).toHaveAccessibleDescription(/steht jetzt im Feld „Ideen“/);
		await expect(page.getByLabel('Oder eine CSV-Datei wählen')).toHaveValue('');
		expect(ideasOf(workerServer.databasePath, name)).toEqual([]);

		await ideas.fill('Titel;Dimension\nKantine regional;ökonomisch\n');
		await submit(page);
		await expect(page.getByRole('status')).toContainText('Eine Idee eingetragen.');
		expect(ideasOf(workerServer.databasePath, name).map((i) => i.dimension)).toEqual(['economic']);
	});

	test('staff cannot open the page nor send it', async ({ page, signInAs, workerServer }) => {
		await signInAs('staff');
		const response = await page.goto('/ideas/workshop');
		expect(response?.status()).toBe(403);
		const name = uniqueWorkshop('Unbefugt');
		const sent = await page.request.post('/ideas/workshop', {
			form: { name, date: DATE, ideas: 'Heimlich' },
			headers: { origin: workerServer.url, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(sent.status()).toBe(403);
		expect(ideasOf(workerServer.databasePath, name)).toEqual([]);
	});
});

test.describe('ideas from a workshop, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a CSV file from German Excel goes in', async ({ page, signInAs, workerServer }) => {
		await signInAs('member');
		await page.goto('/ideas/workshop');
		const name = uniqueWorkshop('Zukunftstag');
		await fillWorkshop(page, name);
		await page.getByLabel('Oder eine CSV-Datei wählen').setInputFiles({
			name: 'ideen.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'\ufeffTitel;Text;Dimension\r\n' +
					'Blühwiese;"Statt Rasen; mit Schild";Ökologisch\r\n' +
					';;\r\n' +
					'Sammeleinkauf;;ökonomisch\r\n' +
					'Patenschaften;"Neue und\r\nerfahrene Kolleg*innen";sozial\r\n'
			)
		});
		await submit(page);

		await expect(page).toHaveURL('/ideas/workshop?entered=3');
		await expect(page.getByRole('status')).toContainText('3 Ideen eingetragen.');
		expect(ideasOf(workerServer.databasePath, name)).toEqual([
			{
				title: 'Blühwiese',
				text: 'Statt Rasen; mit Schild',
				dimension: 'ecological',
				proposerId: null,
				state: 'submitted'
			},
			{
				title: 'Sammeleinkauf',
				text: '',
				dimension: 'economic',
				proposerId: null,
				state: 'submitted'
			},
			{
				title: 'Patenschaften',
				text: 'Neue und\nerfahrene Kolleg*innen',
				dimension: 'social',
				proposerId: null,
				state: 'submitted'
			}
		]);
	});

	test('a bad line keeps the text, and stores nothing', async ({
		page,
		signInAs,
		workerServer
	}) => {
		await signInAs('member');
		await page.goto('/ideas/workshop');
		const name = uniqueWorkshop('Teamtag');
		const text = 'title,text\nSolardach,Auf dem Dach\n,ohne Titel';
		await fillWorkshop(page, name);
		await page.getByLabel('Ideen', { exact: true }).fill(text);
		await submit(page);

		await expect(page.getByRole('alert')).toHaveText('Bitte prüfen Sie die markierten Felder.');
		await expect(page.getByText('Zeile 3: Titel fehlt.')).toBeVisible();
		await expect(page.getByLabel('Ideen', { exact: true })).toHaveValue(text);
		expect(ideasOf(workerServer.databasePath, name)).toEqual([]);
	});
});
