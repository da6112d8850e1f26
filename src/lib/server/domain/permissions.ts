import type { Role } from '../../roles';

/**
 * Who may do what — the one place that decides it. Every load, form action and endpoint asks
 * here (through `$lib/server/http/guard`), so a rule changes in one line.
 */
const RULES = {
	/** See boards, actions, progress, history, the roadmap and what comes next. */
	read: ['admin', 'member', 'leader', 'staff'],
	/** Create, edit, move, archive actions; assign owners; log progress. */
	writeActions: ['admin', 'member'],
	/** Edit a board's name, description, horizon texts and goals. */
	editFrame: ['admin', 'leader'],
	/**
	 * The working group's part in ideas: review, decline, merge and accept them, and see who
	 * proposed (where the proposer showed their name to the group only) and who supports them.
	 */
	decideIdeas: ['admin', 'member', 'leader'],
	/** Define a board's goals and their indicators (unit, baseline, target, direction). */
	manageGoals: ['admin', 'leader'],
	/** Record measured values of goals' indicators; link actions to the goals they serve. */
	trackGoals: ['admin', 'member', 'leader'],
	/** Tag actions with framework codes and own tags, and say which goals they serve. */
	tagActions: ['admin', 'member', 'leader'],
	/** Enter many ideas at once, collected on paper in a workshop. */
	enterWorkshopIdeas: ['admin', 'member'],
	/** Freeze a report: a snapshot of a period that stays as it was published. */
	freezeReports: ['admin', 'leader'],
	/** Add users, change roles, deactivate. */
	manageUsers: ['admin'],
	/** Turn the board's public page on or off, renew its link, allow owners' names there. */
	managePublicPage: ['admin']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof RULES;

export function can(role: Role, permission: Permission): boolean {
	return (RULES[permission] as readonly Role[]).includes(role);
}
