/**
 * Where people report a barrier: `ACCESSIBILITY_CONTACT` (an e-mail address), else the address
 * e-mails come from (`MAIL_FROM`), else none — then the statement points to the people who run
 * Dreiklang in the organisation.
 */
export function accessibilityContact(env: NodeJS.ProcessEnv = process.env): string | null {
	const configured = env.ACCESSIBILITY_CONTACT?.trim() || env.MAIL_FROM?.trim() || '';
	// "Dreiklang <dreiklang@example.org>" names the address in angle brackets.
	const address = (/<([^<>\s]{3,254})>$/.exec(configured.slice(0, 320))?.[1] ?? configured).trim();
	return /^[^\s@<>]{1,64}@[^\s@<>]{1,250}$/.test(address) ? address : null;
}
