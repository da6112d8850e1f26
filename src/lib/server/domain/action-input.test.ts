import { describe, expect, it } from 'vitest';
import {
	createActionInput,
	moveActionInput,
	progressInput,
	updateActionInput
} from './action-input';
import { formFields, translateIssues } from '../http/validation';

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
	result.error?.issues.map((i) => String(i.path[0])) ?? [];

describe('action input', () => {
	it('accepts a new action from JSON and from a form alike', () => {
		const json = createActionInput.safeParse({
			title: '  Ökostrom  ',
			dimension: 'ecological',
			horizon: 'short',
			progress: 10,
			dueDate: '2027-02-28',
			owners: [1, 2]
		});
		expect(json.data).toMatchObject({ title: 'Ökostrom', progress: 10, owners: [1, 2] });

		const data = new FormData();
		for (const [k, v] of Object.entries({
			title: 'Ökostrom',
			dimension: 'social',
			horizon: 'long',
			progress: '10',
			dueDate: ''
		}))
			data.set(k, v);
		data.append('owners', '');
		data.append('owners', '3');
		expect(createActionInput.safeParse(formFields(data)).data).toMatchObject({
			progress: 10,
			dueDate: null,
			owners: [3]
		});
	});

	it('refuses empty, too long, out-of-range and wrongly typed values', () => {
		const result = createActionInput.safeParse({
			title: 'x'.repeat(201),
			description: 'y'.repeat(10_001),
			dimension: 'cultural',
			horizon: 'short',
			progress: 101,
			dueDate: '2026-02-30',
			owners: Array.from({ length: 21 }, (_, i) => i + 1)
		});
		expect(fieldsOf(result).sort()).toEqual(
			['description', 'dimension', 'dueDate', 'owners', 'progress', 'title'].sort()
		);
		expect(
			createActionInput.safeParse({ title: '', dimension: 'social', horizon: 'short' }).success
		).toBe(false);
		expect(updateActionInput.safeParse({ progress: 'abc', version: 1 }).success).toBe(false);
		for (const dueDate of ['0000-01-01', '1999-12-31', '2101-01-01', '+02026-01-01', '2026-1-1']) {
			expect(updateActionInput.safeParse({ dueDate, version: 1 }).success, dueDate).toBe(false);
		}
		expect(updateActionInput.safeParse({ dueDate: '2100-12-31', version: 1 }).success).toBe(true);
		expect(updateActionInput.safeParse({ progress: 1.5, version: 1 }).success).toBe(false);
		expect(updateActionInput.safeParse({ progress: true, version: 1 }).success).toBe(false);
	});

	it('needs the version a change is based on', () => {
		expect(fieldsOf(updateActionInput.safeParse({ title: 'Neu' }))).toEqual(['version']);
		expect(
			fieldsOf(moveActionInput.safeParse({ dimension: 'social', horizon: 'long', index: 0 }))
		).toEqual(['version']);
		expect(
			moveActionInput.safeParse({ dimension: 'social', horizon: 'long', index: -1, version: 1 })
				.success
		).toBe(false);
	});

	it('explains problems in plain, translated words', () => {
		const input = { title: '', dimension: 'social', horizon: 'short', dueDate: '2026-13-01' };
		const result = createActionInput.safeParse(input);
		expect(translateIssues(result.error!.issues, input)).toEqual({
			title: 'Bitte ausfüllen.',
			dueDate: 'Bitte ein gültiges Datum.'
		});
		const progress = { progress: '', note: 'x'.repeat(2001) };
		const p = progressInput.safeParse(progress);
		expect(translateIssues(p.error!.issues, progress)).toEqual({
			progress: 'Bitte ausfüllen.',
			note: 'Bitte höchstens 2.000 Zeichen.'
		});
	});

	it('takes an optional start date that is not after the due date', () => {
		const base = { title: 'Dach', dimension: 'ecological', horizon: 'long' };
		expect(createActionInput.safeParse({ ...base, startDate: '' }).data?.startDate).toBeNull();
		expect(
			createActionInput.safeParse({ ...base, startDate: '2027-01-01', dueDate: '2027-01-01' })
				.success
		).toBe(true);
		const late = { ...base, startDate: '2027-02-01', dueDate: '2027-01-31' };
		const result = createActionInput.safeParse(late);
		expect(translateIssues(result.error!.issues, late)).toEqual({
			startDate: 'Der Beginn darf nicht nach dem Fälligkeitsdatum liegen.'
		});
		const update = updateActionInput.safeParse({ startDate: '2027-13-01', version: 1 });
		expect(fieldsOf(update)).toEqual(['startDate']);
	});
});
