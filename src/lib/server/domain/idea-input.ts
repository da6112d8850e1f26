import { z } from 'zod';
import { LIMITS } from '../../board/limits';
import { dimensionField, horizonField, idField, versionField } from './action-input';
import { typedText } from './text-input';

/** Input rules for ideas; the form actions and the JSON API share every one of them. */

export const ideaTitleField = typedText(LIMITS.ideaTitle, { min: 1 });
export const ideaTextField = typedText(LIMITS.ideaText, { lines: true });
/** One of the three dimensions, or empty (JSON: also null): "I don't know". */
export const ideaDimensionField = z
	.union([z.literal(''), z.null(), dimensionField])
	.transform((v) => v || null);
/** The same from a form, where null would be a file sent in its place. */
const ideaDimensionFormField = z.union([z.literal(''), dimensionField]).transform((v) => v || null);
const reasonField = typedText(LIMITS.ideaReason, { lines: true, min: 1 });

export const proposeIdeaInput = z.object({
	title: ideaTitleField,
	text: ideaTextField.default(''),
	dimension: ideaDimensionField.default(null),
	/** False: only the working group sees who proposed it. */
	showName: z.boolean().default(true)
});
export type ProposeIdeaInput = z.infer<typeof proposeIdeaInput>;

/** The proposer's changes, from the idea's page. */
export const editIdeaInput = z.object({
	title: ideaTitleField,
	text: ideaTextField.default(''),
	dimension: ideaDimensionFormField.default(null),
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

// ---- What the pages' forms send (strings), turned into the same inputs --------------------------

/** The propose form: a checkbox keeps the name to the working group; `confirmed` saves anyway. */
export const proposeIdeaForm = z
	.object({
		title: ideaTitleField,
		text: ideaTextField.default(''),
		dimension: ideaDimensionFormField.default(null),
		onlyGroup: z.literal('1').optional(),
		/** Sent after the similar ideas were shown: "save mine anyway". */
		confirmed: z.literal('1').optional()
	})
	.transform(({ onlyGroup, confirmed, ...idea }) => ({
		idea: { ...idea, showName: !onlyGroup } satisfies ProposeIdeaInput,
		confirmed: !!confirmed
	}));

/** Support (`1`) or take the support back (`0`). */
export const supportIdeaForm = z.object({ ideaId: idField, support: z.enum(['1', '0']) });

const OPTIONAL_IDS = ['actionId', 'boardId', 'into'];

/**
 * A decision as a form sends it: empty optional ids are left out, and the chosen cell
 * (`ecological:short`) becomes its dimension and horizon.
 */
function decisionFromForm(fields: unknown): unknown {
	if (typeof fields !== 'object' || fields === null) return fields;
	const out: Record<string, unknown> = { ...fields };
	for (const key of OPTIONAL_IDS) if (out[key] === '') delete out[key];
	const { cell } = out;
	if (typeof cell === 'string' && cell !== '') {
		const parts = cell.split(':');
		[out.dimension, out.horizon] = parts.length === 2 ? parts : [cell, undefined];
	}
	delete out.cell;
	return out;
}

export const ideaStateForm = z.preprocess(decisionFromForm, ideaStateInput);
