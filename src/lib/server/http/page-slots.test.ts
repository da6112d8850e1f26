import { describe, expect, it } from 'vitest';
import { pageSlots } from './page-slots';

describe('page slots', () => {
	it('lets only so many run at once, in the order they came, and frees a slot on failure', async () => {
		const inTurn = pageSlots(2);
		let running = 0;
		let most = 0;
		const order: number[] = [];
		const job = (n: number, fail = false) =>
			inTurn(async () => {
				running++;
				most = Math.max(most, running);
				await new Promise((resolve) => setTimeout(resolve, 5));
				running--;
				order.push(n);
				if (fail) throw new Error(`job ${n}`);
				return n;
			});
		const results = await Promise.allSettled([job(1), job(2, true), job(3), job(4), job(5)]);
		expect(most).toBe(2);
		expect(order).toEqual([1, 2, 3, 4, 5]);
		expect(results.map((r) => r.status)).toEqual([
			'fulfilled',
			'rejected',
			'fulfilled',
			'fulfilled',
			'fulfilled'
		]);
	});
});
