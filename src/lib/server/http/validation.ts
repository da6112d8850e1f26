import type { ZodType, core } from 'zod';
import { m } from '$lib/paraglide/messages';
import { DATE_RANGE } from '../../board/limits';

export type FieldErrors = Record<string, string>;

/** Custom refinements name one of these as their message; it is translated here. */
const CUSTOM_MESSAGES: Record<string, () => string> = {
	passwords_differ: () => m.error_passwords_differ(),
	date_invalid: () => m.error_date(),
	control_characters: () => m.error_control_characters(),
	password_common: () => m.error_password_common(),
	password_simple: () => m.error_password_simple(),
	password_personal: () => m.error_password_personal(),
	date_out_of_range: () =>
		m.error_date_range({ from: DATE_RANGE.from.slice(0, 4), to: DATE_RANGE.to.slice(0, 4) }),
	setup_code_wrong: () => m.setup_code_wrong(),
	choose_cell: () => m.error_choose_cell(),
	target_year_order: () => m.error_target_year_order(),
	start_after_due: () => m.timeline_error_start_after_due(),
	unknown_code: () => m.error_unknown_code(),
	period_order: () => m.report_period_order()
};

/** Turns one validation issue into a short sentence in the user's language. */
function translateIssue(issue: core.$ZodIssue, given: unknown): string {
	switch (issue.code) {
		case 'too_small':
			if (issue.origin === 'string') {
				return Number(issue.minimum) <= 1 || given === '' || given === undefined
					? m.error_required()
					: m.error_too_short({ min: Number(issue.minimum) });
			}
			if (issue.origin === 'array') return m.error_required();
			return m.error_too_small({ min: Number(issue.minimum) });
		case 'too_big':
			if (issue.origin === 'string') return m.error_too_long({ max: Number(issue.maximum) });
			if (issue.origin === 'array') return m.error_too_many({ max: Number(issue.maximum) });
			return m.error_too_big({ max: Number(issue.maximum) });
		case 'invalid_format':
			return issue.format === 'email' ? m.error_email() : m.error_invalid();
		case 'invalid_value':
			return m.error_choose();
		case 'invalid_union':
		case 'invalid_type':
			return given === undefined || given === '' ? m.error_required() : m.error_invalid();
		case 'custom':
			return CUSTOM_MESSAGES[issue.message]?.() ?? m.error_invalid();
		default:
			return m.error_invalid();
	}
}

/**
 * The first problem of each field, translated, keyed by the field's path (`owners.0` → `owners`).
 * `input` (what was sent) tells a missing field from a wrong one.
 */
export function translateIssues(issues: core.$ZodIssue[], input?: unknown): FieldErrors {
	const errors: FieldErrors = {};
	const sent = (input ?? {}) as Record<string, unknown>;
	for (const issue of issues) {
		const field = String(issue.path[0] ?? '_');
		errors[field] ??= translateIssue(issue, issue.path.length ? sent[field] : input);
	}
	return errors;
}

/** A form's fields as plain values: strings stay, repeated names become arrays, files become null. */
export function formFields(data: FormData): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).map((v) => (typeof v === 'string' ? v : null));
		fields[key] = all.length === 1 ? all[0] : all;
	}
	return fields;
}

/** What a failed form returns so it comes back filled: the typed values (never passwords) and errors. */
export function formValues(fields: Record<string, unknown>, omit: string[] = []) {
	const values: Record<string, string> = {};
	for (const [key, value] of Object.entries(fields)) {
		if (omit.includes(key) || typeof value !== 'string') continue;
		values[key] = value.slice(0, 10_000);
	}
	return values;
}

export type FormResult<T> =
	{ ok: true; data: T } | { ok: false; values: Record<string, string>; errors: FieldErrors };

/** Validates a submitted form with a schema; secret fields are left out of the echoed values. */
export async function parseForm<T>(
	request: Request,
	schema: ZodType<T>,
	secretFields: string[] = []
): Promise<FormResult<T>> {
	let fields: Record<string, unknown>;
	try {
		fields = formFields(await request.formData());
	} catch {
		return { ok: false, values: {}, errors: { _: m.error_invalid() } };
	}
	const result = schema.safeParse(fields);
	if (result.success) return { ok: true, data: result.data };
	return {
		ok: false,
		values: formValues(fields, secretFields),
		errors: translateIssues(result.error.issues, fields)
	};
}
