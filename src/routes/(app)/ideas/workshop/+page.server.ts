import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { WORKSHOP_LIMITS } from '$lib/ideas/workshop';
import { getDb } from '$lib/server/db';
import {
	decodeWorkshopFile,
	enterWorkshopIdeas,
	parseWorkshopIdeas,
	type ImportProblem,
	type LineProblem,
	workshopInput
} from '$lib/server/domain/idea-workshop';
import { requirePageUser } from '$lib/server/http/guard';
import { formFields, translateIssues, type FieldErrors } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

/** The problems listed under the text; the rest are counted. */
const LISTED_PROBLEMS = 100;
const KB = Math.round(WORKSHOP_LIMITS.bytes / 1024);

export const load: PageServerLoad = (event) => {
	requirePageUser(event, 'enterWorkshopIdeas');
	return { limits: WORKSHOP_LIMITS };
};

function wholeMessage(whole: ImportProblem): string {
	switch (whole.problem) {
		case 'empty':
			return m.ideas_workshop_empty();
		case 'too_many':
			return m.ideas_workshop_too_many({ count: whole.count, max: whole.max });
		case 'too_large':
			return m.ideas_workshop_too_large({ kb: KB });
		case 'not_utf8':
			return m.ideas_workshop_not_utf8();
	}
}

function lineMessage(p: LineProblem): string {
	const line = p.line;
	switch (p.field) {
		case 'title':
			if (p.problem === 'missing') return m.ideas_workshop_line_title_missing({ line });
			if (p.problem === 'too_long') {
				return m.ideas_workshop_line_title_too_long({ line, max: p.max ?? 0 });
			}
			return m.ideas_workshop_line_title_control({ line });
		case 'text':
			if (p.problem === 'too_long') {
				return m.ideas_workshop_line_text_too_long({ line, max: p.max ?? 0 });
			}
			return m.ideas_workshop_line_text_control({ line });
		case 'dimension':
			return m.ideas_workshop_line_dimension({ line, value: p.value.slice(0, 40) });
		case 'row':
			if (p.problem === 'extra_fields') return m.ideas_workshop_line_extra_fields({ line });
			if (p.problem === 'quote_not_closed') return m.ideas_workshop_line_quote({ line });
			return m.ideas_workshop_line_unreadable({ line });
	}
}

/** A single text value of the form, or null when it is missing, repeated or a file. */
function single(data: FormData, name: string): string | null {
	const all = data.getAll(name);
	return all.length === 1 && typeof all[0] === 'string' ? all[0] : null;
}

/**
 * The uploaded file, if one was chosen: a file input left empty still sends a part without a
 * name or content. Anything else in its place (text, two files) is no upload of this form.
 */
function chosenFile(data: FormData): File | null | 'invalid' {
	const all = data.getAll('file');
	if (all.length === 0) return null;
	if (all.length > 1) return 'invalid';
	const [part] = all;
	if (typeof part === 'string') return part === '' ? null : 'invalid';
	return part.name === '' && part.size === 0 ? null : part;
}

export const actions: Actions = {
	default: async (event) => {
		const user = requirePageUser(event, 'enterWorkshopIdeas');
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch {
			return fail(400, {
				values: {},
				errors: { _: m.error_invalid() } as FieldErrors,
				problems: [],
				moreProblems: 0,
				fileMoved: false
			});
		}
		const fields = formFields(data);
		const workshop = workshopInput.safeParse(fields);
		const errors: FieldErrors = workshop.success
			? {}
			: translateIssues(workshop.error.issues, fields);

		// The ideas come from the text field or from a file — one of them.
		const typed = data.has('ideas') ? single(data, 'ideas') : '';
		if (typed === null) errors.ideas = m.error_invalid();
		const file = chosenFile(data);
		let text = typed ?? '';
		let fileMoved = false;
		if (file === 'invalid') {
			errors.file = m.error_invalid();
		} else if (file && text.trim() !== '') {
			errors.file = m.ideas_workshop_text_and_file();
		} else if (file) {
			const decoded = decodeWorkshopFile(new Uint8Array(await file.arrayBuffer()));
			if ('problem' in decoded) {
				errors.file =
					decoded.problem === 'too_large'
						? m.ideas_workshop_file_too_large({ kb: KB })
						: wholeMessage(decoded);
			} else {
				// The file's lines go into the text field, where a bad one can be corrected.
				text = decoded.text;
				fileMoved = true;
			}
		}

		let problems: string[] = [];
		const parsed = errors.ideas || errors.file ? null : parseWorkshopIdeas(text);
		if (parsed && !parsed.ok) {
			if (parsed.whole) errors.ideas = wholeMessage(parsed.whole);
			else {
				const lines = new Set(parsed.problems.map((p) => p.line)).size;
				errors.ideas =
					lines === 1
						? m.ideas_workshop_problems_one()
						: m.ideas_workshop_problems({ count: lines });
				problems = parsed.problems.map(lineMessage);
			}
		}

		if (!workshop.success || !parsed?.ok) {
			return fail(400, {
				values: {
					name: typeof fields.name === 'string' ? fields.name.slice(0, 1000) : '',
					date: typeof fields.date === 'string' ? fields.date.slice(0, 100) : '',
					// All of it: the text is what the user came to enter.
					ideas: text
				},
				errors,
				problems: problems.slice(0, LISTED_PROBLEMS),
				moreProblems: Math.max(0, problems.length - LISTED_PROBLEMS),
				fileMoved
			});
		}
		const stored = enterWorkshopIdeas(getDb(), user, workshop.data, parsed.ideas);
		redirect(303, `/ideas/workshop?entered=${stored.length}`);
	}
};
