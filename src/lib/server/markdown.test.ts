import { describe, expect, it } from 'vitest';
import { renderMarkdown, summarizeMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders ordinary Markdown', () => {
		const html = renderMarkdown('**fett** und [Link](https://example.org)\n\n- eins\n- zwei');
		expect(html).toContain('<strong>fett</strong>');
		expect(html).toContain(
			'<a href="https://example.org/" rel="noopener noreferrer nofollow">Link</a>'
		);
		expect(html).toContain('<li>eins</li>');
	});

	it('never renders raw HTML', () => {
		const html = renderMarkdown('<script>alert(1)</script>\n\nHallo <img src=x onerror=alert(1)>');
		expect(html).not.toContain('<script');
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;script&gt;');
	});

	it('drops unsafe link targets and turns images into links', () => {
		const html = renderMarkdown('[klick](javascript:alert(1)) ![Bild](https://example.org/a.png)');
		expect(html).not.toContain('javascript:');
		expect(html).toContain('klick');
		expect(html).not.toContain('<img');
		expect(html).toContain('href="https://example.org/a.png"');
	});
});

describe('renderMarkdown on hostile text', () => {
	it('shows text nested deeper than the parser follows as plain paragraphs', () => {
		const html = renderMarkdown('> '.repeat(5000) + '<b>x</b>');
		expect(html.startsWith('<p>&gt; &gt; ')).toBe(true);
		expect(html).not.toContain('<b>');
	});
});

describe('summarizeMarkdown', () => {
	it('gives the first line as plain words', () => {
		expect(summarizeMarkdown('## Ziel\n\n**Alle** Verträge [prüfen](https://x.org)')).toBe('Ziel');
		expect(summarizeMarkdown('\n- **Alle** Verträge [prüfen](https://x.org)\n- zwei')).toBe(
			'Alle Verträge prüfen'
		);
		expect(summarizeMarkdown('1. `npm` und ![Bild](a.png) _hier_')).toBe('npm und Bild hier');
		expect(summarizeMarkdown('x'.repeat(300))).toHaveLength(140);
	});

	it('reads only the start of a long first line, so hostile text stays cheap', () => {
		for (const hostile of [
			'!['.repeat(5000),
			'['.repeat(10_000),
			'[a]('.repeat(2500),
			'> '.repeat(5000)
		]) {
			const started = performance.now();
			const summary = summarizeMarkdown(hostile);
			// Not a timing test: the bound is orders of magnitude above normal, to catch quadratic work.
			expect(performance.now() - started).toBeLessThan(200);
			expect(summary.length).toBeLessThanOrEqual(140);
		}
	});
});
