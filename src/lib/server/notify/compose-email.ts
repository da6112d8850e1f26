import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { escapeHtml } from '$lib/html';
import { inLocale } from '../http/request-locale';
import type { OutgoingEmail, OutboxTopic } from '../domain/outbox';
import { describeNotification, notificationKindLabel } from '../../notifications/wording';
import type { NotificationContent, UnsubscribeTopic } from '../../notifications/kinds';

/** Who an e-mail goes to: one person — nobody else's address is ever in it. */
export interface Addressee {
	id: number | null;
	email: string;
	name: string;
	locale: Locale;
}

/** What an e-mail says, in the words of its recipient's language. */
export interface EmailParts {
	subject: string;
	/** Paragraphs of plain text. */
	paragraphs: string[];
	/** The one thing to open, e.g. the action. */
	link?: { url: string; label: string };
	/** Lists under headings (the digest). */
	sections?: { heading: string; items: { text: string; url?: string }[] }[];
	/** Why the person gets it and how to stop it. */
	unsubscribe?: { topic: UnsubscribeTopic; url: string };
}

const SUBJECT_LIMIT = 120;

/** A subject line: one line, not too long. */
export function subjectLine(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > SUBJECT_LIMIT ? `${line.slice(0, SUBJECT_LIMIT - 1)}…` : line;
}

/** Composes in `locale`: every message inside reads in the recipient's language. */
export function inRecipientLocale<T>(locale: Locale, origin: string, compose: () => T): T {
	return inLocale(locale, origin, compose);
}

/**
 * Writes an e-mail as plain text and simple HTML (the same content), with the
 * `List-Unsubscribe` headers of RFC 8058 when it can be unsubscribed from. Call it inside
 * `inRecipientLocale`.
 */
export function composeEmail(
	to: Addressee,
	topic: OutboxTopic,
	parts: EmailParts,
	settingsUrl: string
): OutgoingEmail {
	const greeting = m.email_greeting({ name: to.name });
	const text: string[] = [greeting, '', ...parts.paragraphs.flatMap((p) => [p, ''])];
	const html: string[] = [`<p>${escapeHtml(greeting)}</p>`];
	for (const p of parts.paragraphs) html.push(`<p>${escapeHtml(p)}</p>`);
	for (const section of parts.sections ?? []) {
		text.push(section.heading, '');
		html.push(
			`<h2 style="font-size:1.1em;margin:1.2em 0 0.4em">${escapeHtml(section.heading)}</h2><ul>`
		);
		for (const item of section.items) {
			text.push(`- ${item.text}${item.url ? `\n  ${item.url}` : ''}`);
			html.push(
				`<li>${item.url ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text)}</li>`
			);
		}
		text.push('');
		html.push('</ul>');
	}
	if (parts.link) {
		text.push(`${parts.link.label}: ${parts.link.url}`, '');
		html.push(
			`<p><a href="${escapeHtml(parts.link.url)}" style="display:inline-block;padding:0.5em 1em;background:#1d5c3a;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(parts.link.label)}</a></p>`
		);
	}
	const footer: string[] = [];
	const footerHtml: string[] = [];
	if (parts.unsubscribe) {
		const { topic } = parts.unsubscribe;
		const why =
			topic === 'digest'
				? m.email_why_digest()
				: m.email_why({ kind: notificationKindLabel(topic) });
		footer.push(why, `${m.email_unsubscribe()}: ${parts.unsubscribe.url}`);
		footerHtml.push(
			escapeHtml(why),
			`<a href="${escapeHtml(parts.unsubscribe.url)}">${escapeHtml(m.email_unsubscribe())}</a>`
		);
	}
	footer.push(`${m.email_settings()}: ${settingsUrl}`);
	footerHtml.push(`<a href="${escapeHtml(settingsUrl)}">${escapeHtml(m.email_settings())}</a>`);
	text.push('-- ', ...footer);
	html.push(`<hr><p style="font-size:0.85em;color:#555">${footerHtml.join('<br>')}</p>`);
	const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
	if (parts.unsubscribe) {
		headers['List-Unsubscribe'] = `<${parts.unsubscribe.url}>`;
		headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
	}
	return {
		userId: to.id,
		to: to.email,
		topic,
		subject: subjectLine(parts.subject),
		text: text.join('\n'),
		html: `<!doctype html><html lang="${to.locale}"><meta charset="utf-8"><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${html.join('\n')}</body></html>`,
		headers
	};
}

/** A notification as an e-mail: its sentence, the link to what it is about, and how to stop it. */
export function notificationParts(
	content: NotificationContent,
	url: string,
	unsubscribeUrl: string
): EmailParts {
	const sentence = describeNotification(content);
	return {
		subject: sentence,
		paragraphs: [sentence],
		link: { url, label: m.email_open() },
		unsubscribe: { topic: content.kind, url: unsubscribeUrl }
	};
}
