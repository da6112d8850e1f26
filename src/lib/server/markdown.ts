import { Marked, type Tokens } from 'marked';
import { escapeHtml } from '../html';

/** http(s), mailto and same-site paths only; anything else (javascript:, data:, …) is dropped. */
function safeHref(href: string): string | null {
	const trimmed = href.trim();
	if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
	try {
		const url = new URL(trimmed);
		return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
	} catch {
		return null;
	}
}

/**
 * Markdown for action descriptions. Raw HTML is shown as text, never rendered; links keep only
 * safe targets and open without passing on who linked; images become plain links.
 */
const marked = new Marked({
	gfm: true,
	breaks: true,
	async: false,
	renderer: {
		html({ text }: Tokens.HTML | Tokens.Tag) {
			return escapeHtml(text);
		},
		link({ href, title, tokens }: Tokens.Link) {
			const label = this.parser.parseInline(tokens);
			const target = safeHref(href);
			if (!target) return label;
			const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
			return `<a href="${escapeHtml(target)}"${titleAttr} rel="noopener noreferrer nofollow">${label}</a>`;
		},
		image({ href, text }: Tokens.Image) {
			const target = safeHref(href);
			const label = escapeHtml(text || href);
			return target
				? `<a href="${escapeHtml(target)}" rel="noopener noreferrer nofollow">${label}</a>`
				: label;
		}
	}
});

export function renderMarkdown(source: string): string {
	return marked.parse(source) as string;
}
