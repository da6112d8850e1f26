import { m } from '$lib/paraglide/messages';
import { formatDate } from '../board/dates';
import { readWorkshopSource } from './workshop';

/**
 * An idea's source as its reader sees it: "Workshop Zukunftswerkstatt, 14.03.2026" in German,
 * "Workshop Zukunftswerkstatt, Mar 14, 2026" in English (dates as everywhere else in the app). A
 * source of any other kind shows as it is stored.
 */
export function workshopSourceLabel(source: string, locale: string): string {
	const workshop = readWorkshopSource(source);
	if (!workshop) return source;
	return m.ideas_workshop_source({ name: workshop.name, date: formatDate(workshop.date, locale) });
}
