import { and, eq, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { actionOwners, users } from '../db/schema';
import { DomainError } from './errors';

/** Only active people can be made owners. */
export function assertActiveOwners(db: Conn, ownerIds: number[]) {
	if (ownerIds.length === 0) return;
	const found = db
		.select({ id: users.id })
		.from(users)
		.where(and(sql`${users.id} in ${ownerIds}`, eq(users.active, true)))
		.all();
	if (found.length !== new Set(ownerIds).size) throw new DomainError('invalid_owner');
}

export function replaceOwners(db: Conn, actionId: number, ownerIds: number[]) {
	db.delete(actionOwners).where(eq(actionOwners.actionId, actionId)).run();
	const unique = [...new Set(ownerIds)];
	if (unique.length) {
		db.insert(actionOwners)
			.values(unique.map((userId) => ({ actionId, userId })))
			.run();
	}
}

/** The owners' ids, sorted (so two lists compare by value). */
export function currentOwnerIds(db: Conn, actionId: number): number[] {
	return db
		.select({ id: actionOwners.userId })
		.from(actionOwners)
		.where(eq(actionOwners.actionId, actionId))
		.all()
		.map((r) => r.id)
		.sort((a, b) => a - b);
}
