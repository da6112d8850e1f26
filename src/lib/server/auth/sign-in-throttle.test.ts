import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle';

const T0 = 1_800_000_000_000;

/** Tries `count` wrong passwords one after the other at `now`; returns how many were let through. */
async function fail(
	throttle: SignInThrottle,
	count: number,
	now: number,
	email = 'anna@example.org'
) {
	let through = 0;
	for (let i = 0; i < count; i++) {
		if ((await throttle.begin(email, '10.0.0.1', undefined, now)).ok) through++;
	}
	return through;
}

describe('SignInThrottle', () => {
	it('counts parallel attempts before any password is checked', async () => {
		const throttle = new SignInThrottle({ freeFailures: 3 });
		const attempts = await Promise.all(
			Array.from({ length: 40 }, () =>
				throttle.begin('anna@example.org', '10.0.0.1', undefined, T0)
			)
		);
		expect(attempts.filter((a) => a.ok)).toHaveLength(3);
		const refused = attempts.find((a) => !a.ok);
		expect(refused).toMatchObject({ ok: false, reason: 'account', retryAfterSeconds: 1 });
	});

	it('slows an account down twice as much with each failure, up to a minute — never longer', async () => {
		const throttle = new SignInThrottle({ freeFailures: 3, maxDelayMs: 60_000 });
		let now = T0;
		expect(await fail(throttle, 3, now)).toBe(3);
		const waits: number[] = [];
		for (let i = 0; i < 10; i++) {
			const refusal = await throttle.begin('ANNA@example.org', '10.0.0.2', undefined, now);
			expect(refusal.ok).toBe(false);
			const seconds = (refusal as { retryAfterSeconds: number }).retryAfterSeconds;
			waits.push(seconds);
			now += seconds * 1000;
			expect((await throttle.begin('anna@example.org', '10.0.0.2', undefined, now)).ok).toBe(true);
		}
		expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
		expect((await throttle.begin('ben@example.org', '10.0.0.1', undefined, now)).ok).toBe(true);
	});

	it('lets the right password in at once from a device the person signed in on before', async () => {
		const throttle = new SignInThrottle({ freeFailures: 3 });
		await fail(throttle, 20, T0);
		expect((await throttle.begin('anna@example.org', '10.0.0.9', undefined, T0)).ok).toBe(false);
		const known = await throttle.begin('anna@example.org', '10.0.0.9', 'device-1', T0);
		expect(known.ok).toBe(true);
	});

	it('forgets the failures of an account after a successful sign-in', async () => {
		const throttle = new SignInThrottle({ freeFailures: 3 });
		await fail(throttle, 2, T0);
		const attempt = await throttle.begin('anna@example.org', '10.0.0.1', undefined, T0);
		if (!attempt.ok) throw new Error('the third attempt should pass');
		await attempt.succeeded();
		expect(await fail(throttle, 3, T0)).toBe(3);
	});

	it('forgets failures a day after the last one', async () => {
		const throttle = new SignInThrottle({ freeFailures: 3 });
		await fail(throttle, 10, T0);
		expect(await fail(throttle, 3, T0 + 25 * 60 * 60 * 1000)).toBe(3);
	});

	it('has a hard limit per address, whatever the accounts', async () => {
		const throttle = new SignInThrottle({ addressAttempts: 4 });
		for (let i = 0; i < 4; i++) {
			expect((await throttle.begin(`user${i}@example.org`, '10.0.0.9')).ok).toBe(true);
		}
		const refusal = await throttle.begin('someone@example.org', '10.0.0.9');
		expect(refusal).toMatchObject({ ok: false, reason: 'address' });
		expect((await throttle.begin('someone@example.org', '10.0.0.10')).ok).toBe(true);
	});
});
