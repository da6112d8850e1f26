import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { archiveAction } from './archive-action';
import { createBoard } from './boards';
import { createAction } from './create-action';
import { createGoal } from './goals';
import {
	codesOfAction,
	codesOfGoal,
	listFrameworkCodes,
	ownTag,
	setActionCodes,
	setGoalCodes
} from './framework-codes';

async function setup() {
	const db = createTestDb();
	const actor = await makeUser(db, { role: 'member' });
	const board = createBoard(db, { name: 'Nachhaltigkeit' });
	const action = createAction(db, actor, board.id, {
		title: 'Ökostrom beziehen',
		dimension: 'ecological',
		horizon: 'short'
	});
	return { db, actor, board, action };
}

describe('framework codes', () => {
	it('lists the DNK criteria, then the SDGs, then own tags, titled in the reader language', async () => {
		const { db, actor } = await setup();
		ownTag(db, actor, 'Inklusion');
		const de = listFrameworkCodes(db, 'de');
		expect(de.map((c) => c.framework).filter((f, i, all) => all.indexOf(f) === i)).toEqual([
			'dnk',
			'sdg',
			'own'
		]);
		expect(de.find((c) => c.framework === 'dnk' && c.code === 13)?.title).toBe(
			'Klimarelevante Emissionen'
		);
		expect(
			listFrameworkCodes(db, 'en').find((c) => c.framework === 'dnk' && c.code === 13)?.title
		).toBe('Climate-relevant emissions');
		expect(de.at(-1)).toEqual({ framework: 'own', code: 1, title: 'Inklusion' });
	});

	it('tags an action with exactly the codes given, each once', async () => {
		const { db, actor, action } = await setup();
		setActionCodes(db, actor, action.id, [
			{ framework: 'sdg', code: 7 },
			{ framework: 'dnk', code: 13 },
			{ framework: 'sdg', code: 7 }
		]);
		expect(codesOfAction(db, action.id)).toEqual([
			{ framework: 'dnk', code: 13 },
			{ framework: 'sdg', code: 7 }
		]);
		setActionCodes(db, actor, action.id, [{ framework: 'dnk', code: 1 }]);
		expect(codesOfAction(db, action.id)).toEqual([{ framework: 'dnk', code: 1 }]);
	});

	it('refuses unknown codes and changes nothing then', async () => {
		const { db, actor, action } = await setup();
		setActionCodes(db, actor, action.id, [{ framework: 'dnk', code: 2 }]);
		expect(() =>
			setActionCodes(db, actor, action.id, [
				{ framework: 'dnk', code: 3 },
				{ framework: 'dnk', code: 21 }
			])
		).toThrow('unknown_code');
		expect(codesOfAction(db, action.id)).toEqual([{ framework: 'dnk', code: 2 }]);
	});

	it('leaves archived actions as they were', async () => {
		const { db, actor, action } = await setup();
		archiveAction(db, actor, action.id, action.version);
		expect(() => setActionCodes(db, actor, action.id, [{ framework: 'dnk', code: 2 }])).toThrow(
			'archived'
		);
	});

	it('tags goals too', async () => {
		const { db, actor, board } = await setup();
		const goal = createGoal(db, actor, board.id, {
			dimension: 'ecological',
			name: 'Weniger CO₂',
			unit: 't',
			baselineValue: 100,
			baselineYear: 2024,
			targetValue: 60,
			targetYear: 2030,
			direction: 'down'
		});
		setGoalCodes(db, actor, goal.id, [{ framework: 'sdg', code: 13 }]);
		expect(codesOfGoal(db, goal.id)).toEqual([{ framework: 'sdg', code: 13 }]);
		expect(() => setGoalCodes(db, actor, 999, [])).toThrow('not_found');
	});

	it('makes an own tag once, whatever the capitals', async () => {
		const { db, actor } = await setup();
		const first = ownTag(db, actor, 'Inklusion');
		expect(ownTag(db, actor, 'INKLUSION')).toEqual(first);
		expect(ownTag(db, actor, 'Ehrenamt')).toEqual({ framework: 'own', code: 2 });
	});
});
