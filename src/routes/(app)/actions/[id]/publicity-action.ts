import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { DomainError } from '$lib/server/domain/errors';
import { actionPublicity, setActionPublicity } from '$lib/server/domain/public-page';
import { publicityFormInput } from '$lib/server/domain/public-page-input';
import { fromDomainError } from '$lib/server/http/api';
import { requirePageUser } from '$lib/server/http/guard';
import { parseId } from '$lib/server/http/ids';
import { formFields } from '$lib/server/http/validation';
import type { RequestEvent } from './$types';

/** What the person ticked, as the form sent it: kept when saving fails. */
const ticked = (fields: Record<string, unknown>) => ({
	isPublic: fields.isPublic !== undefined,
	descriptionPublic: fields.descriptionPublic !== undefined
});

/**
 * `?/publicity`: shows the action on the public page or not, and whether its description may
 * be shown there. A stale version keeps the person's choice and offers the current version.
 */
export async function publicityAction(event: RequestEvent) {
	const user = requirePageUser(event, 'writeActions');
	const id = parseId(event.params.id);
	if (id === null) error(404, m.error_not_found());
	let fields: Record<string, unknown>;
	try {
		fields = formFields(await event.request.formData());
	} catch {
		fields = {};
	}
	const input = publicityFormInput.safeParse(fields);
	if (!input.success) {
		return fail(400, {
			publicity: { message: m.error_invalid(), mine: ticked(fields), version: null }
		});
	}
	const db = getDb();
	try {
		setActionPublicity(db, user, id, input.data);
	} catch (err) {
		if (!(err instanceof DomainError)) throw err;
		const problem = fromDomainError(err);
		const current = err.code === 'conflict' ? actionPublicity(db, id) : undefined;
		return fail(problem.status, {
			publicity: {
				message: current ? m.public_conflict() : problem.message,
				mine: ticked(fields),
				version: (err.details?.current as { version?: number } | undefined)?.version ?? null,
				current: current ?? null
			}
		});
	}
	return { publicity: { saved: true as const } };
}
