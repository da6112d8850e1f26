import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

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
