import { describe, expect, it } from 'vitest';
import { SignInThrottle, type ThrottledResult } from './sign-in-throttle';

const T0 = 1_800_000_000_000;
const wrong = async () => null;
const right = async () => 'person';

/** A clock the test moves by hand. */
function clock(start = T0) {
	const time = { now: start };
	return Object.assign(() => time.now, { advance: (ms: number) => (time.now += ms), time });
}

const checked = (results: ThrottledResult<unknown>[]) => results.filter((r) => r.ok).length;

describe('SignInThrottle', () => {
	it('checks forty parallel wrong passwords one after the other, and lets only the free ones through', async () => {
		const throttle = new SignInThrottle({ freeFailures: 3, maxWaiting: 50 });
		const now = clock();
		const results = await Promise.all(
			Array.from({ length: 40 }, () =>
				throttle.attempt('anna@example.org', '10.0.0.1', undefined, wrong, now)
			)
		);
		expect(checked(results)).toBe(3);
		expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'account', retryAfterSeconds: 1 });
	});

	it('lets right passwords sent at once all in, in turn', async () => {
		const throttle = new SignInThrottle({ freeFailures: 3 });
		const results = await Promise.all(
			Array.from({ length: 10 }, () =>
				throttle.attempt('anna@example.org', '10.0.0.1', undefined, right)
			)
		);
		expect(results.map((r) => r.ok && r.value)).toEqual(Array(10).fill('person'));
	});

	it('refuses at once what would wait in too long a queue', async () => {
		const throttle = new SignInThrottle({ maxWaiting: 5 });
		const results = await Promise.all(
			Array.from({ length: 8 }, () =>
				throttle.attempt('anna@example.org', '10.0.0.1', undefined, right)
			)
		);
		expect(checked(results)).toBe(5);
	});

	it('slows an account down twice as much with each failure, up to a minute — never longer', async () => {
		const throttle = new SignInThrottle({ freeFailures: 3, maxDelayMs: 60_000 });
		const now = clock();
		for (let i = 0; i < 3; i++) {
			expect(
				(await throttle.attempt('anna@example.org', '10.0.0.1', undefined, wrong, now)).ok
			).toBe(true);
		}
		const waits: number[] = [];
		for (let i = 0; i < 10; i++) {
			const refusal = await throttle.attempt('ANNA@example.org', '10.0.0.2', undefined, wrong, now);
			expect(refusal.ok).toBe(false);
			const seconds = (refusal as { retryAfterSeconds: number }).retryAfterSeconds;
			waits.push(seconds);
			now.advance(seconds * 1000);
			expect(
				(await throttle.attempt('anna@example.org', '10.0.0.2', undefined, wrong, now)).ok
			).toBe(true);
		}
		expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
		expect((await throttle.attempt('ben@example.org', '10.0.0.1', undefined, wrong, now)).ok).toBe(
			true
		);
	});

	it('lets the right password in at once from a device the person signed in on before', async () => {
		const throttle = new SignInThrottle({ freeFailures: 3, maxWaiting: 50 });
		const now = clock();
		await Promise.all(
			Array.from({ length: 20 }, () =>
				throttle.attempt('anna@example.org', '10.0.0.9', undefined, wrong, now)
			)
		);
		expect((await throttle.attempt('anna@example.org', '10.0.0.9', undefined, right, now)).ok).toBe(
			false
		);
		const known = await throttle.attempt('anna@example.org', '10.0.0.9', 'device-1', right, now);
		expect(known).toEqual({ ok: true, value: 'person' });
	});

	it('forgets the failures of an account after a successful sign-in, and a day after the last one', async () => {
		const throttle = new SignInThrottle({ freeFailures: 3 });
		const now = clock();
		const tries = async (check: () => Promise<string | null>, count: number) => {
			let ok = 0;
			for (let i = 0; i < count; i++) {
				if ((await throttle.attempt('anna@example.org', '10.0.0.1', undefined, check, now)).ok)
					ok++;
			}
			return ok;
		};
		expect(await tries(wrong, 2)).toBe(2);
		expect(await tries(right, 1)).toBe(1);
		expect(await tries(wrong, 5)).toBe(3);
		now.advance(25 * 60 * 60 * 1000);
		expect(await tries(wrong, 5)).toBe(3);
	});

	it('has a hard limit per address, whatever the accounts', async () => {
		const throttle = new SignInThrottle({ addressAttempts: 4 });
		for (let i = 0; i < 4; i++) {
			expect(
				(await throttle.attempt(`user${i}@example.org`, '10.0.0.9', undefined, wrong)).ok
			).toBe(true);
		}
		const refusal = await throttle.attempt('someone@example.org', '10.0.0.9', undefined, right);
		expect(refusal).toMatchObject({ ok: false, reason: 'address' });
		expect((await throttle.attempt('someone@example.org', '10.0.0.10', undefined, right)).ok).toBe(
			true
		);
	});
});
