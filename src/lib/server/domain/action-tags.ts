import type { Conn, Db } from '../db';
import { commitChange } from '../events/commit';
import { codeKey } from '../../goals/codes';
import type { ActionTagsView } from '../../goals/action-tags';
import type { Locale } from '../../locales';
import type { Actor } from './actor';
import { setActionGoals } from './action-goals';
import type { ActionTagsInput } from './action-tags-input';
import { codesOfAction, listFrameworkCodes, ownTag, setActionCodes } from './framework-codes';
import { goalIdsOfAction, listGoals } from './goals';

/** The action's goals and codes, with every choice the form offers. */
export function actionTagsView(
	db: Conn,
	action: { id: number; boardId: number },
	locale: Locale
): ActionTagsView {
	return {
		options: listFrameworkCodes(db, locale),
		codes: codesOfAction(db, action.id).map(codeKey),
		boardGoals: listGoals(db, action.boardId).map(({ id, dimension, name }) => ({
			id,
			dimension,
			name
		})),
		goals: goalIdsOfAction(db, action.id)
	};
}

/**
 * The action page's one form: the action's codes, the goals it serves and, where someone typed
 * one, a new own tag that it is tagged with as well. One change: a refused goal leaves the codes
 * as they were, and no own tag is made for nothing.
 */
export function tagAction(db: Db, actor: Actor, actionId: number, input: ActionTagsInput) {
	return commitChange(db, () => {
		const codes = [...input.codes];
		if (input.newTag) codes.push(ownTag(db, actor, input.newTag));
		setActionCodes(db, actor, actionId, codes);
		const goals = setActionGoals(db, actor, actionId, input.goals);
		return { codes: codesOfAction(db, actionId).map(codeKey), goals };
	});
}
