import { describe, expect, it } from 'vitest';
import {
	cardListMarkup,
	cardMarkup,
	cardTexts,
	escapeHtml,
	ownersMarkup,
	progressMarkup,
	statusMarkup,
	type CardAction
} from './card-markup';

const card = (over: Partial<CardAction> = {}): CardAction => ({
	id: 7,
	title: 'Ökostrom beziehen',
	dimension: 'ecological',
	status: 'in_progress',
	progress: 40,
	dueDate: null,
	owners: [{ id: 1, name: 'Jana Albers' }],
	...over
});

/** What a browser reads from character references (the markup writes "…" as `&#x2026;`). */
const decode = (html: string) =>
	html.replace(/&#x([0-9a-f]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

describe('escaping', () => {
	it('makes every special character safe between tags and in quoted attributes', () => {
		expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
			'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;'
		);
		expect(escapeHtml('Fahrrad – Leasing für Größere…')).toBe(
			'Fahrrad &#x2013; Leasing für Größere&#x2026;'
		);
		expect(escapeHtml('CO₂ 🚲')).toBe('CO&#x2082; &#x1f6b2;');
	});
});

describe('a card', () => {
	const de = cardTexts('de');

	it('links the title to the action and names "Move to…" after the card', () => {
		const html = decode(cardMarkup(card(), de, true));
		expect(html).toContain('<a class="title" id="card-7" href="/actions/7">Ökostrom beziehen</a>');
		expect(html).toContain('href="/actions/7#move" aria-label="Verschieben…: Ökostrom beziehen"');
	});

	it('is written in Latin-1 characters only, whatever the title', () => {
		const html = cardMarkup(card({ title: 'Fahrrad – Leasing „jetzt“ 🚲' }), de, true);
		expect(html).toMatch(/^[\0-\xff]*$/);
		expect(decode(html)).toContain('>Fahrrad – Leasing „jetzt“ 🚲</a>');
	});

	it('offers no "Move to…" to people who may not move cards', () => {
		expect(cardMarkup(card(), de, false)).not.toContain('class="move"');
	});

	it('shows status, progress, due date and owners in words', () => {
		const html = decode(cardMarkup(card({ dueDate: '2099-03-01', progress: 55 }), de, false));
		expect(html).toContain('<span class="status in_progress">läuft</span>');
		expect(html).toContain('style="--value:55%"');
		expect(html).toContain('<span class="visually-hidden">Fortschritt:</span> 55\u00a0%');
		expect(html).toContain('fällig 01.03.2099');
		expect(html).toContain('<span aria-hidden="true">JA</span>');
		expect(html).toContain('<span class="visually-hidden">Jana Albers</span>');
	});

	it('marks an overdue card with the word, not colour alone', () => {
		const html = decode(cardMarkup(card({ dueDate: '2020-01-01' }), de, false));
		expect(html).toContain('<span class="due overdue">überfällig seit 01.01.2020</span>');
	});

	it('speaks English with English texts', () => {
		const html = decode(cardMarkup(card({ status: 'done', owners: [] }), cardTexts('en'), true));
		expect(html).toContain('>done<');
		expect(html).toContain('no owner yet');
		expect(html).toContain('Move to…');
	});

	it('never lets a title or a name become markup', () => {
		const evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
		const html = decode(
			cardMarkup(card({ title: evil, owners: [{ id: 2, name: evil }] }), de, true)
		);
		expect(html).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
		const safe =
			'&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;';
		expect(html).toContain(`href="/actions/7">${safe}</a>`);
		expect(html).toContain(`aria-label="Verschieben…: ${safe}"`);
		expect(html).toContain(`<li title="${safe}">`);
	});
});

describe('the parts', () => {
	it('keeps progress between 0 and 100', () => {
		expect(progressMarkup(140, 'Fortschritt', 'de')).toContain('--value:100%');
		expect(progressMarkup(-5, 'Fortschritt', 'de')).toContain('--value:0%');
	});

	it('says so when nobody owns an action', () => {
		expect(ownersMarkup([], 'Verantwortlich', 'Noch niemand')).toBe(
			'<span class="nobody">Noch niemand</span>'
		);
	});

	it('writes the status as a word with its class', () => {
		expect(statusMarkup('done', 'erledigt')).toBe('<span class="status done">erledigt</span>');
	});
});

describe('a cell of cards', () => {
	const de = cardTexts('de');

	it('is the cards as list items, in order', () => {
		const html = cardListMarkup([card({ id: 1 }), card({ id: 2 })], de, true);
		expect(html.indexOf('data-action-id="1"')).toBeLessThan(html.indexOf('data-action-id="2"'));
		expect(html.startsWith('<li class="item" data-action-id="1" aria-labelledby="card-1">')).toBe(
			true
		);
	});

	it('shows every change of a card, also one its version does not tell (a renamed owner)', () => {
		const before = cardListMarkup([card({ id: 3 })], de, true);
		expect(cardListMarkup([card({ id: 3 })], de, true)).toBe(before);
		const renamed = decode(
			cardListMarkup([card({ id: 3, owners: [{ id: 1, name: 'Jana Berger' }] })], de, true)
		);
		expect(renamed).toContain('Jana Berger');
		expect(renamed).not.toContain('Jana Albers');
		expect(cardListMarkup([card({ id: 3, progress: 90 })], de, true)).toContain('90\u00a0%');
		expect(cardListMarkup([card({ id: 3 })], de, false)).not.toContain('class="move"');
		expect(decode(cardListMarkup([card({ id: 3 })], cardTexts('en'), true))).toContain('Move to…');
	});
});
