import { describe, expect, it } from 'vitest';
import { issueSetupCode, setupCodeMatches, spendSetupCode } from './setup-code';

describe('the setup code', () => {
	it('is accepted as printed, in capitals or without dashes, and only until it is spent', () => {
		const code = issueSetupCode();
		expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
		expect(setupCodeMatches(code)).toBe(true);
		expect(setupCodeMatches(` ${code.toUpperCase().replaceAll('-', ' ')} `)).toBe(true);
		expect(setupCodeMatches(code.replaceAll('-', ''))).toBe(true);
		expect(setupCodeMatches('')).toBe(false);
		expect(setupCodeMatches(code.slice(0, -1))).toBe(false);
		spendSetupCode();
		expect(setupCodeMatches(code)).toBe(false);
	});

	it('is replaced by a new one', () => {
		const first = issueSetupCode();
		const second = issueSetupCode();
		expect(setupCodeMatches(first)).toBe(false);
		expect(setupCodeMatches(second)).toBe(true);
	});
});
