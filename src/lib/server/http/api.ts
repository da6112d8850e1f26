import { json, type RequestEvent } from '@sveltejs/kit';
import type { ZodType } from 'zod';
import { m } from '$lib/paraglide/messages';
import { translateIssues } from './validation';
import { DomainError } from '../domain/errors';
import { parseId } from './ids';
import type { Db } from '../db';
import { getBoard } from '../domain/boards';

export type ApiErrorCode =
	| 'bad_request'
	| 'unauthorized'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'payload_too_large'
	| 'too_many_requests'
	| 'method_not_allowed'
	| 'internal';

/** An error the JSON API answers with `{error: {code, message, fields?}}`. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: ApiErrorCode,
		message: string,
		readonly fields?: Record<string, string>,
		readonly extra?: Record<string, unknown>
	) {
		super(message);
	}
}

/** The JSON body of an error answer. */
export function apiErrorBody(err: ApiError) {
	return {
		error: { code: err.code, message: err.message, ...(err.fields && { fields: err.fields }) },
		...err.extra
	};
}

export function apiErrorResponse(err: ApiError) {
	return json(apiErrorBody(err), { status: err.status });
}

/**
 * Whether reading a request's body failed because it is larger than the server takes
 * (`BODY_SIZE_LIMIT`): SvelteKit then throws an error with status 413 from `request.text()`.
 */
export function isTooLarge(err: unknown): boolean {
	return err instanceof Error && 'status' in err && err.status === 413;
}

/** Any error thrown by an endpoint as the ApiError it answers with; unexpected ones are logged. */
export function toApiError(err: unknown): ApiError {
	if (err instanceof ApiError) return err;
	if (err instanceof DomainError) return fromDomainError(err);
	if (isTooLarge(err)) return new ApiError(413, 'payload_too_large', m.error_payload_too_large());
	console.error(err);
	return new ApiError(500, 'internal', m.error_internal());
}

/** Wraps an endpoint: ApiErrors become their JSON answer, anything else a plain 500 — never a stack. */
export function apiHandler<E extends RequestEvent>(
	handler: (event: E) => Promise<Response> | Response
) {
	return async (event: E): Promise<Response> => {
		try {
			return await handler(event);
		} catch (err) {
			return apiErrorResponse(toApiError(err));
		}
	};
}

export const MAX_JSON_BYTES = 64 * 1024;

/** `application/json`, or any `…+json` type. */
const isJsonType = (type: string | null) =>
	type !== null && /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type.slice(0, 100));

/**
 * Reads a JSON body (64 KB at most) and validates it with the schema, or throws a 400/413. A body
 * must say it is JSON (`Content-Type: application/json`): a form or text posted to the API by
 * mistake is refused rather than guessed at.
 */
export async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
	return checkJson(await readJsonBody(request), schema);
}

/** The parsed JSON body (empty means `{}`), not yet validated; the same checks as `readJson`. */
export async function readJsonBody(request: Request): Promise<unknown> {
	const headers = request.headers;
	const sent = Number(headers.get('content-length') ?? 0) > 0 || headers.has('transfer-encoding');
	if (sent && !isJsonType(headers.get('content-type'))) {
		throw new ApiError(400, 'bad_request', m.error_json_type());
	}
	const text = decodeUtf8(await request.arrayBuffer()) || '{}';
	try {
		return JSON.parse(text);
	} catch {
		throw new ApiError(400, 'bad_request', m.error_json());
	}
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text; bytes that are no UTF-8 are refused, not silently replaced. */
function decodeUtf8(bytes: ArrayBuffer): string {
	if (bytes.byteLength > MAX_JSON_BYTES) {
		throw new ApiError(413, 'payload_too_large', m.error_payload_too_large());
	}
	try {
		return strictUtf8.decode(bytes);
	} catch {
		throw new ApiError(400, 'bad_request', m.error_encoding());
	}
}

/** Validates a parsed JSON body with the schema, or throws a 400 naming the fields. */
export function checkJson<T>(body: unknown, schema: ZodType<T>): T {
	const result = schema.safeParse(body);
	if (!result.success) {
		throw new ApiError(
			400,
			'bad_request',
			m.error_check_fields(),
			translateIssues(result.error.issues, body)
		);
	}
	return result.data;
}

/** Parses a positive integer route parameter, or answers 404. */
export function idParam(value: string | undefined): number {
	const id = parseId(value);
	if (id === null) throw new ApiError(404, 'not_found', m.error_not_found());
	return id;
}

/** The HTTP answer to a broken domain rule. */
export function fromDomainError(err: DomainError): ApiError {
	switch (err.code) {
		case 'not_found':
			return new ApiError(404, 'not_found', m.error_not_found());
		case 'conflict':
			return new ApiError(
				409,
				'conflict',
				err.details?.subject === 'idea'
					? m.error_conflict_idea()
					: err.details?.subject === 'goal'
						? m.error_conflict_goal()
						: m.error_conflict(),
				undefined,
				{ current: err.details?.current }
			);
		case 'wrong_state':
			return new ApiError(409, 'conflict', m.error_idea_state(), undefined, {
				current: err.details?.current
			});
		case 'not_allowed':
			return new ApiError(403, 'forbidden', m.error_forbidden());
		case 'own_idea':
			return new ApiError(403, 'forbidden', m.error_own_idea());
		case 'invalid_action':
			return new ApiError(400, 'bad_request', m.error_check_fields(), {
				actionId: m.error_invalid_action()
			});
		case 'invalid_merge':
			return new ApiError(400, 'bad_request', m.error_check_fields(), {
				into: m.error_invalid_merge()
			});
		case 'goal_years':
			return new ApiError(400, 'bad_request', m.error_check_fields(), {
				targetYear: m.error_target_year_order()
			});
		case 'unknown_code':
			return new ApiError(400, 'bad_request', m.error_check_fields(), {
				codes: m.error_unknown_code()
			});
		case 'start_after_due':
			return new ApiError(400, 'bad_request', m.error_check_fields(), {
				startDate: m.timeline_error_start_after_due()
			});
		case 'unknown_goal':
			return new ApiError(400, 'bad_request', m.error_check_fields(), {
				goals: m.tags_error_unknown_goal()
			});
		case 'archived':
			return new ApiError(409, 'conflict', m.error_archived());
		case 'invalid_owner':
			return new ApiError(400, 'bad_request', m.error_check_fields(), {
				owners: m.error_invalid_owner()
			});
		default:
			return new ApiError(400, 'bad_request', m.error_invalid());
	}
}

/** The board a route's `:id` names, or a 404 answer. */
export function boardParam(db: Db, value: string | undefined) {
	const board = getBoard(db, idParam(value));
	if (!board) throw new ApiError(404, 'not_found', m.error_not_found());
	return board;
}
