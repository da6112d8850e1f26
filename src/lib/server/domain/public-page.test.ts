import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { listActionHistory } from './action-history';
import { archiveAction } from './archive-action';
import { createBoard } from './boards';
import { createAction } from './create-action';
import { DomainError } from './errors';
import { can } from './permissions';
import { publicityFormInput, publicityJsonInput } from './public-page-input';
import {
	actionPublicity,
	boardOfPublicToken,
	listActionPublicity,
	publicPageSettings,
	publicView,
	renewPublicToken,
	setActionPublicity,
	setPublicOwnerNames,
	turnPublicPageOff,
	turnPublicPageOn
} from './public-page';

async function setup() {
	const db = createTestDb();
	const member = await makeUser(db, { role: 'member', name: 'Lena Voigt' });
	const board = createBoard(db, { name: 'Nachhaltigkeitsstrategie 2026–2030' });
	const make = (title: string, extra: Partial<Parameters<typeof createAction>[3]> = {}) =>
		createAction(db, member, board.id, {
			title,
			dimension: 'ecological',
			horizon: 'short',
			description: `Interne Notiz zu ${title}`,
			owners: [member.id],
			...extra
		});
	const publish = (id: number, descriptionPublic = false) => {
		const version = getVersion(id);
		return setActionPublicity(db, member, id, { isPublic: true, descriptionPublic, version });
	};
	const getVersion = (id: number) =>
		db.$client.prepare('select version from actions where id = ?').pluck().get(id) as number;
	return { db, member, board, make, publish };
}

function code(fn: () => unknown) {
	try {
		fn();
	} catch (err) {
		return err instanceof DomainError ? err.code : String(err);
	}
	return 'no error';
}

describe('the public page', () => {
	it('is off by default and has no link until it is first turned on', async () => {
		const { db, board } = await setup();
		expect(publicPageSettings(db, board.id)).toEqual({
			enabled: false,
			token: null,
			ownerNames: false
		});
		const on = turnPublicPageOn(db, board.id);
		expect(on.enabled).toBe(true);
		expect(on.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(boardOfPublicToken(db, on.token!)?.id).toBe(board.id);
		// Off and on again keeps the link.
		turnPublicPageOff(db, board.id);
		expect(boardOfPublicToken(db, on.token!)).toBeUndefined();
		expect(turnPublicPageOn(db, board.id).token).toBe(on.token);
	});

	it('finds nothing for unknown or malformed links', async () => {
		const { db, board } = await setup();
		const { token } = turnPublicPageOn(db, board.id);
		for (const wrong of ['', 'x', `${token}x`, token!.slice(1), 'A'.repeat(43), '../../etc']) {
			expect(boardOfPublicToken(db, wrong)).toBeUndefined();
		}
	});

	it('retires the old link at once when it is renewed', async () => {
		const { db, board } = await setup();
		const old = turnPublicPageOn(db, board.id).token!;
		const renewed = renewPublicToken(db, board.id).token!;
		expect(renewed).not.toBe(old);
		expect(boardOfPublicToken(db, old)).toBeUndefined();
		expect(boardOfPublicToken(db, renewed)?.id).toBe(board.id);
	});

	it('shows only live actions marked public, with the board and its frame', async () => {
		const { db, board, member, make, publish } = await setup();
		const shown = make('Photovoltaik auf dem Dach', { dueDate: '2027-03-31' });
		make('Interne Maßnahme');
		const archived = make('Archivierte Maßnahme');
		publish(shown.id);
		const gone = publish(archived.id);
		archiveAction(db, member, archived.id, gone.version);
		const view = publicView(db, publicBoard(db, board.id));
		expect(view.board.name).toBe('Nachhaltigkeitsstrategie 2026–2030');
		expect(view.board.horizons.short).toBe('bis 6 Monate');
		expect(view.actions.map((a) => a.title)).toEqual(['Photovoltaik auf dem Dach']);
		expect(view.actions[0]).toMatchObject({
			dimension: 'ecological',
			horizon: 'short',
			status: 'planned',
			progress: 0,
			dueDate: '2027-03-31',
			startDate: null
		});
	});

	it('never shows an internal description, and a shareable one only when marked', async () => {
		const { db, board, make, publish } = await setup();
		publish(make('Ohne Freigabe').id, false);
		publish(make('Mit Freigabe').id, true);
		const view = publicView(db, publicBoard(db, board.id));
		const byTitle = new Map(view.actions.map((a) => [a.title, a]));
		expect(byTitle.get('Ohne Freigabe')!.description).toBeNull();
		expect(byTitle.get('Mit Freigabe')!.description).toBe('Interne Notiz zu Mit Freigabe');
		expect(JSON.stringify(view)).not.toContain('Interne Notiz zu Ohne Freigabe');
	});

	it("shows owners' names only when the organisation allows it, never e-mail addresses", async () => {
		const { db, board, member, make, publish } = await setup();
		publish(make('Jobrad für alle').id);
		const hidden = publicView(db, publicBoard(db, board.id));
		expect(hidden.ownerNames).toBe(false);
		expect(hidden.actions[0]).not.toHaveProperty('owners');
		expect(JSON.stringify(hidden)).not.toContain('Lena Voigt');

		setPublicOwnerNames(db, board.id, true);
		const named = publicView(db, publicBoard(db, board.id));
		expect(named.ownerNames).toBe(true);
		expect(named.actions[0].owners).toEqual(['Lena Voigt']);
		expect(JSON.stringify(named)).not.toContain(member.email);
	});

	it('orders the actions by horizon, then dimension, then place in the cell', async () => {
		const { db, board, make, publish } = await setup();
		const ids = [
			make('Sozial lang', { dimension: 'social', horizon: 'long' }),
			make('Ökologisch mittel', { dimension: 'ecological', horizon: 'medium' }),
			make('Ökonomisch kurz', { dimension: 'economic', horizon: 'short' }),
			make('Ökologisch kurz', { dimension: 'ecological', horizon: 'short' })
		].map((a) => a.id);
		for (const id of ids) publish(id);
		expect(publicView(db, publicBoard(db, board.id)).actions.map((a) => a.title)).toEqual([
			'Ökologisch kurz',
			'Ökonomisch kurz',
			'Ökologisch mittel',
			'Sozial lang'
		]);
		expect(listActionPublicity(db, board.id).map((a) => a.title)).toEqual([
			'Ökologisch kurz',
			'Ökonomisch kurz',
			'Ökologisch mittel',
			'Sozial lang'
		]);
	});
});

describe("an action's public flags", () => {
	it('are an edit: the version grows and the history tells of it', async () => {
		const { db, member, make } = await setup();
		const action = make('Regionale Lieferanten');
		const after = setActionPublicity(db, member, action.id, {
			isPublic: true,
			descriptionPublic: false,
			version: action.version
		});
		expect(after.version).toBe(action.version + 1);
		expect(actionPublicity(db, action.id)).toEqual({ isPublic: true, descriptionPublic: false });
		const history = listActionHistory(db, action.id);
		expect(history.some((h) => h.type === 'publicity_changed')).toBe(true);
		// Nothing changed: no new version, no history entry.
		const same = setActionPublicity(db, member, action.id, {
			isPublic: true,
			descriptionPublic: false,
			version: after.version
		});
		expect(same.version).toBe(after.version);
	});

	it('keep a flag that is left out (as the JSON API may)', async () => {
		const { db, member, make } = await setup();
		const action = make('Regionale Lieferanten');
		const both = setActionPublicity(db, member, action.id, {
			isPublic: true,
			descriptionPublic: true,
			version: action.version
		});
		setActionPublicity(db, member, action.id, { isPublic: false, version: both.version });
		expect(actionPublicity(db, action.id)).toEqual({ isPublic: false, descriptionPublic: true });
	});

	it('refuse a stale version and archived actions', async () => {
		const { db, member, make } = await setup();
		const action = make('Regionale Lieferanten');
		const input = { isPublic: true, descriptionPublic: true, version: action.version + 5 };
		expect(code(() => setActionPublicity(db, member, action.id, input))).toBe('conflict');
		archiveAction(db, member, action.id, action.version);
		expect(
			code(() =>
				setActionPublicity(db, member, action.id, { ...input, version: action.version + 1 })
			)
		).toBe('archived');
		expect(code(() => setActionPublicity(db, member, 999, input))).toBe('not_found');
	});

	it('read unticked boxes as "no"', () => {
		expect(publicityFormInput.parse({ version: '3' })).toEqual({
			isPublic: false,
			descriptionPublic: false,
			version: 3
		});
		expect(publicityFormInput.parse({ isPublic: 'on', version: '3' }).isPublic).toBe(true);
		expect(publicityFormInput.safeParse({ isPublic: 'ja', version: '3' }).success).toBe(false);
		expect(publicityFormInput.safeParse({ isPublic: ['on', 'on'], version: '3' }).success).toBe(
			false
		);
		// JSON takes JSON booleans only.
		expect(publicityJsonInput.safeParse({ isPublic: 'true', version: 3 }).success).toBe(false);
		expect(publicityJsonInput.parse({ version: 3 })).toEqual({ version: 3 });
	});
});

describe('who may', () => {
	it('switch the page: admins only; the flags: whoever edits actions', () => {
		expect(
			['admin', 'member', 'leader', 'staff'].filter((r) => can(r as never, 'managePublicPage'))
		).toEqual(['admin']);
		expect(can('member', 'writeActions')).toBe(true);
		expect(can('leader', 'writeActions')).toBe(false);
	});
});

/** The board with its page on, as the public routes find it. */
function publicBoard(db: ReturnType<typeof createTestDb>, boardId: number) {
	const { token } = turnPublicPageOn(db, boardId);
	return boardOfPublicToken(db, token!)!;
}
