import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { clientOf } from '../db/prepared';
import { DEFAULT_CHANNELS, DEFAULT_DIGEST, NOTIFICATION_KINDS } from '../../notifications/kinds';
import { readUnsubscribeToken, unsubscribeToken } from '../auth/unsubscribe-token';
import { notificationChoicesOf, saveNotificationChoices } from './notification-settings';
import { notificationChoicesInput } from './notification-input';
import { unsubscribe } from './notifications';

const storedRows = (db: ReturnType<typeof createTestDb>, userId: number) =>
	clientOf(db)
		.prepare('select kind, channel from notification_settings where user_id = ? order by kind')
		.all(userId);

/** The settings form as a browser sends it: every kind and the digest. */
const formOf = (overrides: Record<string, string> = {}): Record<string, string> => ({
	...Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, DEFAULT_CHANNELS[kind]])),
	digest: DEFAULT_DIGEST,
	...overrides
});

describe('notification settings', () => {
	it('shows the defaults to someone who chose nothing', async () => {
		const db = createTestDb();
		const person = await makeUser(db);
		expect(notificationChoicesOf(db, person.id)).toEqual({
			channels: DEFAULT_CHANNELS,
			digest: DEFAULT_DIGEST
		});
	});

	it('saves every choice at once and stores only those that differ from the default', async () => {
		const db = createTestDb();
		const person = await makeUser(db);
		const other = await makeUser(db);
		const input = notificationChoicesInput.parse(
			formOf({ owner_added: 'off', action_progress: 'email', digest: 'monthly' })
		);
		saveNotificationChoices(db, person.id, input);

		const choices = notificationChoicesOf(db, person.id);
		expect(choices.digest).toBe('monthly');
		expect(choices.channels.owner_added).toBe('off');
		expect(choices.channels.action_progress).toBe('email');
		expect(choices.channels.idea_state).toBe(DEFAULT_CHANNELS.idea_state);
		expect(storedRows(db, person.id)).toEqual([
			{ kind: 'action_progress', channel: 'email' },
			{ kind: 'owner_added', channel: 'off' }
		]);
		// Nobody else's choices move.
		expect(notificationChoicesOf(db, other.id).channels).toEqual(DEFAULT_CHANNELS);

		// Back to the defaults: nothing of theirs is stored any more.
		saveNotificationChoices(db, person.id, notificationChoicesInput.parse(formOf()));
		expect(storedRows(db, person.id)).toEqual([]);
		expect(notificationChoicesOf(db, person.id).digest).toBe(DEFAULT_DIGEST);
	});

	it('stores nothing for a person who does not exist', () => {
		const db = createTestDb();
		const input = notificationChoicesInput.parse(formOf({ owner_added: 'off' }));
		expect(() => saveNotificationChoices(db, 4711, input)).toThrow(/not_found/);
		expect(clientOf(db).prepare('select count(*) from notification_settings').pluck().get()).toBe(
			0
		);
	});

	it('refuses a form that leaves out a kind or names an unknown choice', () => {
		const { owner_added: _left, ...cut } = formOf();
		expect(notificationChoicesInput.safeParse(cut).success).toBe(false);
		expect(notificationChoicesInput.safeParse(formOf({ idea_state: 'sms' })).success).toBe(false);
		expect(notificationChoicesInput.safeParse(formOf({ digest: 'daily' })).success).toBe(false);
		expect(notificationChoicesInput.safeParse(formOf({ digest: ' weekly' })).success).toBe(false);
	});

	it('an unsubscribe link turns exactly its kind off, and the settings turn it on again', async () => {
		const db = createTestDb();
		const person = await makeUser(db);
		const token = unsubscribeToken(db, person.id, 'owner_added');
		const read = readUnsubscribeToken(db, token);
		expect(read).toEqual({ userId: person.id, topic: 'owner_added' });
		unsubscribe(db, read!.userId, read!.topic);
		expect(notificationChoicesOf(db, person.id).channels).toEqual({
			...DEFAULT_CHANNELS,
			owner_added: 'off'
		});

		unsubscribe(
			db,
			person.id,
			readUnsubscribeToken(db, unsubscribeToken(db, person.id, 'digest'))!.topic
		);
		expect(notificationChoicesOf(db, person.id).digest).toBe('off');

		saveNotificationChoices(db, person.id, notificationChoicesInput.parse(formOf()));
		expect(notificationChoicesOf(db, person.id)).toEqual({
			channels: DEFAULT_CHANNELS,
			digest: DEFAULT_DIGEST
		});
	});

	it('reads no forged or altered unsubscribe token', async () => {
		const db = createTestDb();
		const person = await makeUser(db);
		const token = unsubscribeToken(db, person.id, 'owner_added');
		const [payload, signature] = token.split('.');
		const otherPayload = Buffer.from(`${person.id}.digest`).toString('base64url');
		expect(readUnsubscribeToken(db, `${otherPayload}.${signature}`)).toBeNull();
		expect(readUnsubscribeToken(db, `${payload}.${signature.slice(1)}`)).toBeNull();
		expect(readUnsubscribeToken(db, 'abc')).toBeNull();
		expect(readUnsubscribeToken(db, 'a'.repeat(5000))).toBeNull();
	});
});
