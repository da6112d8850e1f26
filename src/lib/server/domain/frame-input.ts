import { z } from 'zod';
import { typedText } from './text-input';
import { LIMITS } from '../../board/limits';
import { integer, versionField } from './action-input';

const short = typedText(LIMITS.horizonText);
const goal = typedText(LIMITS.goal, { lines: true });
/** Whole days without a progress entry before a running action reminds its owners. */
const quietDays = integer(LIMITS.quietDaysMin, LIMITS.quietDaysMax);

/**
 * A board's frame, set by leadership: name, description, what each horizon means, goals, and
 * after how many quiet days an action of each horizon reminds its owners.
 */
export const frameInput = z.object({
	name: typedText(LIMITS.boardName, { min: 1 }),
	description: typedText(LIMITS.boardDescription, { lines: true }),
	horizonShort: short,
	horizonMedium: short,
	horizonLong: short,
	goalEcological: goal,
	goalEconomic: goal,
	goalSocial: goal,
	quietDaysShort: quietDays,
	quietDaysMedium: quietDays,
	quietDaysLong: quietDays,
	version: versionField
});
export type FrameInput = z.infer<typeof frameInput>;
