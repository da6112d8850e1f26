import { demoAccount, expect, seriousA11yViolations, signInByRequest, test } from './fixtures';

interface ApiAction {
	id: number;
	title: string;
	dimension: 'ecological' | 'economic' | 'social';
	status: string;
	progress: number;
}

test.describe('the roadmap', () => {
	test('a leader lands on the roadmap; it names the dimensions, shows what is running and counts what the board holds', async ({
		page,
		signInAs,
		playwright,
		baseURL
	}) => {
		// A running action of this test's own, due today: "next up" lists only the first few, by
		// due date, so whatever else the board holds, this one belongs near the top.
		const member = await playwright.request.newContext({ baseURL });
		await signInByRequest(member, demoAccount('member'));
		const today = new Date().toLocaleDateString('sv-SE');
		const created = await member.post('/api/boards/1/actions', {
			data: {
				title: `Läuft heute ${Math.random().toString(36).slice(2, 8)}`,
				dimension: 'social',
				horizon: 'short',
				status: 'in_progress',
				dueDate: today
			}
		});
		expect(created.status()).toBe(201);
		const running = (await created.json()) as ApiAction;
		await member.dispose();

		await signInAs('leader');
		await page.goto('/');
		await expect(page).toHaveURL(/\/roadmap$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Fahrplan');

		const board = (await (await page.request.get('/api/boards/1')).json()) as {
			actions: ApiAction[];
		};
		for (const [dimension, name] of [
			['ecological', 'Ökologisch'],
			['economic', 'Ökonomisch'],
			['social', 'Sozial']
		] as const) {
			const summary = page.getByRole('article', { name });
			await expect(summary).toBeVisible();
			const mine = board.actions.filter((a) => a.dimension === dimension);
			const count = (status: string) => mine.filter((a) => a.status === status).length;
			await expect(summary).toContainText(`${mine.length} Maßnahmen`);
			await expect(summary).toContainText(`${count('done')} erledigt`);
			await expect(summary).toContainText(`${count('in_progress')} laufen`);
			await expect(summary).toContainText(`${count('planned')} geplant`);
		}

		const nextUp = page.getByRole('region', { name: 'Als Nächstes' });
		await expect(nextUp.getByRole('link', { name: running.title, exact: true })).toBeVisible();
	});

	test('filtering by dimension shows only that dimension', async ({ page, signInAs }) => {
		await signInAs('leader');
		await page.goto('/roadmap');
		await page.getByRole('link', { name: 'Sozial', exact: true }).click();
		await expect(page).toHaveURL(/dimension=social/);
		await expect(page.getByRole('article')).toHaveCount(1);
		await expect(page.getByRole('article', { name: 'Sozial' })).toBeVisible();
	});

	test('prints as a clean A4 landscape page without navigation, with the date', async ({
		page,
		signInAs
	}) => {
		await signInAs('leader');
		await page.goto('/roadmap');
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeHidden();
		await expect(page.getByRole('button', { name: 'Drucken / als PDF' })).toBeHidden();
		await expect(page.getByText(/^Stand: /)).toBeVisible();
		const shot = await page.screenshot({ fullPage: true });
		await test.info().attach('roadmap-print.png', { body: shot, contentType: 'image/png' });
		expect(shot.byteLength).toBeGreaterThan(10_000);

		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
		expect(box).not.toBeNull();
		const [width, height] = [Number(box![1]), Number(box![2])];
		// A4 landscape is 842 × 595 points.
		expect(Math.round(width)).toBe(842);
		expect(Math.round(height)).toBe(595);
	});

	test('has no serious accessibility problems', async ({ page, signInAs }) => {
		await signInAs('leader');
		await page.goto('/roadmap');
		expect(await seriousA11yViolations(page)).toEqual([]);
	});
});

test.describe('the frame', () => {
	test('a leader sets what the horizons mean and a goal; board and roadmap show them', async ({
		page,
		signInAs
	}) => {
		await signInAs('leader');
		await page.goto('/roadmap');
		await page.getByRole('link', { name: 'Rahmen bearbeiten' }).click();
		const goal = `Klimaneutral bis 2035 ${Date.now()}`;
		await page
			.getByRole('group', { name: 'Ziele je Dimension (optional)' })
			.getByLabel('Ökologisch')
			.fill(goal);
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page).toHaveURL(/\/roadmap/);
		await expect(page.getByText(goal)).toBeVisible();
		await page.goto('/boards/1');
		await expect(page.getByText(goal)).toBeVisible();
	});

	test('an empty board name is refused and nothing else is lost', async ({ page, signInAs }) => {
		await signInAs('admin');
		await page.goto('/boards/1/frame');
		await page.getByLabel('Name des Boards').fill('');
		await page.getByLabel('kurzfristig', { exact: true }).fill('bis 3 Monate');
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page.getByText('Bitte ausfüllen.')).toBeVisible();
		await expect(page.getByLabel('kurzfristig', { exact: true })).toHaveValue('bis 3 Monate');
	});

	test('a leader sets after how many quiet days each horizon reminds', async ({
		page,
		signInAs
	}) => {
		await signInAs('leader');
		await page.goto('/boards/1/frame');
		const reminders = page.getByRole('group', { name: 'Erinnerung bei fehlendem Fortschritt' });
		await expect(reminders).toHaveAccessibleDescription(/Geplante Maßnahmen erinnern nicht/);
		await reminders.getByLabel('kurzfristig: Tage ohne Fortschritt').fill('14');
		await reminders.getByLabel('mittelfristig: Tage ohne Fortschritt').fill('45');
		await reminders.getByLabel('langfristig: Tage ohne Fortschritt').fill('120');
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page).toHaveURL(/\/roadmap/);
		const { board } = await (await page.request.get('/api/boards/1')).json();
		expect(board.quietDays).toEqual({ short: 14, medium: 45, long: 120 });
		await page.goto('/boards/1/frame');
		await expect(page.getByLabel('mittelfristig: Tage ohne Fortschritt')).toHaveValue('45');
	});

	test('quiet days outside 1 to 3650 are refused, and what was typed stays', async ({
		page,
		signInAs
	}) => {
		await signInAs('admin');
		await page.goto('/boards/1/frame');
		const before = (await (await page.request.get('/api/boards/1')).json()).board;
		await page.getByLabel('kurzfristig: Tage ohne Fortschritt').fill('0');
		await page.getByLabel('mittelfristig: Tage ohne Fortschritt').fill('4000');
		await page.getByLabel('langfristig: Tage ohne Fortschritt').fill('');
		await page.getByLabel('kurzfristig', { exact: true }).fill('bis 4 Monate');
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page.getByText('Bitte prüfen Sie die markierten Felder.')).toBeVisible();
		await expect(page.getByLabel('kurzfristig: Tage ohne Fortschritt')).toHaveAccessibleDescription(
			'Bitte mindestens 1.'
		);
		await expect(
			page.getByLabel('mittelfristig: Tage ohne Fortschritt')
		).toHaveAccessibleDescription('Bitte höchstens 3.650.');
		await expect(page.getByLabel('langfristig: Tage ohne Fortschritt')).toHaveAccessibleDescription(
			'Bitte ausfüllen.'
		);
		await expect(page.getByLabel('mittelfristig: Tage ohne Fortschritt')).toHaveValue('4000');
		await expect(page.getByLabel('kurzfristig', { exact: true })).toHaveValue('bis 4 Monate');
		const after = (await (await page.request.get('/api/boards/1')).json()).board;
		expect(after).toEqual(before);
	});

	for (const role of ['member', 'staff'] as const) {
		test(`a ${role} cannot edit the frame, whatever they post`, async ({ page, signInAs }) => {
			await signInAs(role);
			await page.goto('/roadmap');
			await expect(page.getByRole('link', { name: 'Rahmen bearbeiten' })).toHaveCount(0);
			const response = await page.goto('/boards/1/frame');
			expect(response?.status()).toBe(403);
			const post = await page.request.post('/boards/1/frame', {
				form: { name: 'Übernommen', description: '', version: '1' },
				headers: { accept: 'text/html' }
			});
			expect(post.status()).toBe(403);
			const board = await (await page.request.get('/api/boards/1')).json();
			expect(board.board.name).not.toBe('Übernommen');
		});
	}

	test('staff cannot reach the admin pages', async ({ page, signInAs }) => {
		await signInAs('staff');
		const response = await page.goto('/admin/users');
		expect(response?.status()).toBe(403);
	});
});

test.describe('the frame without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the quiet days are set with a plain form, and a bad one comes back with its error', async ({
		page,
		signInAs
	}) => {
		await signInAs('leader');
		await page.goto('/boards/1/frame');
		await page.getByLabel('kurzfristig: Tage ohne Fortschritt').fill('21');
		await page.getByLabel('langfristig: Tage ohne Fortschritt').fill('0');
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page.getByLabel('langfristig: Tage ohne Fortschritt')).toHaveAccessibleDescription(
			/Bitte/
		);
		await expect(page.getByLabel('kurzfristig: Tage ohne Fortschritt')).toHaveValue('21');
		await page.getByLabel('langfristig: Tage ohne Fortschritt').fill('365');
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page).toHaveURL(/\/roadmap/);
		const { board } = await (await page.request.get('/api/boards/1')).json();
		expect(board.quietDays).toMatchObject({ short: 21, long: 365 });
	});
});
