import { describe, expect, it } from 'vitest';
import {
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

describe('escaping', () => {
	it('makes every special character safe between tags and in quoted attributes', () => {
		expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
			'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;'
		);
		expect(escapeHtml('Fahrrad – Leasing')).toBe('Fahrrad – Leasing');
	});
});

describe('a card', () => {
	const de = cardTexts('de');

	it('links the title to the action and names "Move to…" after the card', () => {
		const html = cardMarkup(card(), de, true);
		expect(html).toContain('<a class="title" id="card-7" href="/actions/7">Ökostrom beziehen</a>');
		expect(html).toContain('href="/actions/7#move" aria-label="Verschieben…: Ökostrom beziehen"');
	});

	it('offers no "Move to…" to people who may not move cards', () => {
		expect(cardMarkup(card(), de, false)).not.toContain('class="move"');
	});

	it('shows status, progress, due date and owners in words', () => {
		const html = cardMarkup(card({ dueDate: '2099-03-01', progress: 55 }), de, false);
		expect(html).toContain('<span class="status in_progress">läuft</span>');
		expect(html).toContain('style="--value:55%"');
		expect(html).toContain('<span class="visually-hidden">Fortschritt:</span> 55 %');
		expect(html).toContain('fällig 01.03.2099');
		expect(html).toContain('<span aria-hidden="true">JA</span>');
		expect(html).toContain('<span class="visually-hidden">Jana Albers</span>');
	});

	it('marks an overdue card with the word, not colour alone', () => {
		const html = cardMarkup(card({ dueDate: '2020-01-01' }), de, false);
		expect(html).toContain('<span class="due overdue">überfällig seit 01.01.2020</span>');
	});

	it('speaks English with English texts', () => {
		const html = cardMarkup(card({ status: 'done', owners: [] }), cardTexts('en'), true);
		expect(html).toContain('>done<');
		expect(html).toContain('no owner yet');
		expect(html).toContain('Move to…');
	});

	it('never lets a title or a name become markup', () => {
		const evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
		const html = cardMarkup(card({ title: evil, owners: [{ id: 2, name: evil }] }), de, true);
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
		expect(progressMarkup(140, 'Fortschritt')).toContain('--value:100%');
		expect(progressMarkup(-5, 'Fortschritt')).toContain('--value:0%');
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
