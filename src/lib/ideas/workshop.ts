/**
 * Ideas collected on paper in a workshop and entered in one go. What the form and the server
 * share: the limits, and how a workshop is named as an idea's source.
 */
export const WORKSHOP_LIMITS = {
	/** The workshop's name. */
	name: 100,
	/** Ideas in one import: a big workshop's wall of cards, not a database dump. */
	ideas: 500,
	/** The pasted text or the uploaded file, in bytes of UTF-8. */
	bytes: 200 * 1024
} as const;

/**
 * The source stored with each idea: `<name>, <YYYY-MM-DD>`. It is kept free of any language (no
 * "Workshop", no local date format), so the JSON API hands out the same text to everyone and
 * each page words it for its reader (`workshopSourceLabel`).
 */
export const workshopSource = (name: string, date: string) => `${name}, ${date}`;

const SOURCE = /^(.+), (\d{4}-\d{2}-\d{2})$/s;

/** The workshop's name and date back from a stored source; null for a source of another kind. */
export function readWorkshopSource(source: string): { name: string; date: string } | null {
	const found = SOURCE.exec(source);
	return found ? { name: found[1], date: found[2] } : null;
}
