import { EASY_GERMAN, languageOf, type Locale } from '../locales';

/** Today's calendar date where the code runs, as `YYYY-MM-DD`. */
export function today(now = new Date()): string {
	const y = now.getFullYear();
	const m = String(now.getMonth() + 1).padStart(2, '0');
	const d = String(now.getDate()).padStart(2, '0');
	return `${y}-${m}-${d}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return Math.round(dayNumber(to) - dayNumber(from));
}

/** The calendar date `days` after `date` (before it when negative), as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
	return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

export const isOverdue = (dueDate: string | null, status: string, now = new Date()) =>
	dueDate !== null && status !== 'done' && status !== 'dropped' && dueDate < today(now);

// Creating an Intl.DateTimeFormat is costly (tens of microseconds and native memory each);
// one per language and style serves every card.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: 'date' | 'dateTime') {
	const key = `${locale}|${style}`;
	let f = formatters.get(key);
	if (!f) {
		// Easy German writes the month as a word: "15. August 2026".
		const dateStyle = locale === EASY_GERMAN ? 'long' : 'medium';
		f = new Intl.DateTimeFormat(
			languageOf(locale as Locale),
			style === 'date' ? { dateStyle, timeZone: 'UTC' } : { dateStyle, timeStyle: 'short' }
		);
		formatters.set(key, f);
	}
	return f;
}

/** A calendar date in the reader's language, e.g. "3. März 2027". */
export function formatDate(date: string, locale: string): string {
	return formatter(locale, 'date').format(new Date(`${date}T00:00:00Z`));
}

export function formatDateTime(date: Date | string, locale: string): string {
	return formatter(locale, 'dateTime').format(new Date(date));
}

/** Initials for an owner badge: "Lena Voigt" → "LV". */
export function initials(name: string): string {
	const parts = name.trim().split(/\s+/).filter(Boolean);
	const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
	return letters.map((p) => p[0]!.toLocaleUpperCase()).join('');
}
