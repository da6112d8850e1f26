import { z } from 'zod';
import { LIMITS } from '../../board/limits';
import { versionField } from './action-input';

const short = z.string().trim().max(LIMITS.horizonText);
const goal = z.string().trim().max(LIMITS.goal);

/** A board's frame, set by leadership: name, description, what each horizon means, goals. */
export const frameInput = z.object({
	name: z.string().trim().min(1).max(LIMITS.boardName),
	description: z.string().trim().max(LIMITS.boardDescription),
	horizonShort: short,
	horizonMedium: short,
	horizonLong: short,
	goalEcological: goal,
	goalEconomic: goal,
	goalSocial: goal,
	version: versionField
});
export type FrameInput = z.infer<typeof frameInput>;
