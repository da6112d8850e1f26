/**
 * How e-mail goes out, from the environment:
 * - `SMTP_URL` (e.g. `smtp://user:pass@mail.example.org:587`) and `MAIL_FROM` set: by SMTP;
 * - `SMTP_URL=console`: printed to the server's console instead (for the demo and trying out);
 * - otherwise e-mail is off and everything stays in the app.
 * Links in e-mails start with `ORIGIN` (the address people open Dreiklang at).
 */
export interface MailConfig {
	transport: 'smtp' | 'console';
	smtpUrl: string;
	from: string;
	origin: string;
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
	const url = env.SMTP_URL?.trim();
	if (!url) return null;
	const origin = appOrigin(env);
	if (url === 'console') {
		return {
			transport: 'console',
			smtpUrl: '',
			from: env.MAIL_FROM || 'dreiklang@localhost',
			origin
		};
	}
	const from = env.MAIL_FROM?.trim();
	if (!from) return null;
	return { transport: 'smtp', smtpUrl: url, from, origin };
}

/** True when e-mails go out at all. */
export const mailEnabled = (env: NodeJS.ProcessEnv = process.env) => mailConfig(env) !== null;

/** Where people open Dreiklang: `ORIGIN`, or this server's own address. */
export function appOrigin(env: NodeJS.ProcessEnv = process.env): string {
	if (env.ORIGIN) return env.ORIGIN.replace(/\/+$/, '');
	const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
	return `http://${host}:${env.PORT || 3000}`;
}
