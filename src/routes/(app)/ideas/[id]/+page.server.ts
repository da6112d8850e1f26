import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { versionInput } from '$lib/server/domain/action-input';
import { firstBoardId, getBoard } from '$lib/server/domain/boards';
import { boardView } from '$lib/server/domain/board-actions';
import { placesPerCell } from '$lib/server/domain/board-page';
import { decideIdea, editIdea, withdrawIdea } from '$lib/server/domain/idea-changes';
import { ideaDetails, mergeCandidates } from '$lib/server/domain/idea-details';
import { editIdeaInput, ideaStateForm } from '$lib/server/domain/idea-input';
import { ideaViewer, ideasChangedAt } from '$lib/server/domain/ideas';
import { isOpen } from '$lib/ideas/states';
import { requirePageUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';
import { latestEventId } from '$lib/server/live/broker';
import { formFields, formValues } from '$lib/server/http/validation';
import { renderMarkdown } from '$lib/server/markdown';
import { ideaProblem, invalidForm, supportAction } from '../idea-forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function ideaId(param: string): number {
	const id = parseId(param);
	if (id === null) error(404, m.error_not_found());
	return id;
}

export const load: PageServerLoad = (event) => {
	const user = requirePageUser(event, 'read');
	const db = getDb();
	const viewer = ideaViewer(user);
	const details = ideaDetails(db, ideaId(event.params.id), viewer);
	if (!details) error(404, m.error_not_found());
	const { idea } = details;
	const deciding = viewer.inGroup && isOpen(idea.state);
	const boardId = firstBoardId(db);
	const board = boardId === undefined ? undefined : getBoard(db, boardId);
	return {
		...details,
		ideasAsOf: ideasChangedAt(db),
		textHtml: renderMarkdown(idea.text),
		justProposed: event.url.searchParams.get('new') === '1',
		canDecide: viewer.inGroup,
		// What deciding needs: the board's cells for a new action, its actions and other ideas.
		decide:
			deciding && board
				? {
						board: boardView(board),
						cellTitles: placesPerCell(db, board.id),
						mergeInto: mergeCandidates(db, idea.id)
					}
				: null,
		// The action's progress shows live: its board's changes reload the page.
		live: details.action && board ? { id: board.id, after: latestEventId(db, board.id) } : null
	};
};

async function fieldsOf(event: RequestEvent) {
	try {
		return formFields(await event.request.formData());
	} catch {
		return {};
	}
}

export const actions: Actions = {
	support: supportAction,

	edit: async (event) => {
		const user = requirePageUser(event, 'read');
		const id = ideaId(event.params.id);
		const fields = await fieldsOf(event);
		const input = editIdeaInput.safeParse(fields);
		if (!input.success) return fail(400, { edit: invalidForm(input.error.issues, fields) });
		try {
			editIdea(getDb(), user, id, input.data);
		} catch (err) {
			const { status, problem } = ideaProblem(err, formValues(fields));
			return fail(status, { edit: problem });
		}
		return { edit: { saved: true } };
	},

	withdraw: async (event) => {
		const user = requirePageUser(event, 'read');
		const id = ideaId(event.params.id);
		const fields = await fieldsOf(event);
		const input = versionInput.safeParse(fields);
		if (!input.success) return fail(400, { withdraw: invalidForm(input.error.issues, fields) });
		try {
			withdrawIdea(getDb(), user, id, input.data.version);
		} catch (err) {
			const { status, problem } = ideaProblem(err);
			return fail(status, { withdraw: problem });
		}
		return { withdraw: { done: true } };
	},

	/** The working group's decision; `form` names which of the decision forms was sent. */
	decide: async (event) => {
		const user = requirePageUser(event, 'decideIdeas');
		const id = ideaId(event.params.id);
		const fields = await fieldsOf(event);
		const input = ideaStateForm.safeParse(fields);
		if (!input.success) return fail(400, { decide: invalidForm(input.error.issues, fields) });
		if (input.data.state === 'withdrawn') {
			return fail(400, { decide: invalidForm([], fields) });
		}
		try {
			decideIdea(getDb(), user, id, input.data);
		} catch (err) {
			const { status, problem } = ideaProblem(err, formValues(fields));
			return fail(status, { decide: problem });
		}
		return { decide: { state: input.data.state } };
	}
};
