import { fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { DomainError } from '$lib/server/domain/errors';
import { supportIdea, withdrawSupport } from '$lib/server/domain/idea-changes';
import { supportIdeaForm } from '$lib/server/domain/idea-input';
import { fromDomainError } from '$lib/server/http/api';
import { requirePageUser } from '$lib/server/http/guard';
import { formValues, parseForm, translateIssues } from '$lib/server/http/validation';
import { m } from '$lib/paraglide/messages';
import type { core } from 'zod';

/** What a form that failed shows: one message, the fields' errors, and what was typed. */
export interface FormProblem {
	message: string;
	errors: Record<string, string>;
	values: Record<string, string>;
}

/**
 * A write of an idea that broke a rule, as the page shows it: the status, the message (a stale
 * version, a state that moved on, one's own idea) and what was typed, so nothing is lost.
 */
export function ideaProblem(err: unknown, values: Record<string, string> = {}) {
	if (!(err instanceof DomainError)) throw err;
	const problem = fromDomainError(err);
	return {
		status: problem.status,
		problem: { message: problem.message, errors: problem.fields ?? {}, values } as FormProblem
	};
}

/** A form that did not pass its schema: the translated errors and what was typed. */
export function invalidForm(
	issues: core.$ZodIssue[],
	fields: Record<string, unknown>
): FormProblem {
	return {
		message: m.error_check_fields(),
		errors: translateIssues(issues, fields),
		values: formValues(fields)
	};
}

/** The support button of the ideas list and of an idea's page. */
export async function supportAction(event: RequestEvent) {
	const user = requirePageUser(event, 'read');
	const form = await parseForm(event.request, supportIdeaForm);
	if (!form.ok) {
		const problem: FormProblem = { message: m.error_invalid(), errors: {}, values: {} };
		return fail(400, { support: problem });
	}
	const { ideaId, support } = form.data;
	try {
		(support === '1' ? supportIdea : withdrawSupport)(getDb(), user, ideaId);
	} catch (err) {
		const { status, problem } = ideaProblem(err);
		return fail(status, { support: problem });
	}
	return { support: { ideaId, done: true } };
}
