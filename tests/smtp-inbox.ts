// A real SMTP server in the test process (smtp-server), whose mail is parsed with mailparser:
// e-mail is tested as it arrives, never through a mocked transport. It can refuse a recipient
// for good (550), and hold an e-mail without ever answering, as a server that stops in the
// middle of a delivery would.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createServer, type AddressInfo } from 'node:net';

/** An e-mail as a test reads it. */
export interface CaughtMail {
	to: string[];
	subject: string;
	text: string;
	/** Every header line as it came (unfolded), e.g. `List-Unsubscribe: <https://…>`. */
	headerLines: string[];
}

export interface Received {
	mail: ParsedMail;
	/** The envelope's recipients: who the SMTP server was asked to deliver to. */
	rcptTo: string[];
}

/** A port nothing listens on yet (found by listening once and letting go). */
export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => done(port));
		});
	});
}

export class SmtpInbox {
	readonly received: Received[] = [];
	#server: SMTPServer | null = null;
	#refused = new Set<string>();
	#held = new Set<string>();

	/**
	 * @param port where it listens, also across stop and start
	 * @param beforeAccepting runs once a message is read and before the SMTP server says it took
	 *   it (e.g. to stop the sending app at exactly that moment)
	 */
	/** Offer STARTTLS with smtp-server's own self-signed certificate, as its default is. */
	starttls = false;

	constructor(
		readonly port: number,
		private readonly beforeAccepting?: (received: Received) => Promise<void> | void
	) {}

	static async onFreePort(beforeAccepting?: (received: Received) => Promise<void> | void) {
		return new SmtpInbox(await freePort(), beforeAccepting);
	}

	/** An inbox on a free port, already listening. */
	static async started() {
		const inbox = await SmtpInbox.onFreePort();
		await inbox.start();
		return inbox;
	}

	/** Answers 550 to every e-mail for `address`, until `accept`. */
	refuse(address: string) {
		this.#refused.add(address.toLowerCase());
	}

	accept(address: string) {
		this.#refused.delete(address.toLowerCase());
	}

	/** Takes the e-mails for `address` but never answers (the sender waits). */
	hold(address: string) {
		this.#held.add(address.toLowerCase());
	}

	/** Everything delivered so far, in order, as tests read it. */
	get mails(): CaughtMail[] {
		return this.received.map(({ mail, rcptTo }) => ({
			to: rcptTo,
			subject: mail.subject ?? '',
			text: mail.text ?? '',
			headerLines: mail.headerLines.map((h) => h.line.replace(/\r?\n[ \t]+/g, ' '))
		}));
	}

	get url() {
		return `smtp://127.0.0.1:${this.port}`;
	}

	start() {
		this.#server = new SMTPServer({
			authOptional: true,
			disabledCommands: this.starttls ? [] : ['STARTTLS'],
			logger: false,
			onRcptTo: (address, _session, callback) => {
				if (!this.#refused.has(address.address.toLowerCase())) return callback();
				callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
			},
			onData: (stream, session, callback) => {
				const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
				if (to.some((address) => this.#held.has(address))) {
					// Read it all, answer never.
					stream.resume();
					return;
				}
				simpleParser(stream)
					.then(async (mail) => {
						const received = {
							mail,
							rcptTo: session.envelope.rcptTo.map((r) => r.address)
						};
						this.received.push(received);
						await this.beforeAccepting?.(received);
						callback();
					})
					.catch((error: Error) => callback(error));
			}
		});
		// A sender that goes away in the middle (a held e-mail) is no error of the test's.
		this.#server.on('error', () => {});
		return new Promise<void>((done) => this.#server!.listen(this.port, '127.0.0.1', done));
	}

	stop() {
		const server = this.#server;
		this.#server = null;
		return new Promise<void>((done) => (server ? server.close(() => done()) : done()));
	}

	/** The mails sent to `address`. */
	to(address: string): ParsedMail[] {
		return this.received.filter((r) => r.rcptTo.includes(address)).map((r) => r.mail);
	}
}

/** A header as it was sent (unfolded), e.g. the `<https://…>` of `List-Unsubscribe`. */
export function rawHeader(mail: ParsedMail, name: string): string {
	const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? '';
	return line
		.slice(line.indexOf(':') + 1)
		.replace(/\r?\n\s+/g, ' ')
		.trim();
}

/** The environment that makes the app send through `inbox`. */
export function mailEnv(inbox: SmtpInbox): Record<string, string> {
	// A long socket timeout: a held e-mail stays "being sent" until the test stops the server.
	return {
		SMTP_URL: `${inbox.url}?ignoreTLS=true&socketTimeout=600000`,
		MAIL_FROM: 'Dreiklang <dreiklang@example.org>'
	};
}
