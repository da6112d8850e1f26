import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { prepared } from '../db/prepared';
import { actionOwners, actions, users } from '../db/schema';

const p = sql.placeholder;

function build(db: Conn) {
	const cell = and(
		eq(actions.boardId, p('board')),
		eq(actions.dimension, p('dimension')),
		eq(actions.horizon, p('horizon')),
		isNull(actions.archivedAt)
	);
	return {
		byId: db
			.select()
			.from(actions)
			.where(eq(actions.id, p('id')))
			.prepare(),
		placeInCell: db
			.select({ n: sql<number>`count(*)` })
			.from(actions)
			.where(
				and(
					cell,
					sql`(${actions.position} < ${p('position')} or (${actions.position} = ${p('position')} and ${actions.id} < ${p('id')}))`
				)
			)
			.prepare(),
		neighbours: db
			.select({ position: actions.position })
			.from(actions)
			.where(and(cell, ne(actions.id, p('without'))))
			.orderBy(asc(actions.position), asc(actions.id))
			.limit(p('limit'))
			.offset(p('offset'))
			.prepare(),
		owners: db
			.select({ id: users.id, name: users.name })
			.from(actionOwners)
			.innerJoin(users, eq(users.id, actionOwners.userId))
			.where(eq(actionOwners.actionId, p('id')))
			.orderBy(asc(users.name))
			.prepare(),
		// Update values are raw parameters (drizzle types no placeholders there): `now` in ms.
		moveTo: db
			.update(actions)
			.set({
				dimension: sql`${p('dimension')}`,
				horizon: sql`${p('horizon')}`,
				position: sql`${p('position')}`,
				version: sql`${p('version')}`,
				updatedAt: sql`${p('now')}`
			})
			.where(eq(actions.id, p('id')))
			.returning()
			.prepare()
	};
}

/** The queries every move and edit runs, prepared once per connection. */
export const actionQueries = (conn: Conn) => prepared(conn, build);
