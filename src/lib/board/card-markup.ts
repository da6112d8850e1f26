import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { Dimension, Status } from './cells';
import { formatDate, initials, isOverdue } from './dates';
import { formatPercent } from '../format/numbers';
import { escapeHtml } from '../html';

export { escapeHtml };

/**
 * The markup of a card and of its parts (status, progress, owners), written as text.
 *
 * A fully opened board shows about a thousand cards. Written by these functions a card is a
 * few hundred bytes with nothing added for hydration, and costs a few microseconds to write, on
 * the server as in the browser; the same card as Svelte markup was twice the bytes and several
 * times the work. Every text from outside goes through `escapeHtml`. The styles are in
 * `src/lib/components/board/card-parts.css`.
 */

/** What a card shows of an action. */
export interface CardAction {
	id: number;
	title: string;
	dimension: Dimension;
	status: Status;
	progress: number;
	dueDate: string | null;
	owners: { id: number; name: string }[];
}

/** An action's status as a word with a shape from CSS (○ ◐ ✓ ✕), readable without colour. */
export function statusMarkup(status: Status, label: string): string {
	return `<span class="status ${status}">${escapeHtml(label)}</span>`;
}

/**
 * A thin bar drawn by CSS from `--value`, and the percentage as text in the reader's language
 * ("Fortschritt: 40 %", "Progress: 40%").
 */
export function progressMarkup(value: number, label: string, locale: Locale): string {
	const percent = Math.round(Math.min(100, Math.max(0, value)));
	return `<div class="progress-bar" style="--value:${percent}%"><span class="visually-hidden">${escapeHtml(label)}:</span> ${formatPercent(percent, locale)}</div>`;
}

/** Owners as round initials; full names for screen readers and on hover. */
export function ownersMarkup(
	owners: readonly { name: string }[],
	label: string,
	nobody: string
): string {
	if (owners.length === 0) return `<span class="nobody">${escapeHtml(nobody)}</span>`;
	let items = '';
	for (const { name } of owners) {
		const safe = escapeHtml(name);
		items += `<li title="${safe}"><span aria-hidden="true">${escapeHtml(initials(name))}</span><span class="visually-hidden">${safe}</span></li>`;
	}
	return `<ul class="owner-initials" aria-label="${escapeHtml(label)}">${items}</ul>`;
}

/** The words every card uses, in one language: looked up once, not per card. */
export interface CardTexts {
	locale: Locale;
	status: Record<Status, string>;
	due: string;
	overdue: string;
	progress: string;
	owners: string;
	nobody: string;
	moveTo: string;
	/** Due dates as shown, by date: many cards share one. */
	dates: Map<string, string>;
}

const textsByLocale = new Map<Locale, CardTexts>();

/** The card words in `locale`, kept once per language. */
export function cardTexts(locale: Locale): CardTexts {
	let t = textsByLocale.get(locale);
	if (!t) {
		const o = { locale };
		t = {
			locale,
			status: {
				planned: m.status_planned({}, o),
				in_progress: m.status_in_progress({}, o),
				done: m.status_done({}, o),
				dropped: m.status_dropped({}, o)
			},
			due: m.card_due({}, o),
			overdue: m.card_overdue({}, o),
			progress: m.progress_label({}, o),
			owners: m.field_owners({}, o),
			nobody: m.no_owner({}, o),
			moveTo: m.move_to({}, o),
			dates: new Map()
		};
		textsByLocale.set(locale, t);
	}
	return t;
}

function dueText(t: CardTexts, date: string | null, overdue: boolean): string {
	if (date === null) return '';
	let shown = t.dates.get(date);
	if (shown === undefined) {
		if (t.dates.size > 5000) t.dates.clear();
		t.dates.set(date, (shown = formatDate(date, t.locale)));
	}
	return `${overdue ? t.overdue : t.due} ${shown}`;
}

/**
 * The inside of a card: title (opens the action), status and due date, progress, owners and —
 * for those who may move it — "Move to…", named with the title so every such link says which
 * card it moves. The card's own element (`div.action-card`) is written by the component.
 */
export function cardMarkup(action: CardAction, t: CardTexts, canWrite: boolean): string {
	const title = escapeHtml(action.title);
	const overdue = isOverdue(action.dueDate, action.status);
	const move = canWrite
		? ` <a class="move" href="/actions/${action.id}#move" aria-label="${escapeHtml(
				m.named_control({ label: t.moveTo, name: action.title }, { locale: t.locale })
			)}">${escapeHtml(t.moveTo)}</a>`
		: '';
	return (
		`<a class="title" id="card-${action.id}" href="/actions/${action.id}">${title}</a>` +
		`<div class="meta">${statusMarkup(action.status, t.status[action.status])} ` +
		`<span class="${overdue ? 'due overdue' : 'due'}">${escapeHtml(dueText(t, action.dueDate, overdue))}</span></div>` +
		progressMarkup(action.progress, t.progress, t.locale) +
		`<div class="footer">${ownersMarkup(action.owners, t.owners, t.nobody)}${move}</div>`
	);
}

/**
 * A card as an item of its cell's list, the way the board's list renders it in the browser
 * (`BoardCell`): `li.item` named by the card's title, around `div.action-card`.
 */
export function cardItemMarkup(action: CardAction, t: CardTexts, canWrite: boolean): string {
	return (
		`<li class="item" data-action-id="${action.id}" aria-labelledby="card-${action.id}">` +
		`<div class="action-card dim-${action.dimension}">${cardMarkup(action, t, canWrite)}</div></li>`
	);
}

/**
 * The same text, stored one byte per character. The markup has only Latin-1 characters (see
 * `escapeHtml`), but a text built from a title with "–" in it is still stored two bytes per
 * character; joining such texts took ~7 ms for a fully opened board, one-byte ones ~0.05 ms.
 */
function oneByteString(text: string): string {
	const codes = new Array<number>(text.length);
	for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
	return String.fromCharCode.apply(null, codes);
}

/** Cards already written, by everything they show (`shownAs`); emptied when it grows past this. */
const written = new Map<string, string>();
const WRITTEN_MAX = 1000;

/** Everything a card's text depends on, in one key: the same key, the same text. */
function shownAs(action: CardAction, t: CardTexts, canWrite: boolean): string {
	let owners = '';
	for (const o of action.owners) owners += `\u0001${o.id}\u0001${o.name}`;
	const overdue = isOverdue(action.dueDate, action.status) ? 1 : 0;
	return `${t.locale}\u0000${canWrite ? 1 : 0}${overdue}\u0000${action.id}\u0000${action.dimension}\u0000${action.status}\u0000${action.progress}\u0000${action.dueDate}\u0000${action.title}${owners}`;
}

function keptItemMarkup(action: CardAction, t: CardTexts, canWrite: boolean): string {
	const key = shownAs(action, t, canWrite);
	let item = written.get(key);
	if (item === undefined) {
		if (written.size >= WRITTEN_MAX) written.clear();
		item = oneByteString(cardItemMarkup(action, t, canWrite));
		written.set(key, item);
	}
	return item;
}

/**
 * A cell's cards as one flat text, as the server sends them. Joined at once, a thousand cards
 * are one piece of the page instead of tens of thousands, which the server would otherwise have
 * to gather into one text before sending, and nothing in them needs hydrating. On the server each
 * card's text is kept (up to 1,000 cards): ten people opening the same board write it once.
 */
export function cardListMarkup(
	actions: readonly CardAction[],
	t: CardTexts,
	canWrite: boolean
): string {
	const items = new Array<string>(actions.length);
	for (let i = 0; i < actions.length; i++) {
		// In the browser the text only stands in until the list takes over: no need to keep it.
		items[i] = import.meta.env.SSR
			? keptItemMarkup(actions[i], t, canWrite)
			: cardItemMarkup(actions[i], t, canWrite);
	}
	return items.join('');
}
