import { describe, expect, it } from 'vitest';
import { chartGeometry, niceStep, polylinePoints, valueTicks, yearTicks, yearsAt } from './chart';

const co2 = {
	baseline: { value: 400, year: 2022 },
	target: { value: 0, year: 2030 },
	direction: 'down' as const,
	values: [
		{ value: 380, date: '2023-12-31', source: null },
		{ value: 310, date: '2026-06-30', source: 'Energiebericht' }
	]
};

describe('scales', () => {
	it('counts a day at its end, so the last day of a year is the start of the next', () => {
		expect(yearsAt('2026-12-31')).toBe(2027);
		expect(yearsAt('2024-01-01')).toBeCloseTo(2024 + 1 / 366, 10);
	});

	it('steps by 1, 2 or 5 times a power of ten', () => {
		expect(niceStep(400, 5)).toBe(100);
		expect(niceStep(7, 5)).toBe(2);
		expect(niceStep(0.3, 4)).toBe(0.1);
		expect(niceStep(0, 5)).toBe(1);
	});

	it('labels values with round ticks that cover the range, without binary noise', () => {
		expect(valueTicks(0, 400).ticks).toEqual([0, 100, 200, 300, 400]);
		expect(valueTicks(12.5, 37).ticks).toEqual([10, 20, 30, 40]);
		expect(valueTicks(0.1, 0.35).ticks).toEqual([0.1, 0.2, 0.3, 0.4]);
		expect(valueTicks(-5, 5).ticks).toEqual([-5, 0, 5]);
	});

	it('gives a flat series some room', () => {
		const { ticks, min, max } = valueTicks(50, 50);
		expect(min).toBeLessThan(50);
		expect(max).toBeGreaterThan(50);
		expect(ticks.length).toBeGreaterThan(1);
	});

	it('labels every year of a short span and round years of a long one', () => {
		expect(yearTicks(2024, 2029)).toEqual([2024, 2025, 2026, 2027, 2028]);
		expect(yearTicks(2000, 2051)).toEqual([2000, 2010, 2020, 2030, 2040, 2050]);
	});
});

describe('a goal chart', () => {
	it('runs from the start of the baseline year to the end of the target year', () => {
		const g = chartGeometry(co2);
		expect(g.domain).toMatchObject({ from: 2022, to: 2031, min: 0, max: 400 });
		expect(g.xTicks[0]).toMatchObject({ year: 2022, x: g.plot.left });
		expect(g.xTicks.at(-1)!.year).toBe(2030);
	});

	it('puts the baseline at the end of its year and the target at the end of the target year', () => {
		const g = chartGeometry(co2);
		const yearWidth = (g.plot.right - g.plot.left) / 9;
		expect(g.baseline.x).toBeCloseTo(g.plot.left + yearWidth, 0);
		expect(g.target.x).toBe(g.plot.right);
		// Less is better here: the target (0) is at the bottom, the baseline (400) at the top.
		expect(g.target.y).toBe(g.plot.bottom);
		expect(g.baseline.y).toBe(g.plot.top);
	});

	it('places measured values in time and height, falling as the indicator falls', () => {
		const g = chartGeometry(co2);
		expect(g.points).toHaveLength(2);
		const [first, second] = g.points;
		expect(first.x).toBeLessThan(second.x);
		expect(first.y).toBeLessThan(second.y);
		expect(second.y).toBeCloseTo(g.plot.bottom - (310 / 400) * (g.plot.bottom - g.plot.top), 0);
		expect(polylinePoints(g.points)).toBe(`${first.x},${first.y} ${second.x},${second.y}`);
	});

	it('rises for a goal where more is better', () => {
		const g = chartGeometry({
			baseline: { value: 5, year: 2024 },
			target: { value: 20, year: 2028 },
			direction: 'up',
			values: []
		});
		expect(g.target.y).toBeLessThan(g.baseline.y);
		expect(g.points).toEqual([]);
		expect(g.yTicks.map((t) => t.value)).toEqual([5, 10, 15, 20]);
	});

	it('widens the axes for values beyond the target year and beyond the target value', () => {
		const g = chartGeometry({
			...co2,
			values: [...co2.values, { value: 450, date: '2032-03-01', source: null }]
		});
		expect(g.domain.to).toBe(2033);
		expect(g.domain.max).toBeGreaterThanOrEqual(450);
		const late = g.points.at(-1)!;
		expect(late.x).toBeGreaterThan(g.target.x);
		expect(late.x).toBeLessThanOrEqual(g.plot.right);
		expect(late.y).toBeGreaterThanOrEqual(g.plot.top);
	});

	it('widens the time axis for values before the baseline year', () => {
		const g = chartGeometry({
			...co2,
			values: [{ value: 420, date: '2019-06-30', source: null }]
		});
		expect(g.domain.from).toBe(2019);
		expect(g.points[0].x).toBeGreaterThan(g.plot.left);
		expect(g.points[0].x).toBeLessThan(g.baseline.x);
	});
});
