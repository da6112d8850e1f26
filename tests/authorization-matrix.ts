// The authorisation matrix: for every page, form action and endpoint under src/routes, what a
// signed-out visitor and each role should get. It is the specification — DESIGN.md's "Who uses
// it" written out request by request — and deliberately not derived from
// src/lib/server/domain/permissions.ts: a rule that changes there has to change here too, on
// purpose. tests/authorization.test.ts checks that it covers the route tree, then runs it.
import { DEFAULT_CHANNELS, DEFAULT_DIGEST } from '../src/lib/notifications/kinds';
import { LANDING, type Role } from './demo';

export const WHO = ['signedOut', 'staff', 'leader', 'member', 'admin'] as const;
export type Who = (typeof WHO)[number];

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'fallback';

/** What one request should be answered with. */
export interface Outcome {
	status: number;
	/** For redirects: the target as a path with its query. `{here}` is the requested path, encoded. */
	location?: string;
	/** For JSON errors: the `error.code` of `{error: {code, message}}`. */
	error?: string;
	/** Part of the content type the answer must have. */
	type?: string;
}

export type Expectations = Record<Who, Outcome>;

/**
 * An action (or with `needs: 'goal'` a goal) that exists only for one request: made just before
 * it, by an admin, on board 1.
 */
export interface Subject {
	id: number;
	version: number;
}

/** The concrete ids and inputs a row's path and body are made of. */
export interface Context {
	/** Board 1 of the demo data. */
	board: number;
	/** An action of the demo data; rows only read it. */
	action: number;
	/** A goal of board 1, made for this run; rows read it and record values of it. */
	goal: number;
	/** A frozen report of board 1, made for this run; rows only read it. */
	report: number;
	/** An id that no board, action or person has. */
	unknown: number;
	/** A person (staff) made for this run, whom admins may change, deactivate and reactivate. */
	person: number;
	/** The calendar secret of a person made for this run. */
	calendar: string;
	/** A valid sign-in token; fresh for each request when the row needs `sign-in link`. */
	token: string;
	/** An unsubscribe token (turning off `owner_added`) of `person`, signed as e-mails carry it. */
	unsubscribe: string;
	/** The calendar secret and an unused sign-in token of a person deactivated since. */
	retired: { calendar: string; token: string };
	/** A fresh action (`needs: 'action'` or `'archived action'`), or a fresh goal (`'goal'`). */
	subject: Subject;
	/** A fresh idea, proposed by an admin who is none of the row's accounts (`needs: 'idea'`). */
	idea: Subject;
	/** Board 1's frame as its form sends it, with the current version (`needs: 'frame'`). */
	frame: Record<string, string | number>;
	/** The account that signs in for an `ownSession` row (a person of the role, made for this run). */
	account: { email: string; password: string };
	/** A text no earlier run has used, starting with the run's own prefix. */
	unique: (label: string) => string;
}

export type Need = 'action' | 'archived action' | 'sign-in link' | 'frame' | 'idea' | 'goal';

export interface MatrixRow {
	/** The route id, as the folder under src/routes: `/(app)/actions/[id]`. */
	route: string;
	method: Method;
	/** The form action (`default` for a page's only one); POSTed to `?/<name>`. */
	action?: string;
	/** What sets this row apart from the entry's main row, e.g. "unknown id". */
	variant?: string;
	path: (c: Context) => string;
	/** Sent url-encoded, as a browser sends a form. */
	form?: (c: Context) => Record<string, string | number>;
	/** Sent as JSON, as the API's clients do. */
	json?: (c: Context) => Record<string, unknown>;
	/** Prepared anew for each request, so one role's allowed write never spoils the next one's. */
	needs?: Need;
	/**
	 * Sent from a session of its own (a fresh context, signed in as a person of the role made for
	 * this run): signing in, signing out and a new password end sessions, which must not be the
	 * demo accounts' that the rest of the suite uses.
	 */
	ownSession?: boolean;
	/** An answer that never ends (an event stream): only its status and headers are read. */
	stream?: boolean;
	expect: Expectations;
}

// ---------------------------------------------------------------------------------------------
// Outcomes

const ok = (status = 200, type?: string): Outcome => ({ status, ...(type && { type }) });
/** A 303 to `location`. */
const see = (location: string): Outcome => ({ status: 303, location });
/** Signed-out visitors of a page go to sign-in, and come back to where they were going. */
const TO_SIGN_IN = see('/login?redirectTo={here}');
const PAGE_FORBIDDEN: Outcome = { status: 403, type: 'text/html' };
const PAGE_NOT_FOUND: Outcome = { status: 404, type: 'text/html' };
const API_UNAUTHORIZED: Outcome = { status: 401, error: 'unauthorized' };
const API_FORBIDDEN: Outcome = { status: 403, error: 'forbidden' };
const API_NOT_FOUND: Outcome = { status: 404, error: 'not_found' };
const NOT_FOUND: Outcome = { status: 404 };

// ---------------------------------------------------------------------------------------------
// Who may do what (DESIGN.md, "Who uses it"): staff read; the working group (member) and admins
// write actions; leadership and admins set the board's frame; admins manage people.

const MAY = {
	read: ['staff', 'leader', 'member', 'admin'],
	/** One's own profile and password. */
	ownAccount: ['staff', 'leader', 'member', 'admin'],
	writeActions: ['member', 'admin'],
	editFrame: ['leader', 'admin'],
	/** Review, decline, merge and accept ideas. */
	decideIdeas: ['leader', 'member', 'admin'],
	/** Ideas collected on paper in a workshop, entered in one go: the working group and admins. */
	enterWorkshopIdeas: ['member', 'admin'],
	/** Goals and their indicators are part of the frame: leadership and admins define them. */
	manageGoals: ['leader', 'admin'],
	/** Measured values of goals' indicators: the working group, leadership and admins. */
	trackGoals: ['leader', 'member', 'admin'],
	/** Freezing a report (a snapshot that stays as published): leadership and admins. */
	freezeReports: ['leader', 'admin'],
	/** Tag actions with codes and link them to goals: the working group, leadership and admins. */
	tagActions: ['leader', 'member', 'admin'],
	manageUsers: ['admin'],
	/** The board's public page: turning it on and off, its link, owners' names there. */
	managePublicPage: ['admin']
} as const satisfies Record<string, readonly Role[]>;
type Rule = keyof typeof MAY;

function byRule(rule: Rule, allowed: Outcome, signedOut: Outcome, denied: Outcome): Expectations {
	const may = MAY[rule] as readonly Role[];
	const role = (r: Role) => (may.includes(r) ? allowed : denied);
	return {
		signedOut,
		staff: role('staff'),
		leader: role('leader'),
		member: role('member'),
		admin: role('admin')
	};
}

/** A page or form action: signed out → sign-in, without the right → 403 page. */
const page = (rule: Rule, allowed: Outcome) => byRule(rule, allowed, TO_SIGN_IN, PAGE_FORBIDDEN);
/** A JSON endpoint: signed out → 401 JSON, without the right → 403 JSON. */
const api = (rule: Rule, allowed: Outcome) =>
	byRule(rule, allowed, API_UNAUTHORIZED, API_FORBIDDEN);
/** Public routes: everybody alike. */
const everyone = (outcome: Outcome): Expectations => ({
	signedOut: outcome,
	staff: outcome,
	leader: outcome,
	member: outcome,
	admin: outcome
});

// ---------------------------------------------------------------------------------------------
// Inputs that pass validation, so an allowed role gets past the guard to the real work.

const actionFields = (c: Context) => ({
	title: c.unique('Rechte-Matrix'),
	dimension: 'social',
	horizon: 'long'
});
const update = (c: Context) => ({
	title: c.unique('Rechte-Matrix geändert'),
	version: c.subject.version
});
const move = (c: Context) => ({
	dimension: 'ecological',
	horizon: 'long',
	index: 0,
	version: c.subject.version
});
const progress = () => ({ note: 'Stand aus der Rechte-Matrix', progress: 40 });
const version = (c: Context) => ({ version: c.subject.version });
const ideaFields = (c: Context) => ({ title: c.unique('Idee aus der Rechte-Matrix') });
export const goalFields = (c: Pick<Context, 'unique'>) => ({
	dimension: 'ecological',
	name: c.unique('Rechte-Matrix Ziel'),
	unit: 't CO₂ pro Jahr',
	baselineValue: 120,
	baselineYear: 2024,
	targetValue: 60,
	targetYear: 2030,
	direction: 'down'
});
const goalValue = () => ({ value: 110.5, date: '2025-12-31', source: 'Rechte-Matrix' });
const goalChange = (c: Context) => ({
	name: c.unique('Rechte-Matrix Ziel geändert'),
	version: c.subject.version
});
/** A measured value as the goals page's form sends it: a decimal comma, as people type it. */
const goalValueForm = (c: Context) => ({
	goalId: c.goal,
	value: '110,5',
	date: '2025-12-31',
	source: 'Rechte-Matrix'
});
const newPassword = 'matrix-password-2';
/** The same token with a signature that the app never made. */
const forged = (token: string) => token.replace(/\.[^.]*$/, '.AAAAAAAAAAAAAAAAAAAAAA');

// ---------------------------------------------------------------------------------------------

export const MATRIX: MatrixRow[] = [
	// ---- the landing: each role where its work is
	{
		route: '/(app)',
		method: 'GET',
		path: () => '/',
		expect: {
			signedOut: see('/login'),
			staff: see(LANDING.staff),
			leader: see(LANDING.leader),
			member: see(LANDING.member),
			admin: see(LANDING.admin)
		}
	},

	// ---- one action: everyone reads and follows; the working group and admins change it
	{
		route: '/(app)/actions/[id]',
		method: 'GET',
		path: (c) => `/actions/${c.action}`,
		expect: page('read', ok())
	},
	{
		route: '/(app)/actions/[id]',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/actions/${c.unknown}`,
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/actions/[id]',
		method: 'GET',
		variant: 'malformed id',
		path: () => '/actions/abc',
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'update',
		needs: 'action',
		path: (c) => `/actions/${c.subject.id}?/update`,
		form: update,
		expect: page('writeActions', ok())
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'update',
		variant: 'unknown id',
		path: (c) => `/actions/${c.unknown}?/update`,
		form: (c) => ({ title: c.unique('Rechte-Matrix'), version: 1 }),
		expect: page('writeActions', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'move',
		needs: 'action',
		path: (c) => `/actions/${c.subject.id}?/move`,
		// The board's "move to…" control sends the cell as one field and where to go back to.
		form: (c) => ({
			cell: 'ecological:long',
			index: 0,
			version: c.subject.version,
			redirectTo: '/boards/1'
		}),
		expect: page('writeActions', see('/boards/1'))
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'move',
		variant: 'malformed id',
		path: () => '/actions/1e0?/move',
		form: () => ({ cell: 'ecological:long', index: 0, version: 1 }),
		expect: page('writeActions', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'progress',
		needs: 'action',
		path: (c) => `/actions/${c.subject.id}?/progress`,
		form: progress,
		expect: page('writeActions', ok())
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'progress',
		variant: 'malformed id',
		path: () => '/actions/abc?/progress',
		form: progress,
		expect: page('writeActions', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'follow',
		needs: 'action',
		path: (c) => `/actions/${c.subject.id}?/follow`,
		form: () => ({ follow: '1' }),
		expect: page('read', ok())
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'follow',
		variant: 'unknown id',
		path: (c) => `/actions/${c.unknown}?/follow`,
		form: () => ({ follow: '1' }),
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'publicity',
		needs: 'action',
		path: (c) => `/actions/${c.subject.id}?/publicity`,
		form: (c) => ({ isPublic: 'on', version: c.subject.version }),
		expect: page('writeActions', ok())
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'publicity',
		variant: 'unknown id',
		path: (c) => `/actions/${c.unknown}?/publicity`,
		form: () => ({ isPublic: 'on', version: 1 }),
		expect: page('writeActions', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'archive',
		needs: 'action',
		path: (c) => `/actions/${c.subject.id}?/archive`,
		form: version,
		expect: page('writeActions', ok())
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'restore',
		needs: 'archived action',
		path: (c) => `/actions/${c.subject.id}?/restore`,
		form: version,
		expect: page('writeActions', ok())
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'restore',
		variant: 'unknown id',
		path: (c) => `/actions/${c.unknown}?/restore`,
		form: () => ({ version: 1 }),
		expect: page('writeActions', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'tags',
		needs: 'action',
		path: (c) => `/actions/${c.subject.id}?/tags`,
		form: (c) => ({ codes: 'dnk:13', goals: c.goal }),
		expect: page('tagActions', ok())
	},
	{
		route: '/(app)/actions/[id]',
		method: 'POST',
		action: 'tags',
		variant: 'unknown id',
		path: (c) => `/actions/${c.unknown}?/tags`,
		form: () => ({ codes: 'dnk:13' }),
		expect: page('tagActions', PAGE_NOT_FOUND)
	},

	// ---- people and roles: admins only
	{
		route: '/(app)/admin/users',
		method: 'GET',
		path: () => '/admin/users',
		expect: page('manageUsers', ok())
	},
	{
		route: '/(app)/admin/users',
		method: 'POST',
		action: 'create',
		path: () => '/admin/users?/create',
		form: (c) => ({
			name: 'Rechte Matrix',
			email: `${c.unique('matrix').replace(/\W+/g, '-').toLowerCase()}@example.org`,
			role: 'staff',
			access: 'link'
		}),
		expect: page('manageUsers', ok())
	},
	{
		route: '/(app)/admin/users',
		method: 'POST',
		action: 'role',
		path: () => '/admin/users?/role',
		form: (c) => ({ userId: c.person, role: 'member' }),
		expect: page('manageUsers', ok())
	},
	{
		route: '/(app)/admin/users',
		method: 'POST',
		action: 'deactivate',
		path: () => '/admin/users?/deactivate',
		form: (c) => ({ userId: c.person }),
		expect: page('manageUsers', ok())
	},
	{
		route: '/(app)/admin/users',
		method: 'POST',
		action: 'reactivate',
		path: () => '/admin/users?/reactivate',
		form: (c) => ({ userId: c.person }),
		expect: page('manageUsers', ok())
	},
	{
		route: '/(app)/admin/users',
		method: 'POST',
		action: 'link',
		path: () => '/admin/users?/link',
		form: (c) => ({ userId: c.person }),
		expect: page('manageUsers', ok())
	},
	{
		route: '/(app)/admin/users',
		method: 'POST',
		action: 'link',
		variant: 'unknown person',
		path: () => '/admin/users?/link',
		form: (c) => ({ userId: c.unknown }),
		expect: page('manageUsers', PAGE_NOT_FOUND)
	},
	{
		// The worker's servers send no e-mail: admins get past the guard to a plain refusal.
		route: '/(app)/admin/users',
		method: 'POST',
		action: 'emailLink',
		variant: 'e-mail off on this server',
		path: () => '/admin/users?/emailLink',
		form: (c) => ({ userId: c.person }),
		expect: page('manageUsers', { status: 400, type: 'text/html' })
	},

	// ---- the board's public page: admins turn it on and off, renew its link, allow names.
	// Rows run in this order: on, names hidden, renew, off — the page ends as it started, off.
	{
		route: '/(app)/admin/public',
		method: 'GET',
		path: () => '/admin/public',
		expect: page('managePublicPage', ok())
	},
	{
		route: '/(app)/admin/public',
		method: 'POST',
		action: 'on',
		path: () => '/admin/public?/on',
		form: () => ({}),
		expect: page('managePublicPage', ok())
	},
	{
		route: '/(app)/admin/public',
		method: 'POST',
		action: 'names',
		path: () => '/admin/public?/names',
		form: () => ({ show: '0' }),
		expect: page('managePublicPage', ok())
	},
	{
		route: '/(app)/admin/public',
		method: 'POST',
		action: 'renew',
		path: () => '/admin/public?/renew',
		form: () => ({}),
		expect: page('managePublicPage', ok())
	},
	{
		route: '/(app)/admin/public',
		method: 'POST',
		action: 'off',
		path: () => '/admin/public?/off',
		form: () => ({}),
		expect: page('managePublicPage', ok())
	},

	// ---- the e-mail outbox: admins only
	{
		route: '/(app)/admin/outbox',
		method: 'GET',
		path: () => '/admin/outbox',
		expect: page('manageUsers', ok())
	},
	{
		// No e-mail fails where none is sent: an id that no e-mail has.
		route: '/(app)/admin/outbox',
		method: 'POST',
		action: 'again',
		variant: 'unknown id',
		path: () => '/admin/outbox?/again',
		form: (c) => ({ id: c.unknown }),
		expect: page('manageUsers', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/admin/outbox',
		method: 'POST',
		action: 'test',
		variant: 'e-mail off on this server',
		path: () => '/admin/outbox?/test',
		form: () => ({}),
		expect: page('manageUsers', { status: 400, type: 'text/html' })
	},

	// ---- the board: everyone reads; the working group and admins add actions
	{
		route: '/(app)/boards/[id]',
		method: 'GET',
		path: (c) => `/boards/${c.board}`,
		expect: page('read', ok())
	},
	{
		route: '/(app)/boards/[id]',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/boards/${c.unknown}`,
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/boards/[id]',
		method: 'GET',
		variant: 'malformed id',
		path: () => '/boards/0x1',
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/boards/[id]',
		method: 'POST',
		action: 'create',
		path: (c) => `/boards/${c.board}?/create`,
		form: actionFields,
		expect: page('writeActions', ok())
	},
	{
		route: '/(app)/boards/[id]',
		method: 'POST',
		action: 'create',
		variant: 'unknown id',
		path: (c) => `/boards/${c.unknown}?/create`,
		form: actionFields,
		expect: page('writeActions', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/boards/[id]/archive',
		method: 'GET',
		path: (c) => `/boards/${c.board}/archive`,
		expect: page('read', ok())
	},
	{
		route: '/(app)/boards/[id]/archive',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/boards/${c.unknown}/archive`,
		expect: page('read', PAGE_NOT_FOUND)
	},

	// ---- the board's frame: leadership and admins
	{
		route: '/(app)/boards/[id]/frame',
		method: 'GET',
		path: (c) => `/boards/${c.board}/frame`,
		expect: page('editFrame', ok())
	},
	{
		route: '/(app)/boards/[id]/frame',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/boards/${c.unknown}/frame`,
		expect: page('editFrame', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/boards/[id]/frame',
		method: 'GET',
		variant: 'malformed id',
		path: () => '/boards/abc/frame',
		expect: page('editFrame', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/boards/[id]/frame',
		method: 'POST',
		action: 'default',
		needs: 'frame',
		// The frame as it is, sent back unchanged: the board's name stays what other tests expect.
		path: (c) => `/boards/${c.board}/frame`,
		form: (c) => c.frame,
		expect: page('editFrame', see('/roadmap?board=1'))
	},
	{
		route: '/(app)/boards/[id]/frame',
		method: 'POST',
		action: 'default',
		variant: 'unknown id',
		needs: 'frame',
		path: (c) => `/boards/${c.unknown}/frame`,
		form: (c) => c.frame,
		expect: page('editFrame', PAGE_NOT_FOUND)
	},

	// ---- goals and their measured values: everyone reads them; leadership and admins define
	// them, the working group, leadership and admins record values
	{
		route: '/(app)/boards/[id]/goals',
		method: 'GET',
		path: (c) => `/boards/${c.board}/goals`,
		expect: page('read', ok())
	},
	{
		route: '/(app)/boards/[id]/goals',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/boards/${c.unknown}/goals`,
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/boards/[id]/goals',
		method: 'GET',
		variant: 'malformed id',
		path: () => '/boards/1.0/goals',
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/boards/[id]/goals',
		method: 'POST',
		action: 'create',
		path: (c) => `/boards/${c.board}/goals?/create`,
		form: goalFields,
		expect: page('manageGoals', see('/boards/1/goals'))
	},
	{
		route: '/(app)/boards/[id]/goals',
		method: 'POST',
		action: 'create',
		variant: 'unknown id',
		path: (c) => `/boards/${c.unknown}/goals?/create`,
		form: goalFields,
		expect: page('manageGoals', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/boards/[id]/goals',
		method: 'POST',
		action: 'update',
		needs: 'goal',
		path: (c) => `/boards/${c.board}/goals?/update`,
		form: (c) => ({ goalId: c.subject.id, ...goalChange(c) }),
		expect: page('manageGoals', ok())
	},
	{
		route: '/(app)/boards/[id]/goals',
		method: 'POST',
		action: 'update',
		variant: 'unknown goal',
		path: (c) => `/boards/${c.board}/goals?/update`,
		form: (c) => ({ goalId: c.unknown, name: c.unique('Rechte-Matrix Ziel'), version: 1 }),
		expect: page('manageGoals', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/boards/[id]/goals',
		method: 'POST',
		action: 'record',
		path: (c) => `/boards/${c.board}/goals?/record`,
		form: goalValueForm,
		expect: page('trackGoals', ok())
	},
	{
		route: '/(app)/boards/[id]/goals',
		method: 'POST',
		action: 'record',
		variant: 'unknown id',
		path: (c) => `/boards/${c.unknown}/goals?/record`,
		form: goalValueForm,
		expect: page('trackGoals', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/boards/[id]/goals',
		method: 'POST',
		action: 'record',
		variant: 'unknown goal',
		path: (c) => `/boards/${c.board}/goals?/record`,
		form: (c) => ({ ...goalValueForm(c), goalId: c.unknown }),
		expect: page('trackGoals', PAGE_NOT_FOUND)
	},

	// ---- reports: everyone reads them; leadership and admins freeze them
	{
		route: '/(app)/reports',
		method: 'GET',
		path: () => '/reports',
		expect: page('read', ok())
	},
	{
		route: '/(app)/reports',
		method: 'GET',
		variant: 'a period',
		path: () => '/reports?from=2026-01-01&to=2026-06-30',
		expect: page('read', ok())
	},
	{
		route: '/(app)/reports',
		method: 'GET',
		variant: 'unknown board',
		path: (c) => `/reports?board=${c.unknown}`,
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/reports',
		method: 'POST',
		action: 'freeze',
		path: () => '/reports?/freeze',
		form: (c) => ({
			title: c.unique('Bericht der Rechte-Matrix'),
			from: '2026-01-01',
			to: '2026-03-31'
		}),
		expect: page('freezeReports', { status: 303 })
	},
	{
		route: '/(app)/reports/[id]',
		method: 'GET',
		path: (c) => `/reports/${c.report}`,
		expect: page('read', ok())
	},
	{
		route: '/(app)/reports/[id]',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/reports/${c.unknown}`,
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/reports/[id]/export',
		method: 'GET',
		path: (c) => `/reports/${c.report}/export?format=csv`,
		expect: page('read', ok(200, 'text/csv'))
	},
	{
		route: '/(app)/reports/[id]/export',
		method: 'GET',
		variant: 'xlsx',
		path: (c) => `/reports/${c.report}/export?format=xlsx`,
		expect: page('read', ok(200, 'spreadsheetml'))
	},
	{
		route: '/(app)/reports/[id]/export',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/reports/${c.unknown}/export?format=csv`,
		expect: page('read', NOT_FOUND)
	},

	// ---- the roadmap and what comes next: everyone
	{
		route: '/(app)/roadmap',
		method: 'GET',
		path: () => '/roadmap',
		expect: page('read', ok())
	},
	{
		route: '/(app)/roadmap/timeline',
		method: 'GET',
		path: () => '/roadmap/timeline',
		expect: page('read', ok())
	},
	{
		route: '/(app)/roadmap/timeline',
		method: 'GET',
		variant: 'a board',
		path: (c) => `/roadmap/timeline?board=${c.board}`,
		expect: page('read', ok())
	},
	{
		route: '/(app)/roadmap/timeline',
		method: 'GET',
		variant: 'unknown board',
		path: (c) => `/roadmap/timeline?board=${c.unknown}`,
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/roadmap/balance',
		method: 'GET',
		path: () => '/roadmap/balance',
		expect: page('read', ok())
	},
	{
		route: '/(app)/roadmap/balance',
		method: 'GET',
		variant: 'a board',
		path: (c) => `/roadmap/balance?board=${c.board}`,
		expect: page('read', ok())
	},
	{
		route: '/(app)/roadmap/balance',
		method: 'GET',
		variant: 'unknown board',
		path: (c) => `/roadmap/balance?board=${c.unknown}`,
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/roadmap/goals',
		method: 'GET',
		path: () => '/roadmap/goals',
		expect: page('read', ok())
	},
	{
		route: '/(app)/roadmap/goals',
		method: 'GET',
		variant: 'unknown board',
		path: (c) => `/roadmap/goals?board=${c.unknown}`,
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/upcoming',
		method: 'GET',
		path: () => '/upcoming',
		expect: page('read', ok())
	},
	{
		route: '/(app)/upcoming',
		method: 'POST',
		action: 'follow',
		needs: 'action',
		path: () => '/upcoming?/follow',
		form: (c) => ({ actionId: c.subject.id, follow: '1' }),
		expect: page('read', ok())
	},
	{
		route: '/(app)/upcoming',
		method: 'POST',
		action: 'renewCalendar',
		path: () => '/upcoming?/renewCalendar',
		form: () => ({}),
		expect: page('read', ok())
	},

	// ---- Ideas: everyone proposes and supports; the working group decides
	{
		route: '/(app)/ideas',
		method: 'GET',
		path: () => '/ideas',
		expect: page('read', ok())
	},
	{
		route: '/(app)/ideas',
		method: 'POST',
		action: 'support',
		needs: 'idea',
		path: () => '/ideas?/support',
		form: (c) => ({ ideaId: c.idea.id, support: '1' }),
		expect: page('read', ok())
	},
	{
		route: '/(app)/ideas/new',
		method: 'GET',
		path: () => '/ideas/new',
		expect: page('read', ok())
	},
	{
		route: '/(app)/ideas/new',
		method: 'POST',
		action: 'propose',
		path: () => '/ideas/new?/propose',
		form: (c) => ({ title: c.unique('Idee aus der Rechte-Matrix'), confirmed: '1' }),
		expect: page('read', { status: 303 })
	},
	{
		route: '/(app)/ideas/new',
		method: 'POST',
		action: 'support',
		needs: 'idea',
		path: () => '/ideas/new?/support',
		form: (c) => ({ ideaId: c.idea.id, support: '1' }),
		expect: page('read', ok())
	},
	{
		route: '/(app)/ideas/review',
		method: 'GET',
		path: () => '/ideas/review',
		expect: page('decideIdeas', ok())
	},
	{
		route: '/(app)/ideas/[id]',
		method: 'GET',
		needs: 'idea',
		path: (c) => `/ideas/${c.idea.id}`,
		expect: page('read', ok())
	},
	{
		route: '/(app)/ideas/[id]',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/ideas/${c.unknown}`,
		expect: page('read', PAGE_NOT_FOUND)
	},
	{
		route: '/(app)/ideas/[id]',
		method: 'POST',
		action: 'support',
		needs: 'idea',
		path: (c) => `/ideas/${c.idea.id}?/support`,
		form: (c) => ({ ideaId: c.idea.id, support: '1' }),
		expect: page('read', ok())
	},
	{
		route: '/(app)/ideas/[id]',
		method: 'POST',
		action: 'edit',
		variant: "another's idea",
		needs: 'idea',
		path: (c) => `/ideas/${c.idea.id}?/edit`,
		form: (c) => ({ title: c.unique('Geänderte Idee'), version: c.idea.version }),
		expect: page('read', PAGE_FORBIDDEN)
	},
	{
		route: '/(app)/ideas/[id]',
		method: 'POST',
		action: 'withdraw',
		variant: "another's idea",
		needs: 'idea',
		path: (c) => `/ideas/${c.idea.id}?/withdraw`,
		form: (c) => ({ version: c.idea.version }),
		expect: page('read', PAGE_FORBIDDEN)
	},
	{
		route: '/(app)/ideas/[id]',
		method: 'POST',
		action: 'decide',
		needs: 'idea',
		path: (c) => `/ideas/${c.idea.id}?/decide`,
		form: (c) => ({ state: 'in_review', version: c.idea.version }),
		expect: page('decideIdeas', ok())
	},
	{
		route: '/(app)/ideas/[id]',
		method: 'POST',
		action: 'decide',
		variant: 'unknown id',
		path: (c) => `/ideas/${c.unknown}?/decide`,
		form: () => ({ state: 'in_review', version: 1 }),
		expect: page('decideIdeas', PAGE_NOT_FOUND)
	},

	// ---- Notifications: everyone signed in, their own only
	{
		route: '/(app)/notifications',
		method: 'GET',
		path: () => '/notifications',
		expect: page('read', ok())
	},
	{
		route: '/(app)/notifications',
		method: 'POST',
		action: 'readAll',
		path: () => '/notifications?/readAll',
		form: () => ({}),
		expect: page('read', ok())
	},
	{
		// Someone else's notification is as unknown as one that never was.
		route: '/(app)/notifications',
		method: 'POST',
		action: 'read',
		variant: 'unknown id',
		path: () => '/notifications?/read',
		form: (c) => ({ id: c.unknown }),
		expect: page('read', PAGE_NOT_FOUND)
	},

	// ---- one's own settings: everyone signed in, for themselves
	{
		route: '/(app)/settings',
		method: 'GET',
		path: () => '/settings',
		expect: page('ownAccount', ok())
	},
	{
		route: '/(app)/settings',
		method: 'POST',
		action: 'profile',
		ownSession: true,
		path: () => '/settings?/profile',
		form: () => ({ name: 'Rechte Matrix', locale: 'de' }),
		expect: page('ownAccount', see('/settings?saved=profile'))
	},
	{
		route: '/(app)/settings',
		method: 'POST',
		action: 'password',
		ownSession: true,
		// The same password again: later rows of the role sign in with it once more.
		path: () => '/settings?/password',
		form: (c) => ({
			currentPassword: c.account.password,
			password: c.account.password,
			passwordConfirm: c.account.password
		}),
		expect: page('ownAccount', ok())
	},
	{
		route: '/(app)/settings',
		method: 'POST',
		action: 'notifications',
		// The defaults, sent by a person of the role made for this run: no demo account's choices.
		ownSession: true,
		path: () => '/settings?/notifications',
		form: () => ({ ...DEFAULT_CHANNELS, digest: DEFAULT_DIGEST }),
		expect: page('ownAccount', see('/settings?saved=notifications'))
	},

	// ---- signing in, first run, sign-in links, signing out: open to everybody
	{
		route: '/(auth)/login',
		method: 'GET',
		path: () => '/login',
		expect: { ...everyone(see('/')), signedOut: ok(200, 'text/html') }
	},
	{
		route: '/(auth)/login',
		method: 'POST',
		action: 'default',
		ownSession: true,
		path: () => '/login',
		form: (c) => ({ email: c.account.email, password: c.account.password }),
		expect: everyone(see('/'))
	},
	{
		// Once anybody exists the first-run page is gone: it leads to sign-in, and creates nobody.
		route: '/(auth)/setup',
		method: 'GET',
		path: () => '/setup',
		expect: everyone(see('/login'))
	},
	{
		route: '/(auth)/setup',
		method: 'POST',
		action: 'default',
		path: () => '/setup',
		form: (c) => ({
			name: 'Zweite Verwaltung',
			email: `${c.unique('setup').replace(/\W+/g, '-').toLowerCase()}@example.org`,
			password: newPassword,
			passwordConfirm: newPassword
		}),
		expect: everyone(see('/login'))
	},
	{
		route: '/(auth)/signin/[token]',
		method: 'GET',
		path: (c) => `/signin/${c.token}`,
		expect: everyone(ok(200, 'text/html'))
	},
	{
		// A link that does not (or no longer) work says so with the status its form answers too.
		route: '/(auth)/signin/[token]',
		method: 'GET',
		variant: 'unknown token',
		path: () => '/signin/aaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbb',
		expect: everyone({ status: 410, type: 'text/html' })
	},
	{
		// Deactivating a person retires their keys: the link they were given no longer works.
		route: '/(auth)/signin/[token]',
		method: 'GET',
		variant: "a deactivated person's link",
		path: (c) => `/signin/${c.retired.token}`,
		expect: everyone({ status: 410, type: 'text/html' })
	},
	{
		route: '/(auth)/signin/[token]',
		method: 'POST',
		action: 'default',
		needs: 'sign-in link',
		ownSession: true,
		path: (c) => `/signin/${c.token}`,
		form: () => ({ password: newPassword, passwordConfirm: newPassword }),
		expect: everyone(see('/'))
	},
	{
		route: '/(auth)/signin/[token]',
		method: 'POST',
		action: 'default',
		variant: 'unknown token',
		path: () => '/signin/aaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbb',
		form: () => ({ password: newPassword, passwordConfirm: newPassword }),
		expect: everyone({ status: 410, type: 'text/html' })
	},
	{
		route: '/(auth)/signin/[token]',
		method: 'POST',
		action: 'default',
		variant: "a deactivated person's link",
		path: (c) => `/signin/${c.retired.token}`,
		form: () => ({ password: newPassword, passwordConfirm: newPassword }),
		expect: everyone({ status: 410, type: 'text/html' })
	},
	// ---- unsubscribe links of e-mails: the signed token is the key, for everybody alike
	{
		route: '/(auth)/unsubscribe/[token]',
		method: 'GET',
		path: (c) => `/unsubscribe/${c.unsubscribe}`,
		expect: everyone(ok(200, 'text/html'))
	},
	{
		route: '/(auth)/unsubscribe/[token]',
		method: 'GET',
		variant: 'forged token',
		path: (c) => `/unsubscribe/${forged(c.unsubscribe)}`,
		expect: everyone(PAGE_NOT_FOUND)
	},
	{
		// Turning the same kind off again changes nothing more: every role may repeat it.
		route: '/(auth)/unsubscribe/[token]',
		method: 'POST',
		action: 'default',
		path: (c) => `/unsubscribe/${c.unsubscribe}`,
		form: () => ({ 'List-Unsubscribe': 'One-Click' }),
		expect: everyone(ok(200, 'text/html'))
	},
	{
		route: '/(auth)/unsubscribe/[token]',
		method: 'POST',
		action: 'default',
		variant: 'forged token',
		path: (c) => `/unsubscribe/${forged(c.unsubscribe)}`,
		form: () => ({ 'List-Unsubscribe': 'One-Click' }),
		expect: everyone(PAGE_NOT_FOUND)
	},
	{
		route: '/logout',
		method: 'GET',
		path: () => '/logout',
		expect: { ...everyone(ok(200, 'text/html')), signedOut: see('/login') }
	},
	{
		route: '/logout',
		method: 'POST',
		action: 'default',
		ownSession: true,
		path: () => '/logout',
		form: () => ({}),
		expect: everyone(see('/login'))
	},

	// ---- public endpoints: liveness, language, calendar feeds (the secret is the key)
	{
		route: '/(auth)/accessibility',
		method: 'GET',
		path: () => '/accessibility',
		expect: everyone(ok(200, 'text/html'))
	},
	{
		route: '/manifest.webmanifest',
		method: 'GET',
		path: () => '/manifest.webmanifest',
		expect: everyone(ok(200, 'application/manifest+json'))
	},
	{
		route: '/health',
		method: 'GET',
		path: () => '/health',
		expect: everyone(ok(200, 'application/json'))
	},
	{
		route: '/language',
		method: 'POST',
		// Signed in, it also saves the language to the profile: not the demo accounts'.
		ownSession: true,
		path: () => '/language',
		form: () => ({ locale: 'de', redirectTo: '/upcoming' }),
		expect: everyone(see('/upcoming'))
	},
	{
		route: '/calendar/[file]',
		method: 'GET',
		path: (c) => `/calendar/${c.calendar}.ics`,
		expect: everyone(ok(200, 'text/calendar'))
	},
	{
		route: '/calendar/[file]',
		method: 'GET',
		variant: 'unknown secret',
		path: () => '/calendar/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics',
		expect: everyone(NOT_FOUND)
	},
	{
		route: '/calendar/[file]',
		method: 'GET',
		variant: "a deactivated person's secret",
		path: (c) => `/calendar/${c.retired.calendar}.ics`,
		expect: everyone(NOT_FOUND)
	},
	{
		route: '/calendar/[file]',
		method: 'GET',
		variant: 'malformed file name',
		path: (c) => `/calendar/${c.calendar}.txt`,
		expect: everyone(NOT_FOUND)
	},

	// ---- the board's public page: the link is the key, for everybody alike; an unknown (or
	// renewed, or turned-off) link is not found in all three forms
	{
		route: '/p/[token]',
		method: 'GET',
		variant: 'unknown link',
		path: () => `/p/${'A'.repeat(43)}`,
		expect: everyone(PAGE_NOT_FOUND)
	},
	{
		route: '/p/[token]',
		method: 'GET',
		variant: 'malformed link',
		path: () => '/p/kein-link',
		expect: everyone(PAGE_NOT_FOUND)
	},
	{
		route: '/p/[token].json',
		method: 'GET',
		variant: 'unknown link',
		path: () => `/p/${'A'.repeat(43)}.json`,
		expect: everyone({ status: 404, error: 'not_found' })
	},
	{
		route: '/p/[token].csv',
		method: 'GET',
		variant: 'unknown link',
		path: () => `/p/${'A'.repeat(43)}.csv`,
		expect: everyone(NOT_FOUND)
	},

	// ---- the JSON API: everyone signed in reads; the working group and admins write
	{
		route: '/api/boards',
		method: 'GET',
		path: () => '/api/boards',
		expect: api('read', ok(200, 'application/json'))
	},
	{
		route: '/api/boards/[id]',
		method: 'GET',
		path: (c) => `/api/boards/${c.board}`,
		expect: api('read', ok(200, 'application/json'))
	},
	{
		route: '/api/boards/[id]',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/api/boards/${c.unknown}`,
		expect: api('read', API_NOT_FOUND)
	},
	{
		route: '/api/boards/[id]',
		method: 'GET',
		variant: 'malformed id',
		path: () => '/api/boards/abc',
		expect: api('read', API_NOT_FOUND)
	},
	{
		route: '/api/boards/[id]/actions',
		method: 'POST',
		path: (c) => `/api/boards/${c.board}/actions`,
		json: actionFields,
		expect: api('writeActions', ok(201, 'application/json'))
	},
	{
		route: '/api/boards/[id]/actions',
		method: 'POST',
		variant: 'unknown id',
		path: (c) => `/api/boards/${c.unknown}/actions`,
		json: actionFields,
		expect: api('writeActions', API_NOT_FOUND)
	},
	{
		route: '/api/boards/[id]/actions',
		method: 'POST',
		variant: 'malformed id',
		path: () => '/api/boards/-1/actions',
		json: actionFields,
		expect: api('writeActions', API_NOT_FOUND)
	},
	{
		route: '/api/boards/[id]/report',
		method: 'GET',
		path: (c) => `/api/boards/${c.board}/report?from=2026-01-01&to=2026-06-30`,
		expect: api('read', ok(200, 'application/json'))
	},
	{
		route: '/api/boards/[id]/report',
		method: 'GET',
		variant: 'csv',
		path: (c) => `/api/boards/${c.board}/report?from=2026-01-01&to=2026-06-30&format=csv`,
		expect: api('read', ok(200, 'text/csv'))
	},
	{
		route: '/api/boards/[id]/report',
		method: 'GET',
		variant: 'xlsx',
		path: (c) => `/api/boards/${c.board}/report?from=2026-01-01&to=2026-06-30&format=xlsx`,
		expect: api('read', ok(200, 'spreadsheetml'))
	},
	{
		route: '/api/boards/[id]/report',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/api/boards/${c.unknown}/report?from=2026-01-01&to=2026-06-30`,
		expect: api('read', API_NOT_FOUND)
	},
	{
		route: '/api/boards/[id]/report',
		method: 'GET',
		variant: 'from after to',
		path: (c) => `/api/boards/${c.board}/report?from=2026-07-01&to=2026-06-30`,
		expect: api('read', { status: 400, error: 'bad_request' })
	},
	{
		route: '/api/boards/[id]/goals',
		method: 'GET',
		path: (c) => `/api/boards/${c.board}/goals`,
		expect: api('read', ok(200, 'application/json'))
	},
	{
		route: '/api/boards/[id]/goals',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/api/boards/${c.unknown}/goals`,
		expect: api('read', API_NOT_FOUND)
	},
	{
		route: '/api/boards/[id]/goals',
		method: 'POST',
		path: (c) => `/api/boards/${c.board}/goals`,
		json: goalFields,
		expect: api('manageGoals', ok(201, 'application/json'))
	},
	{
		route: '/api/boards/[id]/goals',
		method: 'POST',
		variant: 'unknown id',
		path: (c) => `/api/boards/${c.unknown}/goals`,
		json: goalFields,
		expect: api('manageGoals', API_NOT_FOUND)
	},
	{
		route: '/api/boards/[id]/goals',
		method: 'POST',
		variant: 'malformed id',
		path: () => '/api/boards/1e0/goals',
		json: goalFields,
		expect: api('manageGoals', API_NOT_FOUND)
	},
	{
		route: '/api/goals/[id]',
		method: 'PATCH',
		needs: 'goal',
		path: (c) => `/api/goals/${c.subject.id}`,
		json: goalChange,
		expect: api('manageGoals', ok(200, 'application/json'))
	},
	{
		route: '/api/goals/[id]',
		method: 'PATCH',
		variant: 'unknown id',
		path: (c) => `/api/goals/${c.unknown}`,
		json: (c) => ({ name: c.unique('Rechte-Matrix Ziel'), version: 1 }),
		expect: api('manageGoals', API_NOT_FOUND)
	},
	{
		route: '/api/goals/[id]',
		method: 'PATCH',
		variant: 'malformed id',
		path: () => '/api/goals/0x1',
		json: (c) => ({ name: c.unique('Rechte-Matrix Ziel'), version: 1 }),
		expect: api('manageGoals', API_NOT_FOUND)
	},
	{
		route: '/api/goals/[id]/values',
		method: 'POST',
		path: (c) => `/api/goals/${c.goal}/values`,
		json: goalValue,
		expect: api('trackGoals', ok(201, 'application/json'))
	},
	{
		route: '/api/goals/[id]/values',
		method: 'POST',
		variant: 'unknown id',
		path: (c) => `/api/goals/${c.unknown}/values`,
		json: goalValue,
		expect: api('trackGoals', API_NOT_FOUND)
	},
	{
		route: '/api/goals/[id]/values',
		method: 'POST',
		variant: 'malformed id',
		path: () => '/api/goals/abc/values',
		json: goalValue,
		expect: api('trackGoals', API_NOT_FOUND)
	},
	{
		route: '/api/boards/[id]/cards',
		method: 'GET',
		path: (c) => `/api/boards/${c.board}/cards`,
		expect: api('read', ok(200, 'application/json'))
	},
	{
		route: '/api/boards/[id]/cards',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/api/boards/${c.unknown}/cards`,
		expect: api('read', API_NOT_FOUND)
	},
	{
		route: '/api/boards/[id]/events',
		method: 'GET',
		stream: true,
		path: (c) => `/api/boards/${c.board}/events`,
		expect: api('read', ok(200, 'text/event-stream'))
	},
	{
		route: '/api/boards/[id]/events',
		method: 'GET',
		variant: 'unknown id',
		stream: true,
		path: (c) => `/api/boards/${c.unknown}/events`,
		expect: api('read', API_NOT_FOUND)
	},
	{
		route: '/api/actions/[id]',
		method: 'GET',
		path: (c) => `/api/actions/${c.action}`,
		expect: api('read', ok(200, 'application/json'))
	},
	{
		route: '/api/actions/[id]',
		method: 'GET',
		variant: 'unknown id',
		path: (c) => `/api/actions/${c.unknown}`,
		expect: api('read', API_NOT_FOUND)
	},
	{
		route: '/api/actions/[id]',
		method: 'GET',
		variant: 'malformed id',
		path: () => '/api/actions/1.5',
		expect: api('read', API_NOT_FOUND)
	},
	{
		route: '/api/actions/[id]',
		method: 'PATCH',
		needs: 'action',
		path: (c) => `/api/actions/${c.subject.id}`,
		json: update,
		expect: api('writeActions', ok(200, 'application/json'))
	},
	{
		route: '/api/actions/[id]',
		method: 'PATCH',
		variant: 'unknown id',
		path: (c) => `/api/actions/${c.unknown}`,
		json: (c) => ({ title: c.unique('Rechte-Matrix'), version: 1 }),
		expect: api('writeActions', API_NOT_FOUND)
	},
	{
		route: '/api/actions/[id]/move',
		method: 'POST',
		needs: 'action',
		path: (c) => `/api/actions/${c.subject.id}/move`,
		json: move,
		expect: api('writeActions', ok(200, 'application/json'))
	},
	{
		route: '/api/actions/[id]/move',
		method: 'POST',
		variant: 'malformed id',
		path: () => '/api/actions/abc/move',
		json: () => ({ dimension: 'ecological', horizon: 'long', index: 0, version: 1 }),
		expect: api('writeActions', API_NOT_FOUND)
	},
	{
		route: '/api/actions/[id]/progress',
		method: 'POST',
		needs: 'action',
		path: (c) => `/api/actions/${c.subject.id}/progress`,
		json: progress,
		expect: api('writeActions', ok(201, 'application/json'))
	},
	{
		route: '/api/actions/[id]/progress',
		method: 'POST',
		variant: 'unknown id',
		path: (c) => `/api/actions/${c.unknown}/progress`,
		json: progress,
		expect: api('writeActions', API_NOT_FOUND)
	},
	{
		route: '/api/actions/[id]/archive',
		method: 'POST',
		needs: 'action',
		path: (c) => `/api/actions/${c.subject.id}/archive`,
		json: version,
		expect: api('writeActions', ok(200, 'application/json'))
	},
	{
		route: '/api/actions/[id]/archive',
		method: 'POST',
		variant: 'unknown id',
		path: (c) => `/api/actions/${c.unknown}/archive`,
		json: () => ({ version: 1 }),
		expect: api('writeActions', API_NOT_FOUND)
	},
	{
		route: '/api/actions/[id]/publicity',
		method: 'POST',
		needs: 'action',
		path: (c) => `/api/actions/${c.subject.id}/publicity`,
		json: (c) => ({ isPublic: true, version: c.subject.version }),
		expect: api('writeActions', ok(200, 'application/json'))
	},
	{
		route: '/api/actions/[id]/publicity',
		method: 'POST',
		variant: 'unknown id',
		path: (c) => `/api/actions/${c.unknown}/publicity`,
		json: () => ({ isPublic: true, version: 1 }),
		expect: api('writeActions', API_NOT_FOUND)
	},
	{
		route: '/api/actions/[id]/restore',
		method: 'POST',
		needs: 'archived action',
		path: (c) => `/api/actions/${c.subject.id}/restore`,
		json: version,
		expect: api('writeActions', ok(200, 'application/json'))
	},
	{
		route: '/api/actions/[id]/restore',
		method: 'POST',
		variant: 'malformed id',
		path: () => '/api/actions/0/restore',
		json: () => ({ version: 1 }),
		expect: api('writeActions', API_NOT_FOUND)
	},
	{
		route: '/api/actions/[id]/codes',
		method: 'PUT',
		needs: 'action',
		path: (c) => `/api/actions/${c.subject.id}/codes`,
		json: () => ({ codes: ['dnk:13', 'sdg:7'] }),
		expect: api('tagActions', ok(200, 'application/json'))
	},
	{
		route: '/api/actions/[id]/codes',
		method: 'PUT',
		variant: 'unknown id',
		path: (c) => `/api/actions/${c.unknown}/codes`,
		json: () => ({ codes: ['dnk:13'] }),
		expect: api('tagActions', API_NOT_FOUND)
	},
	{
		route: '/api/actions/[id]/goals',
		method: 'PUT',
		needs: 'action',
		path: (c) => `/api/actions/${c.subject.id}/goals`,
		json: (c) => ({ goals: [c.goal] }),
		expect: api('tagActions', ok(200, 'application/json'))
	},
	{
		route: '/api/actions/[id]/goals',
		method: 'PUT',
		variant: 'malformed id',
		path: () => '/api/actions/1e0/goals',
		json: () => ({ goals: [] }),
		expect: api('tagActions', API_NOT_FOUND)
	},

	// ---- Ideas -------------------------------------------------------------------------------
	{
		route: '/api/ideas',
		method: 'GET',
		path: () => '/api/ideas',
		expect: api('read', ok(200, 'application/json'))
	},
	{
		route: '/api/ideas',
		method: 'POST',
		path: () => '/api/ideas',
		json: ideaFields,
		expect: api('read', ok(201, 'application/json'))
	},
	{
		route: '/api/ideas/events',
		method: 'GET',
		stream: true,
		path: () => '/api/ideas/events',
		expect: api('read', ok(200, 'text/event-stream'))
	},
	{
		route: '/api/ideas/[id]/support',
		method: 'POST',
		needs: 'idea',
		path: (c) => `/api/ideas/${c.idea.id}/support`,
		expect: api('read', ok(200, 'application/json'))
	},
	{
		route: '/api/ideas/[id]/support',
		method: 'POST',
		variant: 'unknown id',
		path: (c) => `/api/ideas/${c.unknown}/support`,
		expect: api('read', API_NOT_FOUND)
	},
	{
		route: '/api/ideas/[id]/support',
		method: 'DELETE',
		needs: 'idea',
		path: (c) => `/api/ideas/${c.idea.id}/support`,
		expect: api('read', ok(200, 'application/json'))
	},
	{
		route: '/api/ideas/[id]/support',
		method: 'DELETE',
		variant: 'unknown id',
		path: (c) => `/api/ideas/${c.unknown}/support`,
		expect: api('read', API_NOT_FOUND)
	},
	{
		route: '/api/ideas/[id]/state',
		method: 'POST',
		needs: 'idea',
		path: (c) => `/api/ideas/${c.idea.id}/state`,
		json: (c) => ({ state: 'declined', reason: 'Aus der Rechte-Matrix', version: c.idea.version }),
		expect: api('decideIdeas', ok(200, 'application/json'))
	},
	{
		route: '/api/ideas/[id]/state',
		method: 'POST',
		variant: 'unknown id',
		path: (c) => `/api/ideas/${c.unknown}/state`,
		json: () => ({ state: 'in_review', version: 1 }),
		expect: api('decideIdeas', API_NOT_FOUND)
	},
	{
		route: '/api/ideas/[id]/state',
		method: 'POST',
		variant: "withdrawing another's idea",
		needs: 'idea',
		path: (c) => `/api/ideas/${c.idea.id}/state`,
		json: (c) => ({ state: 'withdrawn', version: c.idea.version }),
		expect: api('read', API_FORBIDDEN)
	},
	// ---- Notifications ------------------------------------------------------------------------
	{
		route: '/api/notifications',
		method: 'GET',
		path: () => '/api/notifications',
		expect: api('read', ok(200, 'application/json'))
	},
	{
		route: '/api/notifications/events',
		method: 'GET',
		stream: true,
		path: () => '/api/notifications/events',
		expect: api('read', ok(200, 'text/event-stream'))
	},
	// Ideas from a workshop: the working group and admins enter them, in one go
	{
		route: '/(app)/ideas/workshop',
		method: 'GET',
		path: () => '/ideas/workshop',
		expect: page('enterWorkshopIdeas', ok())
	},
	{
		route: '/(app)/ideas/workshop',
		method: 'POST',
		action: 'default',
		path: () => '/ideas/workshop',
		form: (c) => ({
			name: 'Rechte-Matrix',
			date: '2026-03-14',
			ideas: c.unique('Rechte-Matrix Idee')
		}),
		expect: page('enterWorkshopIdeas', see('/ideas/workshop?entered=1'))
	}
];
