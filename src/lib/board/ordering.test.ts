import { describe, expect, it } from 'vitest';
import { compareKeys, keyForIndex, spreadKeys } from './ordering';

/** Moves the item at `from` to `to` in a list of keys, as the board does, and returns the order. */
function move(keys: string[], from: number, to: number): string[] {
	const rest = keys.filter((_, i) => i !== from);
	const key = keyForIndex(rest, to);
	return [...rest, key].sort(compareKeys);
}

describe('ordering keys', () => {
	it('places into an empty cell', () => {
		expect(keyForIndex([], 0)).toBeTypeOf('string');
		expect(keyForIndex([], 5)).toBe(keyForIndex([], 0));
	});

	it('places first, last and between', () => {
		const keys = spreadKeys(3);
		const first = keyForIndex(keys, 0);
		const last = keyForIndex(keys, 3);
		const middle = keyForIndex(keys, 2);
		expect(first < keys[0]).toBe(true);
		expect(last > keys[2]).toBe(true);
		expect(middle > keys[1] && middle < keys[2]).toBe(true);
		expect(keyForIndex(keys, 99)).toBe(last);
		expect(keyForIndex(keys, -4)).toBe(first);
	});

	it('keeps a consistent order over many random moves', () => {
		let order = Array.from({ length: 12 }, (_, i) => i);
		let keys = spreadKeys(12);
		const byKey = new Map(keys.map((k, i) => [k, i]));
		let seed = 42;
		const random = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % n;
		};
		for (let step = 0; step < 500; step++) {
			const from = random(keys.length);
			const to = random(keys.length);
			const item = byKey.get(keys[from])!;
			const rest = keys.filter((_, i) => i !== from);
			const key = keyForIndex(rest, to);
			byKey.set(key, item);
			keys = [...rest, key].sort(compareKeys);
			order = order.filter((x) => x !== item);
			order.splice(to, 0, item);
			expect(keys.map((k) => byKey.get(k))).toEqual(order);
		}
		expect(new Set(keys).size).toBe(12);
	});

	it('survives moving to the top again and again', () => {
		let keys = spreadKeys(2);
		for (let i = 0; i < 200; i++) keys = move(keys, keys.length - 1, 0);
		expect(keys).toHaveLength(2);
		expect(keys[0] < keys[1]).toBe(true);
	});
});
