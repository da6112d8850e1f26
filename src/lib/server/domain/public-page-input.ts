import { z } from 'zod';
import { versionField } from './action-input';

/** Input rules for the public page's switches and an action's public flags. */

/** A checkbox of a form: checked sends `on` (or `1`), unchecked sends nothing. */
const checkbox = z.preprocess(
	(v) => (v === undefined ? false : v),
	z.union([z.boolean(), z.enum(['on', '1']).transform(() => true)])
);

/** The action page's form: both boxes, with the version the person saw. */
export const publicityFormInput = z.object({
	isPublic: checkbox,
	descriptionPublic: checkbox,
	version: versionField
});
/** The JSON API: each flag as a JSON boolean; a flag left out stays as it is. */
export const publicityJsonInput = z.object({
	isPublic: z.boolean().optional(),
	descriptionPublic: z.boolean().optional(),
	version: versionField
});
export type PublicityInput = z.infer<typeof publicityJsonInput>;

/** Show owners' names on the public page (`1`) or hide them (`0`). */
export const ownerNamesInput = z.object({ show: z.enum(['1', '0']) });
