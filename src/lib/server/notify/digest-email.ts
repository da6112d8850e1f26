import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Conn } from '../db';
import type { Subscriber } from '../events/subscribers';
import type { Change, DigestDue } from '../events/types';
import { digestContent, isEmptyDigest, type DigestContent } from '../domain/digests';
import { enqueueEmail } from '../domain/outbox';
import { getUser } from '../domain/users';
import { cellLabel } from '../../board/labels';
import { addDays, formatDate, today } from '../../board/dates';
import { composeEmail, inRecipientLocale, type EmailParts } from './compose-email';
import { unsubscribeUrl } from './email-out';
import { mailConfig } from './mail-config';

/** A digest's section shows this many entries, then how many more there are. */
export const DIGEST_SECTION_LIMIT = 20;

// Everyone's digest of a period tells the same; a run reads it once per database and period.
const lastContent = new WeakMap<Conn['$client'], { key: string; content: DigestContent }>();

function contentOf(db: Conn, event: DigestDue): DigestContent {
	const key = `${event.from.getTime()}|${event.to.getTime()}|${today(event.createdAt)}`;
	const cached = lastContent.get(db.$client);
	if (cached?.key === key) return cached.content;
	const content = digestContent(db, event.from, event.to, event.createdAt);
	lastContent.set(db.$client, { key, content });
	return content;
}

type Item = { text: string; url?: string };

type Section = NonNullable<EmailParts['sections']>[number];

function section(heading: string, items: Item[], moreUrl: string): Section[] {
	if (items.length === 0) return [];
	const shown = items.slice(0, DIGEST_SECTION_LIMIT);
	if (items.length > shown.length) {
		shown.push({ text: m.digest_more({ count: items.length - shown.length }), url: moreUrl });
	}
	return [{ heading, items: shown }];
}

/** The digest in the current language: subject, one sentence, and its lists with links. */
export function digestParts(
	event: Pick<DigestDue, 'period' | 'from' | 'to'>,
	content: DigestContent,
	origin: string,
	unsubscribe: string
): EmailParts {
	const locale = getLocale();
	const weekly = event.period.includes('-W');
	const from = formatDate(today(event.from), locale);
	// `to` is the first moment after the period: its last day is the day before.
	const to = formatDate(addDays(today(event.to), -1), locale);
	const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(
		event.from
	);
	const action = (id: number) => `${origin}/actions/${id}`;
	const roadmap = `${origin}/roadmap`;
	return {
		subject: weekly ? m.digest_subject_weekly({ from, to }) : m.digest_subject_monthly({ month }),
		paragraphs: [weekly ? m.digest_intro_weekly({ from, to }) : m.digest_intro_monthly({ month })],
		sections: [
			...section(
				m.digest_moved(),
				content.moved.map((a) => ({
					text: m.digest_moved_item({
						action: a.title,
						from: cellLabel(a.from),
						to: cellLabel(a.to)
					}),
					url: action(a.id)
				})),
				roadmap
			),
			...section(
				m.digest_done(),
				content.done.map((a) => ({ text: a.title, url: action(a.id) })),
				roadmap
			),
			...section(
				m.digest_ideas(),
				content.ideas.map((i) => ({ text: i.title, url: `${origin}/ideas/${i.id}` })),
				`${origin}/ideas`
			),
			...section(
				m.digest_due_soon(),
				content.dueSoon.map((a) => ({
					text: m.digest_due_item({ action: a.title, date: formatDate(a.dueDate, locale) }),
					url: action(a.id)
				})),
				`${origin}/upcoming`
			)
		],
		link: { url: roadmap, label: m.digest_open() },
		unsubscribe: { topic: 'digest', url: unsubscribe }
	};
}

/** Writes one person's digest into the outbox, in their language; an empty digest is not sent. */
function enqueueDigest(db: Conn, change: Change, event: DigestDue) {
	const config = mailConfig();
	if (!config) return;
	const person = getUser(db, event.userId);
	if (!person || !person.active || !person.email.trim()) return;
	const content = contentOf(db, event);
	if (isEmptyDigest(content)) return;
	const to = { id: person.id, email: person.email, name: person.name, locale: person.locale };
	const mail = inRecipientLocale(person.locale, config.origin, () =>
		composeEmail(
			to,
			'digest',
			digestParts(
				event,
				content,
				config.origin,
				unsubscribeUrl(db, config.origin, person.id, 'digest')
			),
			`${config.origin}/settings#notifications`
		)
	);
	enqueueEmail(db, change, mail, event.createdAt);
}

/**
 * The digest e-mail: when a person's digest is due (`domain/digests.ts`), it is composed in their
 * language and put into the outbox inside the same transaction that marks the period handled.
 */
export const digestEmails: Subscriber = {
	name: 'digest-email',
	inTransaction(events, db, change) {
		for (const event of events) {
			if (event.type === 'digest_due') enqueueDigest(db, change, event);
		}
	}
};
