// Unsubscribe links as the app signs them, for tests on servers that send no e-mail: the app's
// own signing function, run on the server's database file (its key is kept there), so the
// server reads the link exactly as it would read one from an e-mail.
import Database from 'better-sqlite3';
import { unsubscribeToken as signedToken } from '../src/lib/server/auth/unsubscribe-token';
import type { UnsubscribeTopic } from '../src/lib/notifications/kinds';

/** The token of the link that turns `topic` off for the person with `userId`. */
export function unsubscribeToken(databasePath: string, userId: number, topic: UnsubscribeTopic) {
	const client = new Database(databasePath, { fileMustExist: true, timeout: 10_000 });
	try {
		// The signing function reads only the connection under the drizzle handle.
		return signedToken({ $client: client } as never, userId, topic);
	} finally {
		client.close();
	}
}

/** The path of that link, as an e-mail carries it (without the origin). */
export const unsubscribePath = (databasePath: string, userId: number, topic: UnsubscribeTopic) =>
	`/unsubscribe/${unsubscribeToken(databasePath, userId, topic)}`;

/** A person's id, read from the server's database by their e-mail address. */
export function userIdOf(databasePath: string, email: string): number {
	const client = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const id = client.prepare('select id from users where email = ?').pluck().get(email);
		if (typeof id !== 'number') throw new Error(`${email} is not in ${databasePath}`);
		return id;
	} finally {
		client.close();
	}
}
