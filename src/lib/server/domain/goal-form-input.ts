import { z } from 'zod';
import { parseCodeKey, type CodeRef } from '../../goals/codes';
import { LIMITS } from '../../board/limits';
import { MAX_CODES } from './framework-codes';
import { goalValueInput } from './goal-input';
import { typedText } from './text-input';

/**
 * The codes a goal form sends: one `codes` field per checked box (`dnk:13`), none when no box is
 * checked. A key that names no framework's code is refused here; one that names a code that does
 * not exist is refused by the domain.
 */
export const goalCodesField = z.preprocess(
	(v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== '')),
	z
		.array(
			z
				.string()
				.max(12)
				.transform((key, ctx): CodeRef => {
					const ref = parseCodeKey(key);
					if (!ref) {
						ctx.addIssue({ code: 'custom', message: 'unknown_code' });
						return z.NEVER;
					}
					return ref;
				})
		)
		.max(MAX_CODES)
);

export const goalCodesInput = z.object({ codes: goalCodesField });

/**
 * A measured value as the goals page's form sends it: as the API takes it, except that a form
 * has no null — a source that is no text (a file) is refused, an empty one means none.
 */
export const goalValueFormInput = goalValueInput.extend({
	source: typedText(LIMITS.goalSource)
		.optional()
		.transform((v) => v || null)
});
