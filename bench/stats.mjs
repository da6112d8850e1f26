// Small statistics helpers for the bench: exact percentiles over every recorded sample.

/** The p-th percentile (0–1) of an ascending array, interpolated between neighbours. */
export function percentile(sorted, p) {
	if (sorted.length === 0) return null;
	const at = (sorted.length - 1) * p;
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** Count, median, p99, mean, min and max of a list of numbers (milliseconds, usually). */
export function summarize(values) {
	const sorted = Float64Array.from(values).sort();
	const n = sorted.length;
	if (n === 0) return { n: 0, median: null, p99: null, mean: null, min: null, max: null };
	let sum = 0;
	for (const v of sorted) sum += v;
	return {
		n,
		median: round(percentile(sorted, 0.5)),
		p99: round(percentile(sorted, 0.99)),
		mean: round(sum / n),
		min: round(sorted[0]),
		max: round(sorted[n - 1])
	};
}

/** Rounds to `digits` decimals; null stays null. */
export function round(value, digits = 3) {
	if (value === null || value === undefined || Number.isNaN(value)) return null;
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

/** A small seeded PRNG (mulberry32) so every run seeds and moves the same way. */
export function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fisher–Yates shuffle in place with the given random source. */
export function shuffle(array, random) {
	for (let i = array.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[array[i], array[j]] = [array[j], array[i]];
	}
	return array;
}
