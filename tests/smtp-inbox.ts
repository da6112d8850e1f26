// A real SMTP server in the test process (smtp-server), whose mail is parsed with mailparser:
// e-mail is tested as it arrives, never through a mocked transport.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createServer, type AddressInfo } from 'node:net';

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

	/**
	 * @param port where it listens, also across stop and start
	 * @param beforeAccepting runs once a message is read and before the SMTP server says it took
	 *   it (e.g. to stop the sending app at exactly that moment)
	 */
	constructor(
		readonly port: number,
		private readonly beforeAccepting?: (received: Received) => Promise<void> | void
	) {}

	static async onFreePort(beforeAccepting?: (received: Received) => Promise<void> | void) {
		return new SmtpInbox(await freePort(), beforeAccepting);
	}

	get url() {
		return `smtp://127.0.0.1:${this.port}`;
	}

	start() {
		this.#server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onData: (stream, session, callback) => {
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
