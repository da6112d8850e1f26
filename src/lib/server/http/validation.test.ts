import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formFields, formValues, translateIssues } from './validation';
import { newUserInput } from '../domain/user-input';

describe('form validation', () => {
	it('turns each field’s first problem into a translated sentence', () => {
		const fields = formFields(
			toForm({ access: 'password', name: '', email: 'x@', role: 'boss', password: 'a'.repeat(201) })
		);
		const errors = translateIssues(newUserInput.safeParse(fields).error!.issues, fields);
		expect(errors).toEqual({
			name: 'Bitte ausfüllen.',
			email: 'Bitte eine gültige E-Mail-Adresse.',
			role: 'Bitte eine der angebotenen Möglichkeiten wählen.',
			password: 'Bitte höchstens 200 Zeichen.'
		});
	});

	it('treats an uploaded file where text belongs as invalid, a missing field as required', () => {
		const data = new FormData();
		data.set('name', new Blob(['x']), 'x.txt');
		const fields = formFields(data);
		const result = z.object({ name: z.string(), email: z.string() }).safeParse(fields);
		expect(translateIssues(result.error!.issues, fields)).toEqual({
			name: 'Dieser Wert passt nicht.',
			email: 'Bitte ausfüllen.'
		});
	});

	it('echoes what the user typed, without secrets', () => {
		expect(formValues({ name: 'Gül', password: 'secret', tags: ['a', 'b'] }, ['password'])).toEqual(
			{
				name: 'Gül'
			}
		);
	});
});

function toForm(values: Record<string, string>) {
	const data = new FormData();
	for (const [k, v] of Object.entries(values)) data.set(k, v);
	return data;
}
