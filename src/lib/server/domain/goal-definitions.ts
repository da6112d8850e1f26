import { eq } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { goalCodes, goals } from '../db/schema';
import { commitChange } from '../events/commit';
import { FRAMEWORKS } from '../../goals/kinds';
import type { CodeRef } from '../../goals/codes';
import type { Actor } from './actor';
import { setGoalCodes } from './framework-codes';
import {
	createGoal,
	goalOnTrack,
	listGoals,
	updateGoal,
	type GoalTrack,
	type GoalView
} from './goals';
import type { CreateGoalInput, UpdateGoalInput } from './goal-input';

/**
 * A goal together with the codes it is tagged with, as the goals page defines and revises it:
 * the goal and its codes are stored in one change, so an unknown code leaves no goal behind.
 */
export interface DefinedGoal {
	goal: GoalView;
	codes: CodeRef[];
}

/** A new goal of a board, tagged with exactly these codes (leadership and admins). */
export function defineGoal(
	db: Db,
	actor: Actor,
	boardId: number,
	input: CreateGoalInput,
	codes: CodeRef[],
	now = new Date()
): DefinedGoal {
	return commitChange(db, () => {
		const goal = createGoal(db, actor, boardId, input, now);
		return { goal, codes: setGoalCodes(db, actor, goal.id, codes) };
	});
}

/**
 * Changes a goal and sets its codes; a stale version is a conflict (nothing is changed then, the
 * codes neither). Codes are left as they are when `codes` is undefined.
 */
export function reviseGoal(
	db: Db,
	actor: Actor,
	id: number,
	input: UpdateGoalInput,
	codes: CodeRef[] | undefined,
	now = new Date()
): GoalView {
	return commitChange(db, () => {
		const goal = updateGoal(db, actor, id, input, now);
		if (codes) setGoalCodes(db, actor, id, codes);
		return goal;
	});
}

const rank = (c: CodeRef) => FRAMEWORKS.indexOf(c.framework);

/** The codes of every goal of a board, by goal id, in one query (goals without codes are absent). */
export function codesOfBoardGoals(db: Conn, boardId: number): Map<number, CodeRef[]> {
	const rows = db
		.select({ goalId: goalCodes.goalId, framework: goalCodes.framework, code: goalCodes.code })
		.from(goalCodes)
		.innerJoin(goals, eq(goals.id, goalCodes.goalId))
		.where(eq(goals.boardId, boardId))
		.all()
		.sort((a, b) => rank(a) - rank(b) || a.code - b.code);
	const byGoal = new Map<number, CodeRef[]>();
	for (const { goalId, framework, code } of rows) {
		const list = byGoal.get(goalId) ?? [];
		list.push({ framework, code });
		byGoal.set(goalId, list);
	}
	return byGoal;
}

/** A goal as the goals page and the roadmap show it: with its codes and where it stands. */
export interface GoalOverview extends GoalView {
	codes: CodeRef[];
	track: GoalTrack;
}

/** Every goal of a board with its codes and whether it is on track on `today` (`YYYY-MM-DD`). */
export function goalsOverview(db: Conn, boardId: number, today: string): GoalOverview[] {
	const codes = codesOfBoardGoals(db, boardId);
	return listGoals(db, boardId).map((goal) => ({
		...goal,
		codes: codes.get(goal.id) ?? [],
		track: goalOnTrack(goal, today)
	}));
}

/** The board a goal belongs to, or undefined for an unknown goal. */
export function boardOfGoal(db: Conn, goalId: number): number | undefined {
	return db.select({ boardId: goals.boardId }).from(goals).where(eq(goals.id, goalId)).get()
		?.boardId;
}
