import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import type { Conn } from '../db';
import { clientOf, prepared } from '../db/prepared';
import { NOTIFICATION_KINDS, type UnsubscribeTopic } from '../../notifications/kinds';

const SECRET_KEY = 'mail_link_secret';
/** Longer tokens are refused before any work is done. */
export const MAX_UNSUBSCRIBE_TOKEN_LENGTH = 200;

const TOPICS = new Set<string>([...NOTIFICATION_KINDS, 'digest']);

/**
 * The key that signs unsubscribe links: made once per database and kept in `app_meta`, so
 * links stay valid across restarts and a restored backup; read once per connection.
 */
const readSecret = (db: Conn): Buffer => {
	const client = clientOf(db);
	client
		.prepare('insert or ignore into app_meta (key, value) values (?, ?)')
		.run(SECRET_KEY, randomBytes(32).toString('hex'));
	const value = client.prepare('select value from app_meta where key = ?').pluck().get(SECRET_KEY);
	return Buffer.from(value as string, 'hex');
};

const secret = (db: Conn) => prepared(db, readSecret);

const sign = (db: Conn, payload: string) =>
	createHmac('sha256', secret(db)).update(payload).digest().subarray(0, 16);

/**
 * The token of an unsubscribe link: who and what, signed. It turns one kind off and nothing
 * else, so it may work without signing in (RFC 8058), and it stays valid as long as the person
 * exists — an old e-mail's link still works.
 */
export function unsubscribeToken(db: Conn, userId: number, topic: UnsubscribeTopic): string {
	const payload = `${userId}.${topic}`;
	return `${encodeBase64urlNoPadding(new TextEncoder().encode(payload))}.${encodeBase64urlNoPadding(sign(db, payload))}`;
}

/** Who and what a token names, or null for anything not made by `unsubscribeToken`. */
export function readUnsubscribeToken(
	db: Conn,
	token: string
): { userId: number; topic: UnsubscribeTopic } | null {
	if (token.length > MAX_UNSUBSCRIBE_TOKEN_LENGTH) return null;
	const [encoded, signature, ...rest] = token.split('.');
	if (!encoded || !signature || rest.length) return null;
	let payload: string;
	let given: Uint8Array;
	try {
		payload = new TextDecoder('utf-8', { fatal: true }).decode(
			decodeBase64urlIgnorePadding(encoded)
		);
		given = decodeBase64urlIgnorePadding(signature);
	} catch {
		return null;
	}
	const expected = sign(db, payload);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	const dot = payload.indexOf('.');
	const userId = Number(payload.slice(0, dot));
	const topic = payload.slice(dot + 1);
	if (!Number.isSafeInteger(userId) || !TOPICS.has(topic)) return null;
	return { userId, topic: topic as UnsubscribeTopic };
}
