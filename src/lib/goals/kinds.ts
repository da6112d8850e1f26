import type { Dimension } from '../board/cells';

/**
 * Goals and framework codes: what client and server share. A goal's indicator improves either
 * upwards (more is better, e.g. a share of staff in mentoring) or downwards (less is better, e.g.
 * tonnes of CO₂ a year).
 */
export const GOAL_DIRECTIONS = ['up', 'down'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

/**
 * The reporting frameworks whose codes actions and goals can be tagged with: the criteria of the
 * German Sustainability Code (DNK, 1–20), the Sustainable Development Goals (SDG, 1–17), and the
 * organisation's own tags. Their titles are rows of `framework_codes`: the DNK's and the SDGs'
 * seeded by the migration that made the table, the own tags written as people make them.
 */
export const FRAMEWORKS = ['dnk', 'sdg', 'own'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** A goal as the API and the pages see it, its measured values oldest first. */
export interface GoalView {
	id: number;
	dimension: Dimension;
	name: string;
	unit: string;
	baseline: { value: number; year: number };
	target: { value: number; year: number };
	direction: GoalDirection;
	/** Grows with every change of the goal itself (not with its values). */
	version: number;
	values: { value: number; date: string; source: string | null }[];
}
