import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle';

describe('SignInThrottle', () => {
	it('blocks an account after its failed attempts are used up, whatever the case of the e-mail', async () => {
		const throttle = new SignInThrottle(3, 100);
		for (let i = 0; i < 3; i++) {
			expect(await throttle.retryAfter('anna@example.org', '10.0.0.1')).toBe(0);
			await throttle.recordFailure(i % 2 ? 'ANNA@example.org' : 'anna@example.org', '10.0.0.1');
		}
		const wait = await throttle.retryAfter('anna@example.org', '10.0.0.2');
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(15 * 60);
		expect(await throttle.retryAfter('ben@example.org', '10.0.0.1')).toBe(0);
	});

	it('blocks an address that tries many accounts', async () => {
		const throttle = new SignInThrottle(100, 4);
		for (let i = 0; i < 4; i++) await throttle.recordFailure(`user${i}@example.org`, '10.0.0.9');
		expect(await throttle.retryAfter('someone@example.org', '10.0.0.9')).toBeGreaterThan(0);
		expect(await throttle.retryAfter('someone@example.org', '10.0.0.10')).toBe(0);
	});

	it('forgives earlier failures of an account after a successful sign-in', async () => {
		const throttle = new SignInThrottle(3, 100);
		await throttle.recordFailure('anna@example.org', '10.0.0.1');
		await throttle.recordFailure('anna@example.org', '10.0.0.1');
		await throttle.recordSuccess('anna@example.org');
		await throttle.recordFailure('anna@example.org', '10.0.0.1');
		expect(await throttle.retryAfter('anna@example.org', '10.0.0.1')).toBe(0);
	});
});
