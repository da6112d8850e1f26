import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db';
import type { Subscriber } from '../events/subscribers';
import { durable } from '../events/group-commit';
import {
	claimNextEmail,
	giveUpInterrupted,
	markEmailFailed,
	markEmailSent,
	nextEmailDue,
	type ClaimedEmail
} from '../domain/outbox';
import type { MailConfig } from './mail-config';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** How long one SMTP exchange may take before it counts as failed. */
const SMTP_TIMEOUT_MS = 20_000;

/** With `SMTP_URL=console`: the e-mail as a person would read it, on the server's console. */
function printEmail(email: ClaimedEmail, messageId: string) {
	const headers = Object.entries(email.headers).map(([name, value]) => `${name}: ${value}`);
	console.log(
		[
			'',
			'--- e-mail (printed, not sent: SMTP_URL=console) ---',
			`To: ${email.to}`,
			`Subject: ${email.subject}`,
			`Message-ID: ${messageId}`,
			...headers,
			'',
			email.text,
			'--- end of e-mail ---',
			''
		].join('\n')
	);
}

/** SMTP answers 5xx for what will never work (unknown mailbox, refused sender): no retry. */
function isPermanent(error: unknown): boolean {
	const code = (error as { responseCode?: number }).responseCode;
	return typeof code === 'number' && code >= 500 && code < 600;
}

function transportFor(config: MailConfig): Transporter {
	if (config.transport === 'console') {
		return nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	}
	const url = new URL(config.smtpUrl);
	// A relay on this machine often offers STARTTLS with a self-signed certificate; the
	// connection never leaves the machine, so its certificate is not checked (unless the URL
	// says otherwise). Every other server's certificate is.
	if (LOOPBACK.has(url.hostname) && !url.searchParams.has('tls.rejectUnauthorized')) {
		url.searchParams.set('tls.rejectUnauthorized', 'false');
	}
	for (const [name, value] of [
		['connectionTimeout', SMTP_TIMEOUT_MS],
		['greetingTimeout', SMTP_TIMEOUT_MS],
		['socketTimeout', SMTP_TIMEOUT_MS]
	] as const) {
		if (!url.searchParams.has(name)) url.searchParams.set(name, String(value));
	}
	return nodemailer.createTransport(url.toString());
}

/**
 * The one sender of the outbox, in the server process. It wakes when an e-mail is queued (it
 * is a subscriber of the commit seam) and when the next retry is due; it sends one e-mail at a
 * time, each claimed before it leaves and marked once the SMTP server took it.
 */
export class MailSender {
	readonly #db: Db;
	readonly #config: MailConfig;
	readonly #transport: Transporter;
	readonly #now: () => Date;
	#running: Promise<void> | null = null;
	#again = false;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stopped = false;

	constructor(db: Db, config: MailConfig, { now = () => new Date() } = {}) {
		this.#db = db;
		this.#config = config;
		this.#transport = transportFor(config);
		this.#now = now;
	}

	/** What the server registers with the commit seam: a queued e-mail wakes the sender. */
	readonly subscriber: Subscriber = {
		name: 'mail-sender',
		afterCommit: (events) => {
			if (events.some((e) => e.type === 'mail_queued')) void this.wake();
		}
	};

	/**
	 * Starts sending: e-mails left `sending` by a stopped server are given up (they may have
	 * gone out), everything waiting is sent as it becomes due.
	 */
	start() {
		const interrupted = giveUpInterrupted(this.#db);
		if (interrupted) {
			console.warn(
				`${interrupted} e-mail(s) were being sent when the server stopped; they are marked failed in the outbox and are not sent twice.`
			);
		}
		void this.wake();
		return this;
	}

	/** Ends sending; an e-mail being handed over is finished first. */
	async stop() {
		this.#stopped = true;
		clearTimeout(this.#timer);
		await this.#running;
		this.#transport.close();
	}

	/** Sends what is due now (again, once the current round ends, when already sending). */
	wake(): Promise<void> {
		if (this.#stopped) return Promise.resolve();
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#round().finally(() => {
			this.#running = null;
			if (this.#again) {
				this.#again = false;
				void this.wake();
			} else this.#plan();
		});
		return this.#running;
	}

	/** Resolves once nothing is being sent (for tests and shutdown). */
	async idle() {
		while (this.#running) await this.#running;
	}

	async #round() {
		for (;;) {
			if (this.#stopped) return;
			const email = claimNextEmail(this.#db, this.#now());
			if (!email) return;
			// The claim is on disk before anything leaves: after a crash it is never sent again.
			await durable(this.#db.$client);
			await this.#send(email);
		}
	}

	async #send(email: ClaimedEmail) {
		try {
			const info: { messageId: string } = await this.#transport.sendMail({
				from: this.#config.from,
				to: email.to,
				subject: email.subject,
				text: email.text,
				html: email.html,
				headers: email.headers,
				messageId: email.messageId
			});
			if (this.#config.transport === 'console') printEmail(email, info.messageId);
			markEmailSent(this.#db, email.id, this.#now());
		} catch (error) {
			markEmailFailed(this.#db, email, String((error as Error).message ?? error), {
				permanent: isPermanent(error),
				now: this.#now()
			});
		}
	}

	/** Sleeps until the next waiting e-mail is due. */
	#plan() {
		clearTimeout(this.#timer);
		if (this.#stopped) return;
		const next = nextEmailDue(this.#db);
		if (!next) return;
		const wait = Math.max(0, next.getTime() - this.#now().getTime());
		this.#timer = setTimeout(() => void this.wake(), Math.min(wait, 2 ** 31 - 1));
		this.#timer.unref?.();
	}
}
