import { m } from '$lib/paraglide/messages';
import type { OutgoingEmail } from '../domain/outbox';
import { composeEmail, inRecipientLocale, type Addressee } from './compose-email';

const settingsUrl = (origin: string) => `${origin}/settings#notifications`;

/** A short e-mail to the admin who asked for it, in their language: proof that sending works. */
export function testEmail(to: Addressee, origin: string): OutgoingEmail {
	return inRecipientLocale(to.locale, origin, () =>
		composeEmail(
			to,
			'test',
			{
				subject: m.email_test_subject(),
				paragraphs: [m.email_test_text()],
				link: { url: `${origin}/admin/outbox`, label: m.outbox_title() }
			},
			settingsUrl(origin)
		)
	);
}

/**
 * A one-time sign-in link by e-mail, in the recipient's language, saying how long it works.
 * It is a key: kept in the outbox only until sent (`sensitive`).
 */
export function signInLinkEmail(
	to: Addressee,
	link: string,
	days: number,
	origin: string
): OutgoingEmail {
	const mail = inRecipientLocale(to.locale, origin, () =>
		composeEmail(
			to,
			'sign_in_link',
			{
				subject: m.email_sign_in_subject(),
				paragraphs: [m.email_sign_in_text(), m.email_sign_in_valid({ days })],
				link: { url: link, label: m.email_sign_in_action() }
			},
			settingsUrl(origin)
		)
	);
	return { ...mail, sensitive: true };
}
