// Ideas where people meet them outside /ideas: their own and their colleagues' on "what comes
// next", the participation counts on the roadmap, and an action's origin on its page.
import type { Locator, Page } from '@playwright/test';
import { workshopSource } from '../src/lib/ideas/workshop';
import { openDatabase, type Db } from '../src/lib/server/db';
import { createAction } from '../src/lib/server/domain/create-action';
import { decideIdea, proposeIdea, supportIdea } from '../src/lib/server/domain/idea-changes';
import {
	ideaStateInput,
	proposeIdeaInput,
	type IdeaDecision
} from '../src/lib/server/domain/idea-input';
import { findUserByEmail } from '../src/lib/server/domain/users';
import {
	demoAccount,
	expect,
	signInByRequest,
	test,
	type Account,
	type WorkerServer
} from './fixtures';

/**
 * Runs `work` on the worker server's own database, through the same domain functions the app
 * uses (the ideas' routes are not what these tests are about).
 */
function onDatabase<T>(server: WorkerServer, work: (db: Db, ideas: IdeaMaker) => T): T {
	const db = openDatabase(server.databasePath);
	try {
		return work(db, ideaMaker(db));
	} finally {
		db.$client.close();
	}
}

type IdeaMaker = ReturnType<typeof ideaMaker>;

function ideaMaker(db: Db) {
	const person = (email: string) => {
		const user = findUserByEmail(db, email);
		if (!user) throw new Error(`No user ${email}`);
		return user;
	};
	const member = person(demoAccount('member').email);
	return {
		person,
		propose: (by: Pick<Account, 'email'>, title: string, extra: Record<string, unknown> = {}) =>
			proposeIdea(db, person(by.email), proposeIdeaInput.parse({ title, ...extra })),
		fromWorkshop: (source: string, title: string) =>
			proposeIdea(db, member, proposeIdeaInput.parse({ title }), { source }),
		support: (by: Pick<Account, 'email'>, id: number) => supportIdea(db, person(by.email), id),
		decide: (id: number, input: Record<string, unknown>) =>
			decideIdea(db, member, id, ideaStateInput.parse(input) as IdeaDecision),
		newAction: (title: string) =>
			createAction(db, member, 1, { title, dimension: 'economic', horizon: 'medium' })
	};
}

const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

/** The numbers of a row of the roadmap's idea table, by its heading. */
async function counts(table: Locator, row: string) {
	const cells = table.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell');
	return (await cells.allTextContents()).map((t) => Number(t.trim()));
}

async function documentWidth(page: Page) {
	return page.evaluate(() => document.documentElement.scrollWidth);
}

test.describe('ideas elsewhere in the app', () => {
	test('without ideas of their own, a staff member is invited to propose one; then sees theirs, newest first, with state and supporters', async ({
		page,
		createUser,
		workerServer
	}) => {
		const person = await createUser({ role: 'staff', label: 'own-ideas' });
		const colleague = await createUser({ role: 'staff', label: 'own-ideas-colleague' });
		await signInByRequest(page.request, person);
		await page.goto('/upcoming');
		await expect(page.getByRole('heading', { name: 'Ihre Ideen' })).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'Haben Sie eine Idee?' })).toHaveAttribute(
			'href',
			'/ideas'
		);

		const [older, newer] = onDatabase(workerServer, (_, ideas) => {
			const older = ideas.propose(person, unique('Regionales Obst im Büro'));
			const newer = ideas.propose(person, unique('Licht aus am Abend'), { showName: false });
			ideas.support(colleague, older.id);
			ideas.decide(older.id, { state: 'declined', reason: 'Zu teuer', version: 1 });
			return [older, newer];
		});

		await page.goto('/upcoming');
		const own = page.getByRole('region', { name: 'Ihre Ideen' });
		await expect(own.getByRole('listitem')).toHaveCount(2);
		await expect(own.getByRole('listitem').first()).toContainText(newer.title);
		await expect(own.getByRole('listitem').first()).toContainText(
			'Eingereicht · Noch keine Unterstützung'
		);
		await expect(own.getByRole('listitem').nth(1)).toContainText(
			'Abgelehnt, mit Begründung · 1 Person unterstützt das'
		);
		await expect(own.getByRole('link', { name: older.title })).toHaveAttribute(
			'href',
			`/ideas/${older.id}`
		);
		await expect(page.getByRole('link', { name: 'Haben Sie eine Idee?' })).toHaveCount(0);
		// Their own ideas are no news to them.
		const fresh = page.getByRole('region', { name: 'Neue Ideen aus dem Team' });
		await expect(fresh.getByRole('link', { name: newer.title })).toHaveCount(0);
	});

	test("colleagues' newest open ideas show a name only where its owner allowed it, workshop ideas their label", async ({
		page,
		createUser,
		workerServer
	}) => {
		const viewer = await createUser({ role: 'staff', label: 'viewer' });
		const named = await createUser({ role: 'staff', label: 'named' });
		const shy = await createUser({ role: 'staff', label: 'shy' });
		const workshop = unique('Herbst');
		const [fromNamed, fromShy, fromWorkshop] = onDatabase(workerServer, (_, ideas) => {
			const fromNamed = ideas.propose(named, unique('Mehrweg in der Kantine'));
			ideas.support(viewer, fromNamed.id);
			ideas.support(shy, fromNamed.id);
			const fromShy = ideas.propose(shy, unique('Treppe statt Aufzug'), { showName: false });
			const fromWorkshop = ideas.fromWorkshop(
				workshopSource(workshop, '2026-10-14'),
				unique('Tauschregal im Flur')
			);
			return [fromNamed, fromShy, fromWorkshop];
		});

		await signInByRequest(page.request, viewer);
		await page.goto('/upcoming');
		const fresh = page.getByRole('region', { name: 'Neue Ideen aus dem Team' });
		const item = (title: string) => fresh.getByRole('listitem').filter({ hasText: title });
		await expect(item(fromNamed.title)).toContainText(
			`von ${named.name} · 2 Personen unterstützen das`
		);
		await expect(item(fromShy.title)).toContainText(
			'von einer Kollegin oder einem Kollegen · Noch keine Unterstützung'
		);
		await expect(item(fromWorkshop.title)).toContainText(`von Workshop ${workshop}, 14.10.2026`);
		await expect(fresh.getByText(shy.name)).toHaveCount(0);
		await expect(fresh.getByRole('link', { name: fromShy.title })).toHaveAttribute(
			'href',
			`/ideas/${fromShy.id}`
		);
		// Newest first.
		await expect(fresh.getByRole('listitem').first()).toContainText(fromWorkshop.title);
		await expect(fresh.getByRole('link', { name: 'Alle Ideen' })).toHaveAttribute('href', '/ideas');
	});

	test('the roadmap counts ideas received, accepted and turned into actions per dimension', async ({
		page,
		signInAs,
		createUser,
		workerServer
	}) => {
		const proposer = await createUser({ role: 'staff', label: 'roadmap-ideas' });
		await signInAs('leader');
		await page.goto('/roadmap');
		const table = page.getByRole('table', { name: 'Ideen nach Dimension' });
		// Long labels may break at their soft hyphens on a phone.
		const headers = await table.getByRole('columnheader').allTextContents();
		expect(headers.map((h) => h.replaceAll('\u00ad', '').trim())).toEqual([
			'Dimension',
			'Ideen',
			'Angenommen',
			'Jetzt Maßnahme'
		]);
		await expect(table.getByRole('rowheader')).toHaveText([
			'Ökologisch',
			'Ökonomisch',
			'Sozial',
			'Ohne Angabe',
			'Zusammen'
		]);
		const before = {
			ecological: await counts(table, 'Ökologisch'),
			none: await counts(table, 'Ohne Angabe'),
			total: await counts(table, 'Zusammen')
		};

		onDatabase(workerServer, (_, ideas) => {
			ideas.propose(proposer, unique('Blühwiese'), { dimension: 'ecological' });
			const accepted = ideas.propose(proposer, unique('Ohne Dimension'));
			ideas.decide(accepted.id, {
				state: 'accepted',
				dimension: 'social',
				horizon: 'short',
				version: 1
			});
		});

		await page.reload();
		const plus = (row: number[], add: number[]) => row.map((n, i) => n + add[i]);
		expect(await counts(table, 'Ökologisch')).toEqual(plus(before.ecological, [1, 0, 0]));
		expect(await counts(table, 'Ohne Angabe')).toEqual(plus(before.none, [1, 1, 1]));
		expect(await counts(table, 'Zusammen')).toEqual(plus(before.total, [2, 1, 1]));
	});

	test('an action names the ideas it came from, each linked, with its supporters; its JSON stays as it was', async ({
		page,
		signInAs,
		createUser,
		workerServer
	}) => {
		const named = await createUser({ role: 'staff', label: 'origin-named' });
		const shy = await createUser({ role: 'staff', label: 'origin-shy' });
		const { action, first, second, plain } = onDatabase(workerServer, (_, ideas) => {
			const action = ideas.newAction(unique('Secondhand zuerst'));
			const plain = ideas.newAction(unique('Ohne Idee'));
			const first = ideas.propose(named, unique('Gebraucht kaufen'));
			ideas.support(shy, first.id);
			const second = ideas.propose(shy, unique('Erst leihen'), { showName: false });
			ideas.decide(first.id, { state: 'accepted', actionId: action.id, version: 1 });
			ideas.decide(second.id, { state: 'accepted', actionId: action.id, version: 1 });
			return { action, first, second, plain };
		});

		await signInAs('staff');
		await page.goto(`/actions/${action.id}`);
		const byNamed = page.getByRole('link', { name: `Aus einer Idee von ${named.name}` });
		await expect(byNamed).toHaveAttribute('href', `/ideas/${first.id}`);
		await expect(page.getByRole('listitem').filter({ has: byNamed })).toHaveText(
			`Aus einer Idee von ${named.name}, 1 Person unterstützt das`
		);
		const byShy = page.getByRole('link', { name: 'Aus einer Idee aus dem Team' });
		await expect(byShy).toHaveAttribute('href', `/ideas/${second.id}`);
		await expect(page.getByRole('listitem').filter({ has: byShy })).toHaveText(
			'Aus einer Idee aus dem Team'
		);
		await expect(page.getByRole('main').getByText(shy.name)).toHaveCount(0);

		const json = (await (await page.request.get(`/api/actions/${action.id}`)).json()) as object;
		expect(Object.keys(json)).not.toContain('ideas');

		await page.goto(`/actions/${plain.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain.title);
		await expect(page.getByText(/^Aus einer Idee/)).toHaveCount(0);
	});

	test.describe('on a 360 px wide phone', () => {
		test.use({ viewport: { width: 360, height: 740 } });

		test('the idea boxes come after what comes next, and the idea table fits', async ({
			page,
			signInAs
		}) => {
			await signInAs('staff');
			await page.goto('/upcoming');
			const planned = page.getByRole('heading', { name: 'Als Nächstes geplant' });
			const ideas = page.getByRole('heading', { name: 'Neue Ideen aus dem Team' });
			const y = async (l: Locator) => (await l.boundingBox())!.y;
			expect(await y(ideas)).toBeGreaterThan(await y(planned));
			expect(await documentWidth(page)).toBeLessThanOrEqual(360);

			await page.goto('/roadmap');
			await expect(page.getByRole('table', { name: 'Ideen nach Dimension' })).toBeVisible();
			expect(await documentWidth(page)).toBeLessThanOrEqual(360);
		});
	});
});
