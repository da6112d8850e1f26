import { and, eq, sql } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { actionCodes, frameworkCodes, goalCodes, goals } from '../db/schema';
import { commitChange } from '../events/commit';
import { FRAMEWORKS, type Framework } from '../../goals/kinds';
import type { CodeOption, CodeRef } from '../../goals/codes';
import { localizedCodeTitle } from '../../goals/code-titles';
import type { Locale } from '../../locales';
import type { Actor } from './actor';
import { findActionRow } from './action-view';
import { DomainError } from './errors';

export type { CodeOption, CodeRef } from '../../goals/codes';

/** At most this many codes on one action or goal: a form can send no more. */
export const MAX_CODES = 60;

const rank = (f: Framework) => FRAMEWORKS.indexOf(f);
const byFrameworkThenCode = (a: CodeRef, b: CodeRef) =>
	rank(a.framework) - rank(b.framework) || a.code - b.code;

/**
 * Every code to choose from, DNK criteria first, then the SDGs, then the organisation's own tags
 * (their titles are what people named them; the frameworks' in the reader's language).
 */
export function listFrameworkCodes(db: Conn, locale: Locale): CodeOption[] {
	return db
		.select()
		.from(frameworkCodes)
		.all()
		.map((row) => ({
			framework: row.framework,
			code: row.code,
			title: localizedCodeTitle(row, locale)
		}))
		.sort(byFrameworkThenCode);
}

/** The codes an action is tagged with, in the order of `listFrameworkCodes`. */
export function codesOfAction(db: Conn, actionId: number): CodeRef[] {
	return db
		.select({ framework: actionCodes.framework, code: actionCodes.code })
		.from(actionCodes)
		.where(eq(actionCodes.actionId, actionId))
		.all()
		.sort(byFrameworkThenCode);
}

/** The codes a goal is tagged with, in the order of `listFrameworkCodes`. */
export function codesOfGoal(db: Conn, goalId: number): CodeRef[] {
	return db
		.select({ framework: goalCodes.framework, code: goalCodes.code })
		.from(goalCodes)
		.where(eq(goalCodes.goalId, goalId))
		.all()
		.sort(byFrameworkThenCode);
}

/** Codes that are not in the table (a stale form, a forged request) are a bad request. */
function requireKnown(db: Conn, codes: CodeRef[]) {
	for (const c of codes) {
		const known = db
			.select({ code: frameworkCodes.code })
			.from(frameworkCodes)
			.where(and(eq(frameworkCodes.framework, c.framework), eq(frameworkCodes.code, c.code)))
			.get();
		if (!known) throw new DomainError('unknown_code', { code: `${c.framework}:${c.code}` });
	}
}

function distinct(codes: CodeRef[]): CodeRef[] {
	const seen = new Map(codes.map((c) => [`${c.framework}:${c.code}`, c]));
	return [...seen.values()].sort(byFrameworkThenCode);
}

/**
 * Tags an action with exactly these codes (the ones it had and is not given lose it). Tags are
 * not part of the action's text: they do not raise its version, so tagging never conflicts with
 * someone editing the action at the same time.
 */
export function setActionCodes(db: Db, _actor: Actor, actionId: number, codes: CodeRef[]) {
	return commitChange(db, () => {
		const action = findActionRow(db, actionId);
		if (!action) throw new DomainError('not_found');
		if (action.archivedAt) throw new DomainError('archived');
		const wanted = distinct(codes);
		requireKnown(db, wanted);
		db.delete(actionCodes).where(eq(actionCodes.actionId, actionId)).run();
		if (wanted.length) {
			db.insert(actionCodes)
				.values(wanted.map((c) => ({ actionId, ...c })))
				.run();
		}
		return wanted;
	});
}

/** Tags a goal with exactly these codes. */
export function setGoalCodes(db: Db, _actor: Actor, goalId: number, codes: CodeRef[]) {
	return commitChange(db, () => {
		const goal = db.select({ id: goals.id }).from(goals).where(eq(goals.id, goalId)).get();
		if (!goal) throw new DomainError('not_found');
		const wanted = distinct(codes);
		requireKnown(db, wanted);
		db.delete(goalCodes).where(eq(goalCodes.goalId, goalId)).run();
		if (wanted.length) {
			db.insert(goalCodes)
				.values(wanted.map((c) => ({ goalId, ...c })))
				.run();
		}
		return wanted;
	});
}

/**
 * The organisation's own tag of this name (trimmed; the same name in other capitals is the same
 * tag): found if it exists, made if not. Hands back its code.
 */
export function ownTag(db: Db, _actor: Actor, name: string): CodeRef {
	return commitChange(db, () => {
		const existing = db
			.select({ code: frameworkCodes.code })
			.from(frameworkCodes)
			.where(
				and(
					eq(frameworkCodes.framework, 'own'),
					sql`lower(${frameworkCodes.titleDe}) = lower(${name})`
				)
			)
			.get();
		if (existing) return { framework: 'own', code: existing.code };
		const next = db
			.select({ n: sql<number>`coalesce(max(${frameworkCodes.code}), 0) + 1` })
			.from(frameworkCodes)
			.where(eq(frameworkCodes.framework, 'own'))
			.get()!.n;
		db.insert(frameworkCodes)
			.values({ framework: 'own', code: next, titleDe: name, titleEn: name })
			.run();
		return { framework: 'own', code: next };
	});
}
