import { z } from 'zod';
import { LIMITS } from '../../board/limits';
import { dimensionField, horizonField, idField, versionField } from './action-input';
import { typedText } from './text-input';

/** Input rules for ideas; the form actions and the JSON API share every one of them. */

export const ideaTitleField = typedText(LIMITS.ideaTitle, { min: 1 });
export const ideaTextField = typedText(LIMITS.ideaText, { lines: true });
/** One of the three dimensions, or empty: "I don't know". */
export const ideaDimensionField = z
	.union([z.literal(''), z.null(), dimensionField])
	.transform((v) => v || null);
const reasonField = typedText(LIMITS.ideaReason, { lines: true, min: 1 });

export const proposeIdeaInput = z.object({
	title: ideaTitleField,
	text: ideaTextField.default(''),
	dimension: ideaDimensionField.default(null),
	/** False: only the working group sees who proposed it. */
	showName: z.boolean().default(true)
});
export type ProposeIdeaInput = z.infer<typeof proposeIdeaInput>;

export const editIdeaInput = z.object({
	title: ideaTitleField,
	text: ideaTextField.default(''),
	dimension: ideaDimensionField.default(null),
	version: versionField
});
export type EditIdeaInput = z.infer<typeof editIdeaInput>;

/** What the working group decides; accepting names the cell of the new action, or an action. */
export const ideaStateInput = z.discriminatedUnion('state', [
	/** The proposer takes their idea back (not a decision of the working group). */
	z.object({ state: z.literal('withdrawn'), version: versionField }),
	z.object({ state: z.literal('in_review'), version: versionField }),
	z.object({ state: z.literal('declined'), reason: reasonField, version: versionField }),
	z.object({
		state: z.literal('merged'),
		into: idField,
		reason: reasonField,
		version: versionField
	}),
	z
		.object({
			state: z.literal('accepted'),
			version: versionField,
			/** An existing action the idea became… */
			actionId: idField.optional(),
			/** …or the cell of a new one, with its title and text (the idea's when left out). */
			dimension: dimensionField.optional(),
			horizon: horizonField.optional(),
			/** The board of the new action; the organisation's first board when left out. */
			boardId: idField.optional(),
			title: ideaTitleField.optional(),
			text: ideaTextField.optional()
		})
		.superRefine((v, ctx) => {
			if (v.actionId === undefined && (!v.dimension || !v.horizon)) {
				ctx.addIssue({ code: 'custom', message: 'choose_cell', path: ['dimension'] });
			}
		})
]);
export type IdeaStateInput = z.infer<typeof ideaStateInput>;
/** What the working group decides — every state change but the proposer's withdrawal. */
export type IdeaDecision = Exclude<IdeaStateInput, { state: 'withdrawn' }>;
