import { and, asc, eq } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { actionGoals, goalValues, goals, type Goal } from '../db/schema';
import { commitChange } from '../events/commit';
import { DIMENSIONS } from '../../board/cells';
import type { GoalView } from '../../goals/kinds';
import type { Actor } from './actor';
import { findActionRow } from './action-view';
import { DomainError } from './errors';
import type { CreateGoalInput, GoalValueInput, UpdateGoalInput } from './goal-input';

export type { GoalView } from '../../goals/kinds';

type MeasuredValue = GoalView['values'][number];

function toGoalView(row: Goal, values: MeasuredValue[]): GoalView {
	return {
		id: row.id,
		dimension: row.dimension,
		name: row.name,
		unit: row.unit,
		baseline: { value: row.baselineValue, year: row.baselineYear },
		target: { value: row.targetValue, year: row.targetYear },
		direction: row.direction,
		version: row.version,
		values
	};
}

const valueColumns = {
	goalId: goalValues.goalId,
	value: goalValues.value,
	date: goalValues.date,
	source: goalValues.source
};
/** Oldest first; values of the same day in the order they were recorded. */
const valueOrder = [asc(goalValues.date), asc(goalValues.id)];

function valuesOf(db: Conn, goalId: number): MeasuredValue[] {
	return db
		.select({ value: goalValues.value, date: goalValues.date, source: goalValues.source })
		.from(goalValues)
		.where(eq(goalValues.goalId, goalId))
		.orderBy(...valueOrder)
		.all();
}

function findGoalRow(db: Conn, id: number): Goal | undefined {
	return db.select().from(goals).where(eq(goals.id, id)).get();
}

/** One goal with its values, or undefined. */
export function getGoal(db: Conn, id: number): GoalView | undefined {
	const row = findGoalRow(db, id);
	return row && toGoalView(row, valuesOf(db, row.id));
}

/**
 * A board's goals, ecological → economic → social and within a dimension as they were created,
 * each with its measured values oldest first. Two queries, whatever the number of goals.
 */
export function listGoals(db: Conn, boardId: number): GoalView[] {
	const rows = db
		.select()
		.from(goals)
		.where(eq(goals.boardId, boardId))
		.orderBy(asc(goals.id))
		.all();
	if (!rows.length) return [];
	const byGoal = new Map<number, MeasuredValue[]>(rows.map((r) => [r.id, []]));
	const values = db
		.select(valueColumns)
		.from(goalValues)
		.innerJoin(goals, eq(goals.id, goalValues.goalId))
		.where(eq(goals.boardId, boardId))
		.orderBy(...valueOrder)
		.all();
	// A goal made between the two reads has no row here yet: its values wait for the next read.
	for (const { goalId, ...value } of values) byGoal.get(goalId)?.push(value);
	const rank = (r: Goal) => DIMENSIONS.indexOf(r.dimension);
	return rows
		.sort((a, b) => rank(a) - rank(b) || a.id - b.id)
		.map((r) => toGoalView(r, byGoal.get(r.id)!));
}

/** A new goal of a board (leadership and admins; the route checks who). */
export function createGoal(
	db: Db,
	_actor: Actor,
	boardId: number,
	input: CreateGoalInput,
	now = new Date()
): GoalView {
	return commitChange(db, () => {
		const row = db
			.insert(goals)
			.values({ ...input, boardId, createdAt: now, updatedAt: now })
			.returning()
			.get();
		return toGoalView(row, []);
	});
}

/** Changes a goal; a stale version is a conflict that hands back the goal as it stands. */
export function updateGoal(
	db: Db,
	_actor: Actor,
	id: number,
	input: UpdateGoalInput,
	now = new Date()
): GoalView {
	return commitChange(db, () => {
		const row = findGoalRow(db, id);
		if (!row) throw new DomainError('not_found');
		if (row.version !== input.version) {
			throw new DomainError('conflict', {
				subject: 'goal',
				current: toGoalView(row, valuesOf(db, id))
			});
		}
		const { version: _version, ...fields } = input;
		const merged = { ...row, ...definedOnly(fields) };
		if (merged.targetYear <= merged.baselineYear) throw new DomainError('goal_years');
		const updated = db
			.update(goals)
			.set({ ...definedOnly(fields), version: row.version + 1, updatedAt: now })
			.where(eq(goals.id, id))
			.returning()
			.get();
		return toGoalView(updated, valuesOf(db, id));
	});
}

function definedOnly<T extends object>(fields: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(fields).filter(([, v]) => v !== undefined)
	) as Partial<T>;
}

/**
 * Records a measured value of a goal's indicator (the working group, leadership, admins). Hands
 * back the entry and the goal with all its values.
 */
export function recordGoalValue(
	db: Db,
	actor: Actor,
	goalId: number,
	input: GoalValueInput,
	now = new Date()
) {
	return commitChange(db, () => {
		const row = findGoalRow(db, goalId);
		if (!row) throw new DomainError('not_found');
		const entry = db
			.insert(goalValues)
			.values({
				goalId,
				value: input.value,
				date: input.date,
				source: input.source,
				authorId: actor.id,
				createdAt: now
			})
			.returning({
				id: goalValues.id,
				value: goalValues.value,
				date: goalValues.date,
				source: goalValues.source
			})
			.get();
		return { entry, goal: toGoalView(row, valuesOf(db, goalId)) };
	});
}

/** The action and goal, which must be of the same board; an archived action serves no goal. */
function actionAndGoal(db: Conn, actionId: number, goalId: number) {
	const action = findActionRow(db, actionId);
	const goal = findGoalRow(db, goalId);
	if (!action || !goal) throw new DomainError('not_found');
	if (action.boardId !== goal.boardId) throw new DomainError('not_found');
	return { action, goal };
}

/** The goals an action serves, by id. */
export function goalIdsOfAction(db: Conn, actionId: number): number[] {
	return db
		.select({ goalId: actionGoals.goalId })
		.from(actionGoals)
		.where(eq(actionGoals.actionId, actionId))
		.orderBy(asc(actionGoals.goalId))
		.all()
		.map((r) => r.goalId);
}

/** Says that an action serves a goal (once; linking again changes nothing). */
export function linkActionToGoal(db: Db, _actor: Actor, actionId: number, goalId: number) {
	return commitChange(db, () => {
		const { action } = actionAndGoal(db, actionId, goalId);
		if (action.archivedAt) throw new DomainError('archived');
		db.insert(actionGoals).values({ actionId, goalId }).onConflictDoNothing().run();
		return goalIdsOfAction(db, actionId);
	});
}

/** The action no longer serves the goal (unlinking what is not linked changes nothing). */
export function unlinkActionFromGoal(db: Db, _actor: Actor, actionId: number, goalId: number) {
	return commitChange(db, () => {
		actionAndGoal(db, actionId, goalId);
		db.delete(actionGoals)
			.where(and(eq(actionGoals.actionId, actionId), eq(actionGoals.goalId, goalId)))
			.run();
		return goalIdsOfAction(db, actionId);
	});
}

// ---------------------------------------------------------------------------------------------
// On track or not

/** Where a goal stands: its newest value against the straight line from baseline to target. */
export interface GoalTrack {
	/** Null while no value has been measured (up to today). */
	onTrack: boolean | null;
	latest: MeasuredValue | null;
	/** Where the line from baseline to target is on the day of the newest value. */
	expected: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
const jan1 = (year: number) => dayNumber(`${String(year).padStart(4, '0')}-01-01`);
/**
 * Time in years, each year of its own length (leap years too): a day counts at its end, so
 * 31 December 2026 is 2027.0 — the end of 2026, where a yearly indicator's value for 2026 stands.
 */
function yearsAt(isoDate: string): number {
	const year = Number(isoDate.slice(0, 4));
	const start = jan1(year);
	return year + (dayNumber(isoDate) + 1 - start) / (jan1(year + 1) - start);
}

/**
 * Whether a goal is on track on `today` (`YYYY-MM-DD`): its newest value measured up to today is
 * on the straight line from the baseline (at the end of its year) to the target (at the end of
 * its year), or better in the goal's direction. Before the baseline's day the line stays at the
 * baseline, after the target's day at the target. Values dated after today do not count yet.
 */
export function goalOnTrack(
	goal: Pick<GoalView, 'baseline' | 'target' | 'direction' | 'values'>,
	today: string
): GoalTrack {
	let latest: MeasuredValue | null = null;
	for (const v of goal.values) {
		if (v.date <= today && (!latest || v.date >= latest.date)) latest = v;
	}
	if (!latest) return { onTrack: null, latest: null, expected: null };
	// A baseline or target year counts at its end: "2030" means by 31 December 2030.
	const from = goal.baseline.year + 1;
	const to = goal.target.year + 1;
	const at = Math.min(Math.max(yearsAt(latest.date), from), to);
	const share = to > from ? (at - from) / (to - from) : 1;
	const expected = goal.baseline.value + (goal.target.value - goal.baseline.value) * share;
	// Amounts are decimals: a value that equals the line up to rounding is on it.
	const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
	const onTrack =
		goal.direction === 'up'
			? latest.value >= expected - tolerance
			: latest.value <= expected + tolerance;
	return { onTrack, latest, expected };
}
