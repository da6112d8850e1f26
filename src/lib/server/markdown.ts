import { Marked, type Token, type Tokens } from 'marked';
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

/** Text as it was typed, kept readable: paragraphs and line breaks, nothing rendered. */
function plainParagraphs(source: string): string {
	return source
		.split(/\n{2,}/)
		.map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
		.join('\n');
}

/**
 * A description as HTML. Text that nests deeper than the parser can follow (thousands of `>` or
 * list markers) is shown as plain paragraphs instead of failing the page.
 */
export function renderMarkdown(source: string): string {
	try {
		return marked.parse(source) as string;
	} catch {
		return plainParagraphs(source);
	}
}

/** How much of a first line a summary reads: enough for a summary with its markup. */
const SUMMARY_SCAN = 500;

/** The words of inline tokens, without their markup. */
function tokenText(tokens: Token[]): string {
	let text = '';
	for (const token of tokens) {
		if (token.type === 'br') text += ' ';
		else if (token.type === 'list') text += tokenText((token as Tokens.List).items.slice(0, 1));
		else if ('tokens' in token && token.tokens) text += tokenText(token.tokens);
		else if ('text' in token && typeof token.text === 'string') text += token.text;
		else text += token.raw;
	}
	return text;
}

/**
 * The first line of a Markdown text as plain words, cut to `max` characters: what lists show
 * under a title. Only the first 500 characters of the first line are read, by Markdown's own
 * lexer, so no description can make a list slow.
 */
export function summarizeMarkdown(source: string, max = 140): string {
	const rest = source.trimStart();
	const end = rest.indexOf('\n');
	const line = rest.slice(0, Math.min(end === -1 ? rest.length : end, SUMMARY_SCAN));
	let plain: string;
	try {
		plain = tokenText(marked.lexer(line)).replace(/\s+/g, ' ').trim();
	} catch {
		plain = line.trim();
	}
	return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
