import { z } from 'zod';
import { typedText } from './text-input';
import { LIMITS } from '../../board/limits';
import { versionField } from './action-input';

const short = typedText(LIMITS.horizonText);
const goal = typedText(LIMITS.goal, { lines: true });

/** A board's frame, set by leadership: name, description, what each horizon means, goals. */
export const frameInput = z.object({
	name: typedText(LIMITS.boardName, { min: 1 }),
	description: typedText(LIMITS.boardDescription, { lines: true }),
	horizonShort: short,
	horizonMedium: short,
	horizonLong: short,
	goalEcological: goal,
	goalEconomic: goal,
	goalSocial: goal,
	version: versionField
});
export type FrameInput = z.infer<typeof frameInput>;
