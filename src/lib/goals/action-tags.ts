import type { Dimension } from '../board/cells';
import type { CodeOption } from './codes';

/** A goal as the action page names it. */
export interface GoalChoice {
	id: number;
	dimension: Dimension;
	name: string;
}

/** What the action page shows of an action's goals and codes, and what its form offers. */
export interface ActionTagsView {
	/** Every code to choose from, in the reader's language. */
	options: CodeOption[];
	/** The action's codes as keys (`dnk:13`). */
	codes: string[];
	/** The board's goals, ecological → economic → social. */
	boardGoals: GoalChoice[];
	/** The ids of the goals the action serves. */
	goals: number[];
}
