import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { addProgress, listProgress } from '$lib/server/domain/progress';
import { archiveAction, restoreAction } from '$lib/server/domain/archive-action';
import { getAction } from '$lib/server/domain/action-view';
import { moveAction } from '$lib/server/domain/move-action';
import { updateAction } from '$lib/server/domain/edit-action';
import {
	followField,
	moveActionInput,
	progressInput,
	updateActionInput,
	versionInput
} from '$lib/server/domain/action-input';
import { getBoard } from '$lib/server/domain/boards';
import { boardView } from '$lib/server/domain/board-actions';
import { placesPerCell } from '$lib/server/domain/board-page';
import { DomainError } from '$lib/server/domain/errors';
import { listActionHistory } from '$lib/server/domain/action-history';
import { follow, isFollowing, listFollowers, unfollow } from '$lib/server/domain/follows';
import { ideasOfAction } from '$lib/server/domain/idea-summaries';
import { can } from '$lib/server/domain/permissions';
import { listActiveUsers, listUsers } from '$lib/server/domain/users';
import { fromDomainError } from '$lib/server/http/api';
import { parseId } from '$lib/server/http/ids';
import { latestEventId } from '$lib/server/live/broker';
import { requirePageUser } from '$lib/server/http/guard';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { formFields, formValues, translateIssues } from '$lib/server/http/validation';
import { renderMarkdown } from '$lib/server/markdown';
import type { ActionView } from '$lib/board/action-view';
import { getLocale } from '$lib/paraglide/runtime';
import { actionTagsView, tagAction } from '$lib/server/domain/action-tags';
import { actionTagsInput } from '$lib/server/domain/action-tags-input';
import { actionPublicity } from '$lib/server/domain/public-page';
import { publicityAction } from './publicity-action';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function actionId(param: string): number {
	const id = parseId(param);
	if (id === null) error(404, m.error_not_found());
	return id;
}

export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event, 'read');
	const db = getDb();
	const action = getAction(db, actionId(event.params.id));
	if (!action) error(404, m.error_not_found());
	const board = getBoard(db, action.boardId)!;
	const followers = listFollowers(db, action.id);
	return {
		action,
		board: boardView(board),
		descriptionHtml: renderMarkdown(action.description),
		progress: listProgress(db, action.id),
		history: listActionHistory(db, action.id),
		// For this page only: the action's JSON (ActionView) stays as the API describes it.
		ideas: ideasOfAction(db, action.id),
		names: listUsers(db).map((u) => [u.id, u.name] as [number, string]),
		people: listActiveUsers(db),
		cellTitles: placesPerCell(db, board.id),
		canWrite: can(user.role, 'writeActions'),
		liveFrom: latestEventId(db, board.id),
		following: isFollowing(db, user.id, action.id),
		// Staff see how many follow an action, not who.
		followers: user.role === 'staff' ? [] : followers.map((f) => f.name),
		followerCount: followers.length,
		tags: actionTagsView(db, action, getLocale()),
		canTag: can(user.role, 'tagActions'),
		publicity: actionPublicity(db, action.id)!
	};
};

async function fieldsOf(event: RequestEvent) {
	try {
		return formFields(await event.request.formData());
	} catch {
		return {};
	}
}

/** A failed write: a conflict keeps what the user sent and shows the action as it stands now. */
function writeFailure(err: unknown, values: Record<string, unknown>) {
	if (!(err instanceof DomainError)) throw err;
	const problem = fromDomainError(err);
	return {
		status: problem.status,
		payload: {
			message: problem.message,
			errors: problem.fields ?? {},
			values: formValues(values),
			owners: ownersOf(values),
			conflict: err.code === 'conflict' ? ((err.details?.current as ActionView) ?? null) : null
		}
	};
}

/** The ticked boxes of a field, as sent. */
const listed = (value: unknown) =>
	([] as unknown[])
		.concat(value ?? [])
		.filter((v): v is string => typeof v === 'string' && v !== '');

const ownersOf = (values: Record<string, unknown>) =>
	([] as unknown[])
		.concat(values.owners ?? [])
		.filter((v): v is string => typeof v === 'string' && v !== '');

export const actions: Actions = {
	update: async (event) => {
		const user = requirePageUser(event, 'writeActions');
		const id = actionId(event.params.id);
		const fields = await fieldsOf(event);
		const input = updateActionInput.safeParse(fields);
		if (!input.success) {
			return fail(400, {
				update: {
					message: m.error_check_fields(),
					errors: translateIssues(input.error.issues, fields),
					values: formValues(fields),
					owners: ownersOf(fields),
					conflict: null
				}
			});
		}
		try {
			updateAction(getDb(), user, id, input.data);
		} catch (err) {
			const { status, payload } = writeFailure(err, fields);
			return fail(status, { update: payload });
		}
		return { update: { saved: true as const } };
	},

	move: async (event) => {
		const user = requirePageUser(event, 'writeActions');
		const id = actionId(event.params.id);
		const fields = await fieldsOf(event);
		const [dimension, horizon, ...rest] = String(fields.cell ?? '').split(':', 3);
		const input = moveActionInput.safeParse({
			...fields,
			dimension: rest.length ? undefined : dimension,
			horizon
		});
		if (!input.success) {
			return fail(400, {
				move: { message: m.error_choose_cell(), errors: {}, values: {}, owners: [], conflict: null }
			});
		}
		try {
			moveAction(getDb(), user, id, input.data);
		} catch (err) {
			const { status, payload } = writeFailure(err, {});
			return fail(status, { move: payload });
		}
		redirect(303, safeRedirectTarget(fields.redirectTo, `/actions/${id}`));
	},

	progress: async (event) => {
		const user = requirePageUser(event, 'writeActions');
		const id = actionId(event.params.id);
		const fields = await fieldsOf(event);
		const input = progressInput.safeParse(fields);
		if (!input.success) {
			return fail(400, {
				progress: {
					errors: translateIssues(input.error.issues, fields),
					values: formValues(fields)
				}
			});
		}
		try {
			addProgress(getDb(), user, id, input.data);
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			const problem = fromDomainError(err);
			return fail(problem.status, {
				progress: { errors: { _: problem.message }, values: formValues(fields) }
			});
		}
		return { progress: { saved: true as const } };
	},

	follow: async (event) => {
		const user = requirePageUser(event, 'read');
		const id = actionId(event.params.id);
		const choice = followField.safeParse((await fieldsOf(event)).follow);
		const db = getDb();
		if (!getAction(db, id)) error(404, m.error_not_found());
		if (!choice.success) return fail(400, { follow: { failed: true } });
		(choice.data === '1' ? follow : unfollow)(db, user.id, id);
		return { follow: { done: true } };
	},

	tags: async (event) => {
		const user = requirePageUser(event, 'tagActions');
		const id = actionId(event.params.id);
		// Every field of this form may be left out: a body that is no form must not read as "none".
		const fields = await event.request.formData().then(formFields, () => null);
		if (!fields) {
			const payload = { message: m.error_invalid(), errors: {}, values: {}, codes: [], goals: [] };
			return fail(400, { tags: payload });
		}
		const input = actionTagsInput.safeParse(fields);
		const kept = {
			values: formValues(fields),
			codes: listed(fields.codes),
			goals: listed(fields.goals)
		};
		if (!input.success) {
			const errors = translateIssues(input.error.issues, fields);
			return fail(400, { tags: { message: m.error_check_fields(), errors, ...kept } });
		}
		try {
			tagAction(getDb(), user, id, input.data);
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			const problem = fromDomainError(err);
			if (problem.status === 404) error(404, m.error_not_found());
			const errors = problem.fields ?? {};
			return fail(problem.status, { tags: { message: problem.message, errors, ...kept } });
		}
		return { tags: { saved: true as const } };
	},

	publicity: publicityAction,
	archive: (event) => toggleArchive(event, true),
	restore: (event) => toggleArchive(event, false)
};

async function toggleArchive(event: RequestEvent, archive: boolean) {
	const user = requirePageUser(event, 'writeActions');
	const id = actionId(event.params.id);
	const fields = await fieldsOf(event);
	const input = versionInput.safeParse(fields);
	if (!input.success)
		return fail(400, {
			archive: { message: m.error_invalid(), errors: {}, values: {}, owners: [], conflict: null }
		});
	try {
		(archive ? archiveAction : restoreAction)(getDb(), user, id, input.data.version);
	} catch (err) {
		const { status, payload } = writeFailure(err, {});
		return fail(status, { archive: payload });
	}
	return { archive: { done: archive ? 'archived' : 'restored' } };
}
