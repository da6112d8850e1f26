import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { proposeIdea } from '$lib/server/domain/idea-changes';
import { proposeIdeaForm } from '$lib/server/domain/idea-input';
import { similarIdeas } from '$lib/server/domain/ideas';
import { requirePageUser } from '$lib/server/http/guard';
import { formFields, formValues, translateIssues } from '$lib/server/http/validation';
import { m } from '$lib/paraglide/messages';
import { supportAction } from '../idea-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requirePageUser(event, 'read');
	return {};
};

export const actions: Actions = {
	/**
	 * Saves the idea — unless similar ones exist and the form was not yet sent again with
	 * `confirmed`: then it comes back filled, with those ideas, so people may support instead.
	 */
	propose: async (event) => {
		const user = requirePageUser(event, 'read');
		let fields: Record<string, unknown>;
		try {
			fields = formFields(await event.request.formData());
		} catch {
			return fail(400, { message: m.error_invalid(), errors: {}, values: {}, similar: [] });
		}
		const values = formValues(fields);
		const parsed = proposeIdeaForm.safeParse(fields);
		if (!parsed.success) {
			return fail(400, {
				message: m.error_check_fields(),
				errors: translateIssues(parsed.error.issues, fields),
				values,
				similar: []
			});
		}
		const db = getDb();
		const { idea, confirmed } = parsed.data;
		if (!confirmed) {
			const similar = similarIdeas(db, `${idea.title} ${idea.text.slice(0, 300)}`);
			if (similar.length > 0) {
				return {
					message: null,
					errors: {},
					values,
					similar: similar.map((s) => ({
						id: s.id,
						title: s.title,
						state: s.state,
						supporters: s.supporters
					}))
				};
			}
		}
		const saved = proposeIdea(db, user, idea);
		redirect(303, `/ideas/${saved.id}?new=1`);
	},
	/** Supporting one of the similar ideas instead. */
	support: supportAction
};
