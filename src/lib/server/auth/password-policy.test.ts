import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
	it('accepts passphrases and random passwords', () => {
		for (const password of [
			'Fahrrad Tee Wolke Mut',
			'erstes-pw-123',
			'k7#Lm2qX9v',
			'ganz-neues-passwort'
		]) {
			expect(passwordProblem(password), password).toBeNull();
		}
	});

	it('refuses the passwords guessed first, also with digits and signs added', () => {
		for (const password of [
			'password123',
			'Password123',
			'qwertyuiop',
			'passwort2024!',
			'1q2w3e4r5t'
		]) {
			expect(passwordProblem(password), password).toBe('common');
		}
	});

	it('refuses runs and few different characters', () => {
		for (const password of [
			'aaaaaaaaaaaa',
			'abababababab',
			'abcdefghijk',
			'9876543210',
			'1212121212'
		]) {
			expect(passwordProblem(password), password).toBe('simple');
		}
	});

	it("refuses a password made of the person's name or e-mail, not one that merely contains it", () => {
		const erika = { name: 'Erika Mustermann', email: 'erika.mustermann@example.org' };
		expect(passwordProblem('Mustermann2026!', erika)).toBe('personal');
		expect(passwordProblem('erika.mustermann', erika)).toBe('personal');
		expect(passwordProblem('dreiklang-2026!', erika)).toBe('personal');
		expect(passwordProblem('Erika mag Rhabarberkuchen', erika)).toBeNull();
	});
});
