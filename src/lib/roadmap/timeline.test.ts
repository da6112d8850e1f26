import { describe, expect, it } from 'vitest';
import type { Dimension, Status } from '../board/cells';
import { addMonths, buildTimeline, quarterOf, type TimelineAction } from './timeline';

let nextId = 1;
function action(
	dueDate: string | null,
	more: { dimension?: Dimension; status?: Status; startDate?: string | null } = {}
): TimelineAction {
	const id = nextId++;
	return {
		id,
		title: `Maßnahme ${id}`,
		dimension: more.dimension ?? 'ecological',
		horizon: 'short',
		status: more.status ?? 'planned',
		progress: 0,
		startDate: more.startDate ?? null,
		dueDate
	};
}

const TODAY = '2026-11-27';

describe('calendar arithmetic', () => {
	it('finds a date’s quarter and adds months without running past a month’s end', () => {
		expect(quarterOf('2027-02-28')).toEqual({
			key: '2027-Q1',
			year: 2027,
			quarter: 1,
			from: '2027-01-01',
			to: '2027-03-31'
		});
		expect(quarterOf('2026-12-31').to).toBe('2026-12-31');
		expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
		expect(addMonths('2026-11-27', 24)).toBe('2028-11-27');
		expect(addMonths('2026-11-27', -11)).toBe('2025-12-27');
	});
});

describe('the timeline', () => {
	it('runs from the current quarter to the medium term’s end when all dates are near', () => {
		const t = buildTimeline([action('2027-01-15')], TODAY);
		expect(t.from).toBe('2026-10-01');
		expect(t.to).toBe('2028-12-31');
		expect(t.quarters.map((q) => q.key)).toEqual([
			'2026-Q4',
			...[2027, 2028].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`))
		]);
		expect(t.years.map((y) => y.year)).toEqual([2026, 2027, 2028]);
		const widths = t.quarters.reduce((sum, q) => sum + q.width, 0);
		expect(widths).toBeCloseTo(100, 0);
		expect(t.milestones).toEqual([
			expect.objectContaining({ horizon: 'short', date: '2027-05-27' }),
			expect.objectContaining({ horizon: 'medium', date: '2028-11-27' })
		]);
		expect(t.today.at).toBeGreaterThan(0);
		expect(t.today.at).toBeLessThan(t.milestones[0].at);
	});

	it('places every dated action at its due date and lists the others beneath', () => {
		const actions = [
			action('2030-06-30', { dimension: 'social' }),
			action(null, { dimension: 'economic' }),
			action('2027-03-01', { dimension: 'economic', status: 'done' }),
			action('2024-05-02', { status: 'dropped' }),
			action('2027-03-01', { dimension: 'social' })
		];
		const t = buildTimeline(actions, TODAY);
		const placed = t.lanes.flatMap((l) => l.items.map((p) => p.action.id));
		expect(placed.sort()).toEqual(
			actions
				.filter((a) => a.dueDate)
				.map((a) => a.id)
				.sort()
		);
		expect(t.undated.map((a) => a.id)).toEqual([actions[1].id]);
		// An old date widens the timeline backwards, a far one forwards.
		expect(t.from).toBe('2024-04-01');
		expect(t.to).toBe('2030-06-30');
		for (const lane of t.lanes) {
			for (const p of lane.items) {
				const q = t.quarters.find((q) => q.key === p.quarter)!;
				expect(p.at).toBeGreaterThanOrEqual(q.left);
				expect(p.at).toBeLessThanOrEqual(q.left + q.width);
				expect(p.action.dimension).toBe(lane.dimension);
			}
		}
		// In a lane, by due date.
		expect(t.lanes[2].items.map((p) => p.action.dueDate)).toEqual(['2027-03-01', '2030-06-30']);
		expect(t.byQuarter.map((g) => [g.quarter.key, g.items.length])).toEqual([
			['2024-Q2', 1],
			['2027-Q1', 2],
			['2030-Q2', 1]
		]);
	});

	it('draws running work as a bar from its start and marks open work that is late', () => {
		const running = action('2027-06-30', { status: 'in_progress', startDate: '2026-02-01' });
		const planned = action('2027-06-30', { startDate: '2026-12-01' });
		const late = action('2026-11-01', { status: 'in_progress' });
		const doneLate = action('2026-11-01', { status: 'done' });
		const t = buildTimeline([running, planned, late, doneLate], TODAY);
		const placed = new Map(t.lanes[0].items.map((p) => [p.action.id, p]));
		expect(t.from).toBe('2026-01-01');
		const bar = placed.get(running.id)!.bar!;
		expect(bar.from).toBe('2026-02-01');
		expect(bar.left).toBeLessThan(t.today.at);
		expect(bar.left + bar.width).toBeCloseTo(placed.get(running.id)!.at, 0);
		expect(placed.get(planned.id)!.bar).toBeNull();
		expect(placed.get(late.id)).toMatchObject({ overdue: true, bar: null });
		expect(placed.get(doneLate.id)!.overdue).toBe(false);
	});

	it('is empty but drawn when nothing has a date', () => {
		const t = buildTimeline([action(null)], TODAY);
		expect(t.lanes.every((l) => l.items.length === 0)).toBe(true);
		expect(t.byQuarter).toEqual([]);
		expect(t.undated).toHaveLength(1);
		expect(t.quarters.length).toBe(9);
	});
});
