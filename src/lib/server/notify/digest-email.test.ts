import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { subscribe } from '../events/subscribers';
import { clientOf } from '../db/prepared';
import type { Db } from '../db';
import { createBoard } from '../domain/boards';
import { createAction } from '../domain/create-action';
import { moveAction } from '../domain/move-action';
import { addProgress } from '../domain/progress';
import { proposeIdea } from '../domain/idea-changes';
import { proposeIdeaInput } from '../domain/idea-input';
import { setDigest } from '../domain/notifications';
import { setLocale } from '../domain/users';
import { sendDueDigests } from '../domain/digests';
import { readUnsubscribeToken } from '../auth/unsubscribe-token';
import { digestEmails } from './digest-email';
import { runScheduledJobs } from './schedule';

const ORIGIN = 'https://dreiklang.example.org';

let off: (() => void) | undefined;
beforeEach(() => {
	off = subscribe(digestEmails);
	vi.stubEnv('SMTP_URL', 'console');
	vi.stubEnv('ORIGIN', ORIGIN);
});
afterEach(() => {
	off?.();
	vi.unstubAllEnvs();
});

const at = (date: string, hour = 9) => {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(y!, m! - 1, d!, hour);
};

interface OutboxMail {
	userId: number;
	to: string;
	topic: string;
	subject: string;
	text: string;
	html: string;
	headers: string;
}

const outbox = (db: Db) =>
	clientOf(db)
		.prepare(
			`select user_id as userId, to_address as "to", topic, subject, text, html, headers
			 from outbox order by id`
		)
		.all() as OutboxMail[];

const handled = (db: Db) => clientOf(db).prepare('select user_id, period from digests_sent').all();

/** A week (2 to 8 March 2026) in which something happened, and the people who hear of it. */
/** Everyone in these tests joined long before the weeks and months they read about. */
const LONG_AGO = new Date('2025-01-01T00:00:00');

async function week() {
	const db = createTestDb();
	const member = await makeUser(db, { role: 'member', name: 'Mia Mitglied', createdAt: LONG_AGO });
	const reader = await makeUser(db, { role: 'staff', name: 'Wanda Woche', createdAt: LONG_AGO });
	const english = await makeUser(db, { role: 'staff', name: 'Eve English', createdAt: LONG_AGO });
	const monthly = await makeUser(db, { role: 'leader', name: 'Moritz Monat', createdAt: LONG_AGO });
	setLocale(db, english.id, 'en');
	setDigest(db, member.id, 'off');
	setDigest(db, monthly.id, 'monthly');
	const board = createBoard(db, { name: 'Strategie' }, at('2026-01-01'));
	const moved = createAction(
		db,
		member,
		board.id,
		{ title: 'Jobräder', dimension: 'social', horizon: 'short', owners: [member.id] },
		at('2026-02-01')
	);
	moveAction(
		db,
		member,
		moved.id,
		{ dimension: 'economic', horizon: 'medium', index: 0, version: moved.version },
		at('2026-03-03')
	);
	const done = createAction(
		db,
		member,
		board.id,
		{ title: 'Ökostrom', dimension: 'ecological', horizon: 'short' },
		at('2026-02-01')
	);
	addProgress(
		db,
		member,
		done.id,
		{ note: 'Vertrag steht', progress: 100, status: 'done' },
		at('2026-03-05')
	);
	const idea = proposeIdea(
		db,
		member,
		proposeIdeaInput.parse({ title: 'Regionales Mittagessen' }),
		{
			now: at('2026-03-04')
		}
	);
	const due = createAction(
		db,
		member,
		board.id,
		{ title: 'Heizung prüfen', dimension: 'economic', horizon: 'short', dueDate: '2026-03-16' },
		at('2026-02-01')
	);
	return { db, member, reader, english, monthly, moved, done, idea, due };
}

describe('the digest e-mail', () => {
	it('goes to each weekly reader in their language, with links and a way to stop it', async () => {
		const { db, member, reader, english, monthly, moved, done, idea, due } = await week();
		sendDueDigests(db, at('2026-03-09', 8));
		const mails = outbox(db);
		// The monthly reader gets February's, due from 1 March on.
		expect(mails.map((m) => [m.userId, m.topic])).toEqual([
			[reader.id, 'digest'],
			[english.id, 'digest'],
			[monthly.id, 'digest']
		]);
		const [german, inEnglish] = mails as [OutboxMail, OutboxMail];
		expect(german.to).toBe(reader.email);
		expect(german.subject).toBe('Ihr Wochen-Überblick: 02.03.2026 bis 08.03.2026');
		expect(german.text).toContain('Hallo Wanda Woche,');
		expect(german.text).toContain('In ein anderes Feld verschoben');
		expect(german.text).toContain(
			'„Jobräder“: von Sozial · kurzfristig nach Ökonomisch · mittelfristig'
		);
		expect(german.text).toContain(`${ORIGIN}/actions/${moved.id}`);
		expect(german.text).toContain('Erledigt');
		expect(german.text).toContain(`- Ökostrom\n  ${ORIGIN}/actions/${done.id}`);
		expect(german.text).toContain(`- Regionales Mittagessen\n  ${ORIGIN}/ideas/${idea.id}`);
		expect(german.text).toContain('„Heizung prüfen“: fällig am 16.03.2026');
		expect(german.text).toContain(`${ORIGIN}/actions/${due.id}`);
		expect(german.html).toContain(
			`<a href="${ORIGIN}/ideas/${idea.id}">Regionales Mittagessen</a>`
		);
		expect(inEnglish.subject).toMatch(/^Your weekly overview: /);
		expect(inEnglish.text).toContain('Moved to another cell');

		// Nobody's address is in it — not even the reader's own.
		for (const mail of mails) {
			expect(mail.text).not.toContain('@');
			expect(mail.html).not.toContain('@');
			expect(mail.text).not.toContain(member.name);
		}

		const headers = JSON.parse(german.headers) as Record<string, string>;
		expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
		const url = /^<(.+)>$/.exec(headers['List-Unsubscribe']!)![1]!;
		expect(url.startsWith(`${ORIGIN}/unsubscribe/`)).toBe(true);
		expect(readUnsubscribeToken(db, url.split('/').pop()!)).toEqual({
			userId: reader.id,
			topic: 'digest'
		});
	});

	it('is written in French and Dutch, with dates as those languages write them', async () => {
		const { db, reader, english } = await week();
		setLocale(db, reader.id, 'fr');
		setLocale(db, english.id, 'nl');
		sendDueDigests(db, at('2026-03-09', 8));
		const mails = outbox(db);
		const french = mails.find((m) => m.userId === reader.id)!;
		const dutch = mails.find((m) => m.userId === english.id)!;
		expect(french.subject).toBe(
			'Votre récapitulatif de la semaine : du 2 mars 2026 au 8 mars 2026'
		);
		expect(french.text).toContain('Actions déplacées dans une autre case');
		expect(french.html).toContain('lang="fr"');
		expect(dutch.subject).toBe('Uw weekoverzicht: 2 mrt 2026 tot en met 8 mrt 2026');
		expect(dutch.text).toContain('Naar een ander vak verplaatst');
	});

	it('is written once per period', async () => {
		const { db } = await week();
		sendDueDigests(db, at('2026-03-09', 8));
		sendDueDigests(db, at('2026-03-09', 9));
		sendDueDigests(db, at('2026-03-12', 9));
		expect(outbox(db)).toHaveLength(3);
	});

	it('goes to a monthly reader for the month, not for the week', async () => {
		const { db, reader, monthly } = await week();
		sendDueDigests(db, at('2026-03-09', 8));
		sendDueDigests(db, at('2026-03-16', 8));
		sendDueDigests(db, at('2026-04-01', 7));
		const subjects = (userId: number) =>
			outbox(db)
				.filter((m) => m.userId === userId)
				.map((m) => m.subject);
		expect(subjects(monthly.id)).toEqual([
			'Ihr Monats-Überblick: Februar 2026',
			'Ihr Monats-Überblick: März 2026'
		]);
		expect(subjects(reader.id)).toEqual([
			'Ihr Wochen-Überblick: 02.03.2026 bis 08.03.2026',
			'Ihr Wochen-Überblick: 09.03.2026 bis 15.03.2026'
			// The week of 23 March told nothing: no e-mail.
		]);
		const march = outbox(db).filter((m) => m.userId === monthly.id)[1]!;
		expect(march.text).toContain('Jobräder');
		expect(march.text).toContain('Ökostrom');
	});

	it('is not sent when there is nothing to tell, and the period counts as handled', async () => {
		const db = createTestDb();
		const reader = await makeUser(db, { role: 'staff', createdAt: LONG_AGO });
		const { sent } = sendDueDigests(db, at('2026-03-09', 8));
		expect(sent).toEqual([{ userId: reader.id, period: '2026-W10' }]);
		expect(outbox(db)).toEqual([]);
		expect(sendDueDigests(db, at('2026-03-09', 9)).sent).toEqual([]);
	});

	it('is not handled at all while e-mail is off', async () => {
		const { db } = await week();
		vi.stubEnv('SMTP_URL', '');
		runScheduledJobs(db, at('2026-03-09', 8));
		expect(handled(db)).toEqual([]);
		vi.stubEnv('SMTP_URL', 'console');
		runScheduledJobs(db, at('2026-03-09', 9));
		expect(handled(db)).toHaveLength(3);
		expect(outbox(db)).toHaveLength(3);
	});
});
