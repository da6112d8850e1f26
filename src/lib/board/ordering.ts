import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Order keys inside a cell. Keys compare as plain strings (byte order — as SQLite's default
 * collation does), so a move only writes a new key for the moved action, between its neighbours.
 */
export function keyBetween(before: string | null, after: string | null): string {
	return generateKeyBetween(before, after);
}

/** `n` fresh, evenly spread keys, for filling or renumbering a cell. */
export function spreadKeys(n: number): string[] {
	return generateNKeysBetween(null, null, n);
}

export const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The key for placing an item at `index` (0-based) among `keys` (sorted, without the item
 * itself). An index past the end places it last.
 */
export function keyForIndex(keys: readonly string[], index: number): string {
	const i = Math.max(0, Math.min(index, keys.length));
	return keyBetween(keys[i - 1] ?? null, keys[i] ?? null);
}
