// A real SMTP server in the test process (smtp-server), which keeps what it gets parsed
// (mailparser). It can refuse a recipient for good (550) and hold an e-mail without ever
// answering, as a server that stops in the middle of a delivery would.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface CaughtMail {
	to: string[];
	subject: string;
	text: string;
	/** Every header line as it came, e.g. `List-Unsubscribe: <https://…>`. */
	headerLines: string[];
}

export interface MailCatcher {
	port: number;
	/** Everything delivered so far, in order. */
	mails: CaughtMail[];
	/** Answers 550 to every e-mail for `address`, until `accept`. */
	refuse(address: string): void;
	accept(address: string): void;
	/** Takes the e-mails for `address` but never answers (the sender waits). */
	hold(address: string): void;
	stop(): Promise<void>;
}

const recipientsOf = (session: SMTPServerSession) =>
	session.envelope.rcptTo.map((r) => r.address.toLowerCase());

function caught(mail: ParsedMail, to: string[]): CaughtMail {
	return {
		to,
		subject: mail.subject ?? '',
		text: mail.text ?? '',
		headerLines: mail.headerLines.map((h) => h.line.replace(/\r?\n[ \t]+/g, ' '))
	};
}

export async function startMailCatcher(): Promise<MailCatcher> {
	const mails: CaughtMail[] = [];
	const refused = new Set<string>();
	const held = new Set<string>();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (refused.has(address.address.toLowerCase())) {
				const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
				callback(error);
				return;
			}
			callback();
		},
		onData(stream: SMTPServerDataStream, session, callback) {
			const to = recipientsOf(session);
			if (to.some((address) => held.has(address))) {
				// Read it all, answer never.
				stream.resume();
				return;
			}
			simpleParser(stream).then(
				(mail) => {
					mails.push(caught(mail, to));
					callback();
				},
				(error: Error) => callback(error)
			);
		}
	});
	server.on('error', () => {
		// A sender that goes away in the middle (the held e-mail) is no error of the test's.
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
	const port = (server.server.address() as AddressInfo).port;
	return {
		port,
		mails,
		refuse: (address) => void refused.add(address.toLowerCase()),
		accept: (address) => void refused.delete(address.toLowerCase()),
		hold: (address) => void held.add(address.toLowerCase()),
		stop: () => new Promise<void>((done) => server.close(() => done()))
	};
}

/** The environment that makes the app send through `catcher`. */
export function mailEnv(catcher: MailCatcher): Record<string, string> {
	// A long socket timeout: a held e-mail stays "being sent" until the test stops the server.
	return {
		SMTP_URL: `smtp://127.0.0.1:${catcher.port}?ignoreTLS=true&socketTimeout=600000`,
		MAIL_FROM: 'Dreiklang <dreiklang@example.org>'
	};
}
