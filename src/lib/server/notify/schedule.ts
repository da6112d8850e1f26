import { Cron } from 'croner';
import type { Db } from '../db';
import { sendDueReminders } from '../domain/reminders';
import { sendDueDigests } from '../domain/digests';
import { mailEnabled } from './mail-config';

/** Every hour at minute 7 (server time): reminders, and digests once their hour has come. */
export const SCHEDULE = '7 * * * *';

/**
 * One run of the scheduled jobs at `now`. Each job decides itself what is due and what went out
 * already, so a run after downtime catches up once and a second run sends nothing new. Digests
 * go by e-mail only: without e-mail nothing is marked, and they start once it is on. Errors are
 * logged; they never reach the server.
 */
export function runScheduledJobs(db: Db, now = new Date()) {
	try {
		const { failed } = sendDueReminders(db, now);
		for (const { actionId, error } of failed) {
			console.error(`reminders of action ${actionId} failed; tried again next hour`, error);
		}
	} catch (error) {
		console.error('the reminder job failed', error);
	}
	if (!mailEnabled()) return;
	try {
		const { failed } = sendDueDigests(db, now);
		for (const error of failed) console.error('a digest failed; tried again next hour', error);
	} catch (error) {
		console.error('the digest job failed', error);
	}
}

let running: Cron | undefined;

/**
 * Runs the jobs once now (catching up on what came due while the server was down), then every
 * hour. The jobs are synchronous (SQLite), so a run never overlaps the next; `protect` keeps it
 * so should that change. Starting again (a reloaded hook) replaces the schedule.
 */
export function startSchedule(db: Db): Cron {
	running?.stop();
	runScheduledJobs(db);
	running = new Cron(
		SCHEDULE,
		{
			protect: true,
			// The process runs for its server; the schedule alone must not keep it alive.
			unref: true,
			catch: (error) => console.error('a scheduled run failed', error)
		},
		() => runScheduledJobs(db)
	);
	return running;
}
