import { describe, expect, it } from 'vitest';
import { readMoveAnswer } from './move-client';

const saved = {
	id: 4,
	title: 'Ökostrom',
	dimension: 'ecological',
	horizon: 'short',
	position: 0,
	status: 'planned',
	progress: 0,
	owners: [],
	dueDate: null,
	version: 3
};

describe('readMoveAnswer', () => {
	it('takes a saved action', () => {
		expect(readMoveAnswer(200, saved)).toEqual({ ok: true, saved });
	});

	it('offers to try again after someone else changed the action (409 with the current one)', () => {
		const answer = readMoveAnswer(409, {
			error: {
				code: 'conflict',
				message: 'Jemand anderes hat diese Maßnahme inzwischen geändert.'
			},
			current: { ...saved, archived: false }
		});
		expect(answer).toEqual({
			ok: false,
			reason: 'Jemand anderes hat diese Maßnahme inzwischen geändert.',
			conflict: true
		});
	});

	it('does not offer to try again when the action was archived meanwhile', () => {
		const answer = readMoveAnswer(409, {
			error: { code: 'conflict', message: 'Diese Maßnahme ist archiviert.' },
			current: { ...saved, archived: true }
		});
		expect(answer).toMatchObject({ ok: false, conflict: false });
	});

	it("gives the server's reason for a refusal (403)", () => {
		const answer = readMoveAnswer(403, {
			error: { code: 'forbidden', message: 'Dafür fehlt Ihnen die Berechtigung.' }
		});
		expect(answer).toEqual({
			ok: false,
			reason: 'Dafür fehlt Ihnen die Berechtigung.',
			conflict: false
		});
	});

	it('has a reason of its own when the answer is not the API’s (a proxy page, nothing)', () => {
		for (const [status, body] of [
			[502, null],
			[500, { error: {} }],
			[200, { unexpected: true }]
		] as const) {
			const answer = readMoveAnswer(status, body);
			expect(answer.ok).toBe(false);
			if (!answer.ok) expect(answer.reason).toBe('Die Maßnahme konnte nicht verschoben werden.');
		}
	});
});
