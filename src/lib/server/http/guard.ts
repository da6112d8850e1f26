import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { can, type Permission } from '../domain/permissions';
import type { SessionUser } from '../auth/session';
import { ApiError } from './api';

interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

export function loginUrl(url: URL): string {
	const target = url.pathname + url.search;
	return target === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(target)}`;
}

/**
 * For pages and form actions: the signed-in user, who must hold `permission` when one is named.
 * Signed-out visitors are sent to the sign-in page, others without the right get 403.
 */
export function requirePageUser(event: GuardEvent, permission?: Permission): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, loginUrl(event.url));
	if (permission && !can(user.role, permission)) error(403, m.error_forbidden());
	return user;
}

/** For JSON endpoints: the same rule, answered as 401 / 403 JSON. */
export function requireApiUser(event: GuardEvent, permission?: Permission): SessionUser {
	const user = event.locals.user;
	if (!user) throw new ApiError(401, 'unauthorized', m.error_unauthorized());
	if (permission && !can(user.role, permission)) {
		throw new ApiError(403, 'forbidden', m.error_forbidden());
	}
	return user;
}
