import { z } from 'zod';
import { versionField } from './action-input';

const short = z.string().trim().max(60);
const goal = z.string().trim().max(300);

/** A board's frame, set by leadership: name, description, what each horizon means, goals. */
export const frameInput = z.object({
	name: z.string().trim().min(1).max(120),
	description: z.string().trim().max(2000),
	horizonShort: short,
	horizonMedium: short,
	horizonLong: short,
	goalEcological: goal,
	goalEconomic: goal,
	goalSocial: goal,
	version: versionField
});
export type FrameInput = z.infer<typeof frameInput>;
