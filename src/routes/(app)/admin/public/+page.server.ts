import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { firstBoardId } from '$lib/server/domain/boards';
import {
	listActionPublicity,
	publicPageSettings,
	renewPublicToken,
	setPublicOwnerNames,
	turnPublicPageOff,
	turnPublicPageOn
} from '$lib/server/domain/public-page';
import { ownerNamesInput } from '$lib/server/domain/public-page-input';
import { requirePageUser } from '$lib/server/http/guard';
import { parseForm } from '$lib/server/http/validation';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The board whose public page this is: the organisation's board (the first one). */
function boardId(): number {
	const id = firstBoardId(getDb());
	if (id === undefined) error(404, m.error_not_found());
	return id;
}

export const load: PageServerLoad = (event) => {
	requirePageUser(event, 'managePublicPage');
	const db = getDb();
	const id = boardId();
	const settings = publicPageSettings(db, id);
	return {
		enabled: settings.enabled,
		ownerNames: settings.ownerNames,
		link: settings.token ? `${event.url.origin}/p/${settings.token}` : null,
		actions: listActionPublicity(db, id)
	};
};

/** A switch without input: who may, then the change, then the page as it now stands. */
function toggle(change: (db: ReturnType<typeof getDb>, boardId: number) => unknown, done: string) {
	return (event: RequestEvent) => {
		requirePageUser(event, 'managePublicPage');
		change(getDb(), boardId());
		return { done };
	};
}

export const actions: Actions = {
	on: toggle(turnPublicPageOn, 'on'),
	off: toggle(turnPublicPageOff, 'off'),
	renew: toggle(renewPublicToken, 'renewed'),
	names: async (event) => {
		requirePageUser(event, 'managePublicPage');
		const form = await parseForm(event.request, ownerNamesInput);
		if (!form.ok) return fail(400, { message: m.error_invalid() });
		const { ownerNames } = setPublicOwnerNames(getDb(), boardId(), form.data.show === '1');
		return { done: ownerNames ? 'names_shown' : 'names_hidden' };
	}
};
