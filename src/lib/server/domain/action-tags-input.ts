import { z } from 'zod';
import { LIMITS } from '../../board/limits';
import { parseCodeKey, type CodeRef } from '../../goals/codes';
import { idField } from './action-input';
import { typedText } from './text-input';

/**
 * Input rules for tagging an action with codes and linking it to goals: the action page's form
 * and the JSON API share them. Codes travel as keys (`dnk:13`, `sdg:7`, `own:2`).
 */

/** `dnk:13` → `{framework: 'dnk', code: 13}`; a key of no known shape is refused here. */
export const codeKeyField = z
	.string()
	.max(12)
	.transform((key, ctx): CodeRef => {
		const ref = parseCodeKey(key);
		if (!ref) {
			ctx.addIssue({ code: 'custom', message: 'invalid' });
			return z.NEVER;
		}
		return ref;
	});

export const codeKeysField = z.array(codeKeyField).max(LIMITS.actionCodes);
export const goalIdsField = z.array(idField).max(LIMITS.actionGoals);
/** A new own tag's name: one short line; empty (or only spaces) means none. */
export const ownTagField = typedText(LIMITS.ownTag);

/** `PUT /api/actions/:id/codes` */
export const actionCodesInput = z.object({ codes: codeKeysField });
/** `PUT /api/actions/:id/goals` */
export const actionGoalsInput = z.object({ goals: goalIdsField });

/** A form sends one field per ticked box (a lone one as a string, none at all when none is). */
const listOf = <T extends z.ZodType>(field: T) =>
	z.preprocess(
		(v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== '')),
		field
	);

/** The action page's form: ticked codes and goals, and optionally a new own tag. */
export const actionTagsInput = z.object({
	codes: listOf(codeKeysField),
	goals: listOf(goalIdsField),
	newTag: ownTagField.optional().transform((v) => v || null)
});
export type ActionTagsInput = z.infer<typeof actionTagsInput>;
