import type { GoalView } from './kinds';

/**
 * The geometry of a goal's small chart: time runs left to right in years, the indicator bottom to
 * top. Plain numbers only, so the SVG renders on the server and the scales are easy to test.
 *
 * A baseline or target year counts at its end ("2030" means by 31 December 2030), as
 * `goalOnTrack` reads it; a measured value stands at the end of its day.
 */

export type ChartGoal = Pick<GoalView, 'baseline' | 'target' | 'direction' | 'values'>;

export interface ChartPoint {
	x: number;
	y: number;
}

export interface ChartGeometry {
	width: number;
	height: number;
	/** The plot area inside the axes. */
	plot: { left: number; right: number; top: number; bottom: number };
	/** Years on the time axis: a grid line where the year starts, its label in its middle. */
	xTicks: { x: number; labelX: number; year: number }[];
	yTicks: { y: number; value: number }[];
	baseline: ChartPoint;
	target: ChartPoint;
	/** Measured values, oldest first, each with its place. */
	points: (ChartPoint & { value: number; date: string })[];
	/** The domain the scales map from: years (fractional) and indicator values. */
	domain: { from: number; to: number; min: number; max: number };
}

export const CHART_SIZE = { width: 360, height: 200 } as const;
const MARGIN = { left: 52, right: 14, top: 12, bottom: 28 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
const jan1 = (year: number) => dayNumber(`${String(year).padStart(4, '0')}-01-01`);

/** A calendar day as a point in time in years, counted at the day's end (31 Dec 2026 → 2027). */
export function yearsAt(isoDate: string): number {
	const year = Number(isoDate.slice(0, 4));
	const start = jan1(year);
	return year + (dayNumber(isoDate) + 1 - start) / (jan1(year + 1) - start);
}

/** 1, 2 or 5 times a power of ten: the step between ticks that reads well. */
export function niceStep(span: number, maxTicks: number): number {
	const raw = span / Math.max(1, maxTicks - 1);
	if (!(raw > 0) || !Number.isFinite(raw)) return 1;
	const power = 10 ** Math.floor(Math.log10(raw));
	const factor = raw / power;
	const nice = factor <= 1 ? 1 : factor <= 2 ? 2 : factor <= 5 ? 5 : 10;
	return nice * power;
}

/** Rounds away the binary noise of `k * step` (0.30000000000000004 → 0.3). */
function clean(value: number, step: number): number {
	const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
	return Number(value.toFixed(Math.min(decimals, 12)));
}

/**
 * Ticks for the value axis: evenly spaced nice values that cover `min`…`max` (at most about
 * `maxTicks`), and the range they span. Equal ends get some room around them.
 */
export function valueTicks(min: number, max: number, maxTicks = 5) {
	let lo = min;
	let hi = max;
	if (hi - lo === 0) {
		const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
		lo -= pad;
		hi += pad;
	}
	const step = niceStep(hi - lo, maxTicks);
	const first = Math.floor(lo / step) * step;
	const last = Math.ceil(hi / step) * step;
	const ticks: number[] = [];
	for (let i = 0; first + i * step <= last + step / 2; i++)
		ticks.push(clean(first + i * step, step));
	return { ticks, min: ticks[0], max: ticks[ticks.length - 1] };
}

/**
 * Years to label on the time axis from `from` to `to` (whole years, `to` exclusive): every year
 * when there are few, otherwise every 2nd, 5th, 10th… year, on round years.
 */
export function yearTicks(from: number, to: number, maxTicks = 7): number[] {
	const span = to - from;
	const step = span <= maxTicks ? 1 : Math.max(1, niceStep(span, maxTicks));
	const years: number[] = [];
	for (let y = Math.ceil(from / step) * step; y < to; y += step) years.push(y);
	return years;
}

/** Where everything of a goal's chart goes. */
export function chartGeometry(goal: ChartGoal, size = CHART_SIZE): ChartGeometry {
	const valueYears = goal.values.map((v) => yearsAt(v.date));
	// From the start of the baseline year to the end of the target year, wider if values lie
	// outside, always in whole years.
	const from = Math.floor(Math.min(goal.baseline.year, ...valueYears));
	const to = Math.max(goal.target.year + 1, Math.ceil(Math.max(...valueYears, 0)));
	const all = [goal.baseline.value, goal.target.value, ...goal.values.map((v) => v.value)];
	const scale = valueTicks(Math.min(...all), Math.max(...all));

	const plot = {
		left: MARGIN.left,
		right: size.width - MARGIN.right,
		top: MARGIN.top,
		bottom: size.height - MARGIN.bottom
	};
	const x = (years: number) =>
		plot.left + ((years - from) / (to - from)) * (plot.right - plot.left);
	const y = (value: number) =>
		plot.bottom - ((value - scale.min) / (scale.max - scale.min)) * (plot.bottom - plot.top);
	const round = (n: number) => Math.round(n * 10) / 10;
	const at = (years: number, value: number) => ({ x: round(x(years)), y: round(y(value)) });

	return {
		width: size.width,
		height: size.height,
		plot,
		xTicks: yearTicks(from, to).map((year) => ({
			x: round(x(year)),
			labelX: round(x(year + 0.5)),
			year
		})),
		yTicks: scale.ticks.map((value) => ({ y: round(y(value)), value })),
		baseline: at(goal.baseline.year + 1, goal.baseline.value),
		target: at(goal.target.year + 1, goal.target.value),
		points: goal.values.map((v, i) => ({
			...at(valueYears[i], v.value),
			value: v.value,
			date: v.date
		})),
		domain: { from, to, min: scale.min, max: scale.max }
	};
}

/** The measured values as an SVG polyline's `points`. */
export const polylinePoints = (points: ChartPoint[]) =>
	points.map((p) => `${p.x},${p.y}`).join(' ');
