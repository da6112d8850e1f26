// Bad requests for every write endpoint and form action, generated per field from what each one
// accepts (the zod schemas in src/lib/server/domain/*-input.ts and the handlers beside them).
// tests/bad-input.test.ts sends them and checks the answers; this file only builds them.
import { DIMENSIONS, HORIZONS, STATUSES } from '../src/lib/board/cells';
import { LIMITS } from '../src/lib/board/limits';
import { GOAL_DIRECTIONS } from '../src/lib/goals/kinds';
import { WORKSHOP_LIMITS } from '../src/lib/ideas/workshop';
import { LOCALES } from '../src/lib/locales';
import {
	DEFAULT_CHANNELS,
	DEFAULT_DIGEST,
	DIGEST_CHOICES,
	NOTIFICATION_CHANNELS,
	NOTIFICATION_KINDS
} from '../src/lib/notifications/kinds';
import { ROLES } from '../src/lib/roles';
import { readRouteTree, withoutGroups } from './route-tree';

// ---------------------------------------------------------------------------------------------
// The route tree: which write endpoints and form actions exist.

const WRITE_METHODS: string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** For routes that answer any unusable id as "not found". */
const UNUSABLE_ID_IS_NOT_FOUND = {
	field: [400, 404],
	huge: [400, 404, 413],
	body: [400, 404, 415],
	oversized: [400, 404, 413]
};
/** How a form action is named in reports: `POST /login` for `default`, else `POST /path?/name`. */
function formActionKey(routeId: string, action: string): string {
	return action === 'default' ? `POST ${routeId}` : `POST ${routeId}?/${action}`;
}

/**
 * Every write the app accepts, from the route tree (`route-tree.ts`): `POST|PUT|PATCH|DELETE`
 * exported by a `+server.ts`, and every form action of a `+page.server.ts`.
 */
export function listWriteRoutes(): string[] {
	const keys: string[] = [];
	for (const entry of readRouteTree()) {
		const routeId = withoutGroups(entry.route);
		if (entry.action !== undefined) keys.push(formActionKey(routeId, entry.action));
		else if (entry.kind === 'endpoint' && WRITE_METHODS.includes(entry.method)) {
			keys.push(`${entry.method} ${routeId}`);
		}
	}
	return keys.sort();
}

// ---------------------------------------------------------------------------------------------
// Values and how they go on the wire.

/** Leaves a field out of the body. */
const MISSING = Symbol('missing');

/** Bytes written into the body as they are: invalid UTF-8, lone surrogates, raw percent escapes. */
class Raw {
	constructor(readonly bytes: Buffer) {}
	static of(...bytes: (string | number[])[]) {
		return new Raw(Buffer.concat(bytes.map((b) => Buffer.from(b))));
	}
}

/** A form field sent as an uploaded file (the form then goes as multipart/form-data). */
class FilePart {
	constructor(readonly content: string | Buffer) {}
}

type Value =
	| string
	| number
	| boolean
	| null
	| Raw
	| FilePart
	| typeof MISSING
	| Value[]
	| { [key: string]: Value };
type Fields = Record<string, Value>;

/** A body as it is sent; `contentType: null` sends an empty Content-Type header. */
export interface Wire {
	data: Buffer;
	contentType: string | null;
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** JSON, with each `Raw` written byte for byte inside its string. */
function jsonWire(fields: Fields | Value, contentType: string | null = JSON_TYPE): Wire {
	const raws: Buffer[] = [];
	const text = JSON.stringify(fields, (_key, value: unknown) => {
		if (value instanceof Raw) {
			raws.push(value.bytes);
			return `@@raw${raws.length - 1}@@`;
		}
		if (value instanceof FilePart) return value.content;
		return value;
	});
	const parts = text.split(/@@raw(\d+)@@/);
	return {
		data: Buffer.concat(parts.map((part, i) => (i % 2 ? raws[Number(part)] : Buffer.from(part)))),
		contentType
	};
}

function formValues(value: Value): Value[] {
	if (value === MISSING) return [];
	return Array.isArray(value) ? value : [value];
}

/** A urlencoded form (arrays repeat the field), or multipart when a file is in it. */
function formWire(fields: Fields, contentType: string | null = FORM_TYPE): Wire {
	const entries = Object.entries(fields).flatMap(([name, value]) =>
		formValues(value).map((v) => [name, v] as const)
	);
	if (entries.some(([, v]) => v instanceof FilePart)) return multipartWire(entries);
	const pairs = entries.map(([name, v]) =>
		Buffer.concat([
			Buffer.from(`${encodeURIComponent(name)}=`),
			v instanceof Raw ? v.bytes : Buffer.from(encodeURIComponent(String(v)))
		])
	);
	const joined: Buffer[] = [];
	pairs.forEach((pair, i) => joined.push(...(i ? [Buffer.from('&'), pair] : [pair])));
	return { data: Buffer.concat(joined), contentType };
}

function multipartWire(entries: (readonly [string, Value])[]): Wire {
	const boundary = '----dreiklang-bad-input';
	const parts = entries.map(([name, v]) => {
		const file = v instanceof FilePart;
		const head =
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"` +
			(file ? `; filename="anhang.txt"\r\nContent-Type: text/plain` : '') +
			'\r\n\r\n';
		const body =
			v instanceof Raw
				? v.bytes
				: file && Buffer.isBuffer(v.content)
					? v.content
					: Buffer.from(file ? v.content : String(v));
		return Buffer.concat([Buffer.from(head), body, Buffer.from('\r\n')]);
	});
	return {
		data: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
		contentType: `multipart/form-data; boundary=${boundary}`
	};
}

// ---------------------------------------------------------------------------------------------
// What each field accepts, and the bad values that follow from it.

type FieldSpec =
	| {
			type: 'text';
			max: number;
			required?: boolean;
			/** '' is a valid value (an optional text, or a frame text that may stay empty). */
			emptyOk?: boolean;
			/** Line breaks belong in it (description, note); U+2028 is then no problem of its own. */
			multiline?: boolean;
			/** JSON null means "none" (a measured value's unknown source). */
			nullOk?: boolean;
	  }
	| {
			type: 'secret';
			min: number;
			max: number;
			required?: boolean;
			/** The field that must repeat it: a bad password goes into both, so only its rule fails. */
			confirmedBy?: string;
	  }
	| { type: 'email' }
	| {
			type: 'enum';
			values: readonly string[];
			required?: boolean;
			emptyOk?: boolean;
			/** JSON null means "none" (an idea's unknown dimension). */
			nullOk?: boolean;
	  }
	/** A JSON boolean; the strings and numbers that look like one are refused. */
	| { type: 'bool' }
	| { type: 'int'; min: number; max: number; required?: boolean }
	/** A decimal amount (an indicator's value), at most `max` either way. */
	| { type: 'amount'; max: number; required?: boolean }
	/** A user id read with `z.coerce.number()` from a form; `valid` is the id the base sends. */
	| { type: 'userId'; valid: number }
	| { type: 'date'; required?: boolean }
	| { type: 'ids'; max: number }
	/** A list of framework code keys (`dnk:13`): one field per ticked box in a form. */
	| { type: 'codes'; max: number; required?: boolean }
	| { type: 'cell' };

type Encoding = 'json' | 'form';

/** A name for the report, the value, and whether it is bigger than the JSON limit of 64 KB. */
type BadValue = [name: string, value: Value, huge?: boolean];

/** An id that no board, action or user of the demo data has. */
const UNKNOWN_ID = 987_654_321;
const KB = 1024;
const HUGE_TEXT = 'x'.repeat(100 * KB);

/** Numbers, booleans, null, arrays, objects for a string (JSON); repeats and files (form). */
function wrongTypes(encoding: Encoding, sample: string): BadValue[] {
	if (encoding === 'form') {
		return [
			['the field twice', [sample, sample]],
			['a file', new FilePart(sample)]
		];
	}
	return [
		['a number', 42],
		['true', true],
		['null', null],
		['an array', [sample]],
		['an object', { value: sample }]
	];
}

function badTexts(spec: Extract<FieldSpec, { type: 'text' }>, encoding: Encoding): BadValue[] {
	const bad: BadValue[] = [];
	if (spec.required) bad.push(['missing', MISSING]);
	if (!spec.emptyOk) bad.push(['empty', ''], ['only spaces', '   ']);
	bad.push([`${spec.max + 1} characters`, 'x'.repeat(spec.max + 1)], ['100 KB', HUGE_TEXT, true]);
	bad.push(
		['a NUL character', 'Zeile\u0000Ende'],
		['a control character U+0001', 'Zeile\u0001Ende']
	);
	if (!spec.multiline) bad.push(['a line separator U+2028', 'Zeile\u2028Ende']);
	// JSON can carry a lone surrogate as an escape; a form only as the bytes of one (ED A0 80).
	bad.push([
		'a lone surrogate',
		encoding === 'json' ? 'Zeile\ud800Ende' : Raw.of('Zeile%ED%A0%80Ende')
	]);
	const wrong = wrongTypes(encoding, 'Text').filter(([, v]) => !(spec.nullOk && v === null));
	return [...bad, ...wrong];
}

function badSecrets(spec: Extract<FieldSpec, { type: 'secret' }>, encoding: Encoding): BadValue[] {
	// Passwords may hold any character; only their presence and length are rules.
	const bad: BadValue[] = [];
	if (spec.required !== false) bad.push(['missing', MISSING]);
	if (spec.min > 0) bad.push(['empty', '']);
	if (spec.min > 1) bad.push([`${spec.min - 1} characters`, 'x'.repeat(spec.min - 1)]);
	bad.push([`${spec.max + 1} characters`, 'x'.repeat(spec.max + 1)], ['100 KB', HUGE_TEXT, true]);
	return [...bad, ...wrongTypes(encoding, 'geheimes-passwort')];
}

function badEmails(encoding: Encoding): BadValue[] {
	return [
		['missing', MISSING],
		['empty', ''],
		['no @', 'keine-adresse'],
		['no domain', 'anna@'],
		['no local part', '@example.org'],
		['a space inside', 'anna maria@example.org'],
		[
			`${LIMITS.email + 1} characters`,
			'a'.repeat(LIMITS.email + 1 - '@example.org'.length) + '@example.org'
		],
		['100 KB', HUGE_TEXT, true],
		['a NUL character', 'anna\u0000@example.org'],
		['a line break', 'anna\r\n@example.org'],
		...wrongTypes(encoding, 'anna@example.org')
	];
}

function badEnums(spec: Extract<FieldSpec, { type: 'enum' }>, encoding: Encoding): BadValue[] {
	const [first] = spec.values;
	const bad: BadValue[] = [];
	if (spec.required) bad.push(['missing', MISSING]);
	if (!spec.emptyOk) bad.push(['empty', '']);
	bad.push(['an unknown value', 'unbekannt']);
	if (first.toUpperCase() !== first) bad.push(['in capitals', first.toUpperCase()]);
	bad.push(
		['padded with spaces', ` ${first} `],
		['a NUL character', `${first}\u0000`],
		['100 KB', HUGE_TEXT, true]
	);
	const wrong = wrongTypes(encoding, first).filter(([, v]) => !(spec.nullOk && v === null));
	return [...bad, ...wrong];
}

function badBools(encoding: Encoding): BadValue[] {
	return [
		['the text "true"', 'true'],
		['1', 1],
		['empty', ''],
		...wrongTypes(encoding, 'true').filter(([, v]) => v !== true)
	];
}

function badInts(spec: Extract<FieldSpec, { type: 'int' }>, encoding: Encoding): BadValue[] {
	const { min, max } = spec;
	const number = (n: number): Value => (encoding === 'json' ? n : String(n));
	const bad: BadValue[] = [];
	if (spec.required) bad.push(['missing', MISSING]);
	bad.push(
		['empty', ''],
		['NaN as text', 'NaN'],
		[`${min - 1} (below the minimum)`, number(min - 1)]
	);
	if (min - 1 !== -1) bad.push(['-1', number(-1)]);
	bad.push(
		[`${max + 1} (above the maximum)`, number(max + 1)],
		['1e308', encoding === 'json' ? 1e308 : '1e308'],
		['1.5', number(1.5)],
		['a huge integer', encoding === 'json' ? 1e20 : '99999999999999999999'],
		['digits with letters', '12abc']
	);
	if (encoding === 'json') {
		bad.push(['true', true], ['null', null], ['an array', [min]]);
	} else {
		bad.push(
			['only a space', ' '],
			['the field twice', [String(min), String(min)]],
			['a file', new FilePart(String(min))]
		);
	}
	return bad;
}

function badAmounts(spec: Extract<FieldSpec, { type: 'amount' }>, encoding: Encoding): BadValue[] {
	const number = (n: number): Value => (encoding === 'json' ? n : String(n));
	const bad: BadValue[] = [];
	if (spec.required) bad.push(['missing', MISSING]);
	bad.push(
		['empty', ''],
		['only a space', ' '],
		['NaN as text', 'NaN'],
		['Infinity as text', 'Infinity'],
		['an exponent as text', '1e3'],
		['two decimal points', '1.5.5'],
		['digits with letters', '12abc'],
		['a thousands separator', '1.000,5'],
		[`above ${spec.max}`, number(spec.max * 10)],
		[`below -${spec.max}`, number(-spec.max * 10)],
		['1e308', encoding === 'json' ? 1e308 : '1e308'],
		['100 KB of digits', '1'.repeat(100 * KB), true]
	);
	if (encoding === 'json') {
		bad.push(['true', true], ['null', null], ['an array', [1]], ['an object', { value: 1 }]);
	} else {
		bad.push(['the field twice', ['1', '2']], ['a file', new FilePart('1')]);
	}
	return bad;
}

function badUserIds(spec: Extract<FieldSpec, { type: 'userId' }>): BadValue[] {
	// The app's own rule for ids (`parseId`): plain digits only — never "0x1", "1e0" or "1.0".
	const id = spec.valid;
	return [
		['missing', MISSING],
		['empty', ''],
		['zero', '0'],
		['negative', '-1'],
		['a fraction', '1.5'],
		['a word', 'abc'],
		['Infinity as text', 'Infinity'],
		['hexadecimal', `0x${id.toString(16)}`],
		['an exponent', `${id}e0`],
		['with a decimal point', `${id}.0`],
		['an unknown user', String(UNKNOWN_ID)],
		['a huge number', '99999999999999999999'],
		['100 KB of digits', '1'.repeat(100 * KB), true],
		['the field twice', [String(id), String(id)]],
		['a file', new FilePart(String(id))]
	];
}

function badDates(spec: Extract<FieldSpec, { type: 'date' }>, encoding: Encoding): BadValue[] {
	// Year 0 and 9999 are typos or placeholders, not plans: a due date is a real day in reach.
	const bad: BadValue[] = [
		...(spec.required
			? ([
					['missing', MISSING],
					['empty', '']
				] satisfies BadValue[])
			: []),
		['year 0000', '0000-01-01'],
		['year 9999', '9999-12-31'],
		['30 February', '2026-02-30'],
		['month 13', '2026-13-01'],
		['without leading zeros', '2026-1-5'],
		['a word', 'morgen'],
		['100 KB', HUGE_TEXT, true]
	];
	if (encoding === 'json') {
		bad.push(['a number', 20260101], ['an array', ['2026-05-01']]);
	} else {
		bad.push(['the field twice', ['2026-05-01', '2026-06-01']]);
	}
	return bad;
}

function badIds(spec: Extract<FieldSpec, { type: 'ids' }>, encoding: Encoding): BadValue[] {
	const tooMany = Array.from({ length: spec.max + 1 }, (_, i) => i + 1);
	if (encoding === 'form') {
		return [
			['zero', '0'],
			['negative', '-1'],
			['a fraction', '1.5'],
			['a huge id', '99999999999999999999'],
			['a word', 'abc'],
			[`${spec.max + 1} owners`, tooMany.map(String)],
			['an unknown user', String(UNKNOWN_ID)],
			['a file', new FilePart('1')]
		];
	}
	return [
		['a word', 'x'],
		['zero', [0]],
		['negative', [-1]],
		['a fraction', [1.5]],
		['a huge id', [1e20]],
		['null in the list', [null]],
		['a nested list', [[1]]],
		[`${spec.max + 1} owners`, tooMany],
		['an unknown user', [UNKNOWN_ID]],
		['an object', { id: 1 }]
	];
}

function badCodes(spec: Extract<FieldSpec, { type: 'codes' }>, encoding: Encoding): BadValue[] {
	const tooMany = Array.from({ length: spec.max + 1 }, (_, i) => `dnk:${i + 1}`);
	const keys: [string, string][] = [
		['an unknown code', 'dnk:21'],
		['an unknown framework', 'gri:3'],
		['code zero', 'sdg:0'],
		['no number', 'dnk:'],
		['three parts', 'dnk:13:1'],
		['in capitals', 'DNK:13'],
		['padded with spaces', ' dnk:13 '],
		['a NUL character', 'dnk:13\u0000']
	];
	if (encoding === 'form') {
		return [
			...keys,
			[`${spec.max + 1} codes`, tooMany],
			['100 KB', HUGE_TEXT, true],
			['a file', new FilePart('dnk:13')]
		];
	}
	return [
		...(spec.required ? ([['missing', MISSING]] satisfies BadValue[]) : []),
		...keys.map(([name, key]): BadValue => [name, [key]]),
		['a key, not a list', 'dnk:13'],
		['a number in the list', [13]],
		['null in the list', [null]],
		['a nested list', [['dnk:13']]],
		['an object', { framework: 'dnk', code: 13 }],
		[`${spec.max + 1} codes`, tooMany],
		['a key of 100 KB', [HUGE_TEXT], true]
	];
}

function badCells(encoding: Encoding): BadValue[] {
	return [
		['missing', MISSING],
		['empty', ''],
		['no horizon', 'economic'],
		['an empty horizon', 'economic:'],
		['in capitals', 'Economic:Long'],
		['three parts', 'economic:long:short'],
		['horizon first', 'long:economic'],
		['100 KB', HUGE_TEXT, true],
		...wrongTypes(encoding, 'economic:long')
	];
}

function badValuesOf(spec: FieldSpec, encoding: Encoding): BadValue[] {
	switch (spec.type) {
		case 'text':
			return badTexts(spec, encoding);
		case 'secret':
			return badSecrets(spec, encoding);
		case 'email':
			return badEmails(encoding);
		case 'enum':
			return badEnums(spec, encoding);
		case 'int':
			return badInts(spec, encoding);
		case 'userId':
			return badUserIds(spec);
		case 'date':
			return badDates(spec, encoding);
		case 'amount':
			return badAmounts(spec, encoding);
		case 'ids':
			return badIds(spec, encoding);
		case 'codes':
			return badCodes(spec, encoding);
		case 'cell':
			return badCells(encoding);
		case 'bool':
			return badBools(encoding);
	}
}

function isRequired(spec: FieldSpec): boolean {
	switch (spec.type) {
		case 'email':
		case 'userId':
		case 'cell':
			return true;
		case 'secret':
			return spec.required !== false;
		case 'ids':
		case 'bool':
			return false;
		default:
			return !!spec.required;
	}
}

// ---------------------------------------------------------------------------------------------
// Cases and targets.

/**
 * What a case is about, which decides the answers that count as the right refusal:
 * a bad field value, a bad body as a whole, a body over the size limit, a bad id in the path.
 */
export type CaseKind = 'field' | 'huge' | 'body' | 'oversized' | 'path';

export interface BadCase {
	name: string;
	kind: CaseKind;
	/** Replaces the target's path (a bad id in it). */
	path?: string;
	/** Built when sent, so that it carries the subject's version as it is then. */
	wire: () => Wire;
}

export interface Target {
	/** `PATCH /api/actions/[id]`, `POST /actions/[id]?/update`, `POST /login` (default action). */
	key: string;
	method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	path: string;
	/** JSON API rules (`{error: {code, message}}`) or the rules of forms and pages. */
	api: boolean;
	/** A SvelteKit form action, which pages also send "enhanced" (JSON answer, no page rendered). */
	formAction: boolean;
	/** Who sends it: the admin, or a client without a session (sign-in pages, sign-out). */
	as: 'admin' | 'anonymous';
	/** What the bodies carry the version of; read again after an answer that was no refusal. */
	subject?: Subject;
	/** The answers that count as refusal, per kind of case. */
	refusals: Record<CaseKind, readonly number[]>;
	/** Where a 303 is the refusal: what is wrong with the `Location` it gives, if anything. */
	checkRedirect?: (location: string) => string | null;
	cases: BadCase[];
}

/** An action, a board, an idea or a goal whose `version` the bodies carry (optimistic concurrency). */
export interface Subject {
	of: 'action' | 'board' | 'idea' | 'goal';
	id: number;
	version: number;
}

/** What the targets need from the running server: ids, versions, a sign-in link, the board. */
export interface Subjects {
	boardId: number;
	/** A goal of the board, whose values the targets record. */
	goalId: number;
	board: {
		version: number;
		name: string;
		description: string;
		horizons: Record<'short' | 'medium' | 'long', string>;
		goals: Record<'ecological' | 'economic' | 'social', string>;
		quietDays: Record<'short' | 'medium' | 'long', number>;
	};
	/** A fresh action per target that writes to one: one target's outcome never shifts another's. */
	actions: Record<ActionSubjectName, Subject>;
	/** A fresh idea per target that writes to one, all proposed by the admin. */
	ideas: Record<IdeaSubjectName, Subject>;
	/** A fresh goal of the board per target that changes one. */
	goals: Record<GoalSubjectName, Subject>;
	/** A staff member for each action on a person's row (the one to reactivate is inactive). */
	rowUsers: Record<RowAction, number>;
	/** A valid one-time sign-in link (`/signin/<token>`) of another fresh user. */
	signInToken: string;
	/** The admin's display name (the settings form starts from it). */
	adminName: string;
	/** A valid unsubscribe token (`/unsubscribe/<token>`) of another fresh user. */
	unsubscribeToken: string;
}

export const ROW_ACTIONS = ['role', 'deactivate', 'reactivate', 'link'] as const;
export type RowAction = (typeof ROW_ACTIONS)[number];

export const ACTION_SUBJECTS = [
	'apiPatch',
	'apiMove',
	'apiProgress',
	'apiArchive',
	'apiRestore',
	'apiPublicity',
	'formUpdate',
	'formMove',
	'formProgress',
	'formFollow',
	'formArchive',
	'formRestore',
	'upcomingFollow',
	'apiCodes',
	'apiGoals',
	'formTags',
	'formPublicity'
] as const;
export type ActionSubjectName = (typeof ACTION_SUBJECTS)[number];
export const IDEA_SUBJECTS = [
	'apiState',
	'apiSupport',
	'mergeTarget',
	'formSupport',
	'formEdit',
	'formWithdraw',
	'formDecide'
] as const;
export type IdeaSubjectName = (typeof IDEA_SUBJECTS)[number];
export const GOAL_SUBJECTS = ['apiPatch', 'formUpdate'] as const;
export type GoalSubjectName = (typeof GOAL_SUBJECTS)[number];

/** The subjects that start archived (restore targets); the others are live. */
export const ARCHIVED_SUBJECTS: readonly ActionSubjectName[] = ['apiRestore', 'formRestore'];

const API_REFUSALS: Record<CaseKind, readonly number[]> = {
	field: [400],
	huge: [400, 413],
	body: [400],
	oversized: [413],
	path: [404]
};
/** Forms answer 400 with the page; SvelteKit answers 415 to a body that is no form at all. */
const FORM_REFUSALS: Record<CaseKind, readonly number[]> = {
	field: [400],
	huge: [400, 413],
	body: [400, 415],
	oversized: [400, 413],
	path: [404]
};

function withField(base: () => Fields, field: string, value: Value): () => Fields {
	return () => ({ ...base(), [field]: value });
}

function encode(encoding: Encoding, fields: Fields): Wire {
	return encoding === 'json' ? jsonWire(fields) : formWire(fields);
}

/** One case per bad value of each field, the other fields as in the (valid) base. */
function fieldCases(
	encoding: Encoding,
	specs: Record<string, FieldSpec>,
	base: () => Fields
): BadCase[] {
	return Object.entries(specs).flatMap(([field, spec]) =>
		badValuesOf(spec, encoding).map(([name, value, huge]) => {
			const confirm = spec.type === 'secret' ? spec.confirmedBy : undefined;
			const fields = withField(confirm ? withField(base, confirm, value) : base, field, value);
			return {
				name: `${field}: ${name}`,
				kind: huge ? 'huge' : 'field',
				wire: () => encode(encoding, fields())
			} satisfies BadCase;
		})
	);
}

/** Where raw bytes go: the first free text of the base, else its first string. */
function firstTextField(specs: Record<string, FieldSpec>, base: Fields): string | undefined {
	const strings = Object.keys(base).filter((k) => typeof base[k] === 'string');
	return strings.find((k) => specs[k]?.type === 'text') ?? strings[0];
}

function capitalised(name: string) {
	return name[0].toUpperCase() + name.slice(1);
}

/** Bytes that are no valid UTF-8: a stray byte, a lone surrogate, an overlong form. */
const INVALID_UTF8: [string, number[]][] = [
	['byte FF', [0xff]],
	['a lone surrogate as bytes (ED A0 80)', [0xed, 0xa0, 0x80]],
	['an overlong "/" (C0 AF)', [0xc0, 0xaf]]
];

/** The body as a whole: malformed JSON, other content types, invalid UTF-8, unknown fields. */
function jsonBodyCases(specs: Record<string, FieldSpec>, base: () => Fields): BadCase[] {
	const raw =
		(text: string | Buffer, contentType: string | null = JSON_TYPE): (() => Wire) =>
		() => ({ data: Buffer.isBuffer(text) ? text : Buffer.from(text), contentType });
	const required = Object.keys(specs).find((k) => isRequired(specs[k]));
	const first = Object.keys(specs)[0];
	const cases: [string, () => Wire][] = [
		['JSON cut off', raw('{"title": ')],
		['not JSON', raw('nicht json')],
		['single quotes', raw("{'title': 'x'}")],
		['a trailing comma', raw('{"version": 1,}')],
		['a NaN literal', raw('{"progress": NaN}')],
		['an array', raw('[]')],
		['a string', raw('"Titel"')],
		['null', raw('null')],
		[
			`${first} nested 20,000 levels deep`,
			raw(`{"${first}": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`)
		],
		[`10,000 values for ${first}`, () => jsonWire({ ...base(), [first]: Array(10_000).fill(1) })],
		[
			`${first} twice, the last one wrong`,
			() => {
				const text = jsonWire(base()).data.toString();
				return raw(`${text.slice(0, -1)},"${first}":{"kaputt":true}}`)();
			}
		],
		// A JSON API reads JSON only: the same fields in any other type are refused.
		['the fields as text/plain', () => jsonWire(base(), 'text/plain')],
		['the fields as a form', () => formWire(base())],
		['the fields as multipart', () => formWire({ ...base(), anhang: new FilePart('x') })],
		['the fields with an empty Content-Type', () => jsonWire(base(), null)]
	];
	if (required) {
		cases.push(
			['an empty body', raw('')],
			['an empty object', raw('{}')],
			[
				`${required} misspelled`,
				() => {
					const { [required]: value, ...rest } = base();
					return jsonWire({ ...rest, [capitalised(required)]: value });
				}
			],
			[
				`${required} only inside __proto__`,
				() => {
					const { [required]: value, ...rest } = base();
					const text = JSON.stringify(rest).slice(1);
					return raw(
						`{"__proto__": ${JSON.stringify({ [required]: value })}${text === '}' ? '' : ','}${text}`
					)();
				}
			],
			[
				`${required} missing, fields of other records instead`,
				() => {
					const { [required]: _value, ...rest } = base();
					return jsonWire({
						...rest,
						id: 1,
						boardId: 2,
						createdBy: 1,
						archivedAt: null,
						role: 'admin',
						isAdmin: true
					});
				}
			]
		);
	}
	const text = firstTextField(specs, base());
	for (const [name, bytes] of INVALID_UTF8) {
		cases.push([
			`invalid UTF-8 in ${text ?? 'an extra field'}: ${name}`,
			() => {
				const fields = base();
				const field = text ?? 'notiz';
				return jsonWire({ ...fields, [field]: Raw.of(String(fields[field] ?? 'Text'), bytes) });
			}
		]);
	}
	return cases.map(([name, wire]) => ({ name, kind: 'body', wire }));
}

function formBodyCases(specs: Record<string, FieldSpec>, base: () => Fields): BadCase[] {
	const required = Object.keys(specs).find((k) => isRequired(specs[k]));
	const first = Object.keys(specs)[0] ?? Object.keys(base())[0] ?? 'notiz';
	const cases: [string, () => Wire][] = [
		['the fields as JSON', () => jsonWire(base())],
		['the fields as text/plain', () => formWire(base(), 'text/plain')],
		['the fields with an empty Content-Type', () => formWire(base(), null)],
		[`10,000 values for ${first}`, () => formWire({ ...base(), [first]: Array(10_000).fill('1') })]
	];
	if (required) {
		cases.push(
			['an empty body', () => ({ data: Buffer.alloc(0), contentType: FORM_TYPE })],
			[
				`${required} misspelled`,
				() => {
					const { [required]: value, ...rest } = base();
					return formWire({ ...rest, [capitalised(required)]: value });
				}
			]
		);
	}
	const text = firstTextField(specs, base());
	const field = text ?? 'notiz';
	const withRaw = (raw: Raw) => () => formWire({ ...base(), [field]: raw });
	for (const [name, bytes] of INVALID_UTF8) {
		cases.push([
			`invalid UTF-8 in ${field}: ${name}`,
			withRaw(Raw.of(encodeURIComponent(String(base()[field] ?? 'Text')), bytes))
		]);
	}
	for (const escape of ['%FF', '%ED%A0%80']) {
		cases.push([
			`invalid UTF-8 in ${field}: percent-encoded ${escape}`,
			withRaw(Raw.of(`${encodeURIComponent(String(base()[field] ?? 'Text'))}${escape}`))
		]);
	}
	return cases.map(([name, wire]) => ({ name, kind: 'body', wire }));
}

/**
 * Valid fields plus padding past the server's body limit of 512 KB. The JSON API, whose contract
 * is a 413 JSON answer, also gets a body of a few MB; for forms one size past the limit suffices
 * (every megabyte costs the client more than the server here).
 */
function oversizedCases(encoding: Encoding, base: () => Fields): BadCase[] {
	const sizes: [string, number][] = [['600 KB', 600 * KB]];
	if (encoding === 'json') sizes.push(['3 MB', 3 * KB * KB]);
	return sizes.map(([label, size]) => ({
		name: `a body of ${label}`,
		kind: 'oversized',
		wire: () => encode(encoding, { ...base(), padding: 'x'.repeat(size) })
	}));
}

/** Ids in the path that are no id, or nobody's. */
const BAD_PATH_IDS: [string, string][] = [
	['zero', '0'],
	['a fraction', '1.5'],
	['a word', 'abc'],
	['beyond safe integers', '9007199254740993'],
	['an unknown id', String(UNKNOWN_ID)],
	['a NUL character', '%00']
];

function pathCases(
	encoding: Encoding,
	base: () => Fields,
	pathFor: (id: string) => string,
	ids: [string, string][] = BAD_PATH_IDS
): BadCase[] {
	return ids.map(([name, id]) => ({
		name: `path id: ${name}`,
		kind: 'path',
		path: pathFor(id),
		wire: () => encode(encoding, base())
	}));
}

interface TargetSpec {
	key: string;
	method?: Target['method'];
	path: string;
	encoding: Encoding;
	as?: Target['as'];
	subject?: Subject;
	fields: Record<string, FieldSpec>;
	/** Valid values for every field: each case breaks one thing of it. */
	base: () => Fields;
	/** The path with another id in place of the route's own (for routes with an `[id]`). */
	pathFor?: (id: string) => string;
	pathIds?: [string, string][];
	refusals?: Partial<Record<CaseKind, readonly number[]>>;
	checkRedirect?: Target['checkRedirect'];
	/** Cases built for another base (fields that only count with another choice). */
	moreCases?: BadCase[];
}

function target(spec: TargetSpec): Target {
	const api = spec.path.startsWith('/api/');
	const cases = [
		...fieldCases(spec.encoding, spec.fields, spec.base),
		...(spec.moreCases ?? []),
		...(spec.encoding === 'json'
			? jsonBodyCases(spec.fields, spec.base)
			: formBodyCases(spec.fields, spec.base)),
		...oversizedCases(spec.encoding, spec.base),
		...(spec.pathFor ? pathCases(spec.encoding, spec.base, spec.pathFor, spec.pathIds) : [])
	];
	return {
		key: spec.key,
		method: spec.method ?? 'POST',
		path: spec.path,
		api,
		formAction: !api,
		as: spec.as ?? 'admin',
		subject: spec.subject,
		refusals: { ...(api ? API_REFUSALS : FORM_REFUSALS), ...spec.refusals },
		checkRedirect: spec.checkRedirect,
		cases
	};
}

/** An endpoint that reads no body: only a body past the limit and a bad id are wrong there. */
function apiWithoutInput(
	key: string,
	method: Target['method'],
	path: string,
	pathFor: (id: string) => string
): Target {
	const base = () => ({});
	return {
		key,
		method,
		path,
		api: true,
		formAction: false,
		as: 'admin',
		refusals: API_REFUSALS,
		cases: [...oversizedCases('json', base), ...pathCases('json', base, pathFor)]
	};
}

/** A target that takes no input at all: only a body past the limit is wrong there. */
function noInputTarget(
	key: string,
	path: string,
	as: Target['as'],
	extra: Partial<Target> = {}
): Target {
	return {
		key,
		method: 'POST',
		path,
		api: false,
		formAction: true,
		as,
		refusals: FORM_REFUSALS,
		cases: oversizedCases('form', () => ({})),
		...extra
	};
}

// The fields of each schema (src/lib/server/domain/action-input.ts and friends).
const TITLE = { type: 'text', max: LIMITS.actionTitle } satisfies FieldSpec;
const DESCRIPTION = {
	type: 'text',
	max: LIMITS.actionDescription,
	emptyOk: true,
	multiline: true
} satisfies FieldSpec;
const DIMENSION = { type: 'enum', values: DIMENSIONS, required: true } satisfies FieldSpec;
const HORIZON = { type: 'enum', values: HORIZONS, required: true } satisfies FieldSpec;
/** An empty status means "leave it" (`optionalStatus`). */
const STATUS = { type: 'enum', values: STATUSES, emptyOk: true } satisfies FieldSpec;
const PROGRESS = { type: 'int', min: 0, max: 100 } satisfies FieldSpec;
const VERSION = { type: 'int', min: 1, max: 2 ** 31, required: true } satisfies FieldSpec;
/** A checkbox of a form: `on` when ticked, absent when not. */
const CHECKBOX = { type: 'enum', values: ['on', '1'] } satisfies FieldSpec;
const INDEX = { type: 'int', min: 0, max: 2 ** 31, required: true } satisfies FieldSpec;
const OWNERS = { type: 'ids', max: LIMITS.owners } satisfies FieldSpec;
const CODES = { type: 'codes', max: LIMITS.actionCodes } satisfies FieldSpec;
const DUE_DATE = { type: 'date' } satisfies FieldSpec;
const NAME = { type: 'text', max: LIMITS.personName, required: true } satisfies FieldSpec;
const HORIZON_TEXT = {
	type: 'text',
	max: LIMITS.horizonText,
	required: true,
	emptyOk: true
} satisfies FieldSpec;
/** Whole days without progress before a reminder (the frame). */
const QUIET_DAYS = {
	type: 'int',
	min: LIMITS.quietDaysMin,
	max: LIMITS.quietDaysMax,
	required: true
} satisfies FieldSpec;
const GOAL = {
	type: 'text',
	max: LIMITS.goal,
	required: true,
	emptyOk: true,
	multiline: true
} satisfies FieldSpec;

/** A new password with its repetition (`passwordConfirm`). */
const NEW_PASSWORD = {
	type: 'secret',
	min: LIMITS.passwordMin,
	max: LIMITS.passwordMax,
	confirmedBy: 'passwordConfirm'
} satisfies FieldSpec;

const IDEA_TITLE = { type: 'text', max: LIMITS.ideaTitle, required: true } satisfies FieldSpec;
const IDEA_TEXT = {
	type: 'text',
	max: LIMITS.ideaText,
	emptyOk: true,
	multiline: true
} satisfies FieldSpec;
const IDEA_REASON = {
	type: 'text',
	max: LIMITS.ideaReason,
	required: true,
	multiline: true
} satisfies FieldSpec;
/** An idea's dimension: empty (or JSON null) is "I don't know". */
const IDEA_DIMENSION = {
	type: 'enum',
	values: DIMENSIONS,
	emptyOk: true,
	nullOk: true
} satisfies FieldSpec;
const IDEA_STATE = {
	type: 'enum',
	values: ['in_review', 'accepted', 'declined', 'merged', 'withdrawn'],
	required: true
} satisfies FieldSpec;

// Goals (src/lib/server/domain/goal-input.ts).
const GOAL_YEAR = {
	type: 'int',
	min: LIMITS.goalYearMin,
	max: LIMITS.goalYearMax,
	required: true
} satisfies FieldSpec;
const AMOUNT = { type: 'amount', max: LIMITS.goalValueMax, required: true } satisfies FieldSpec;
const goalFields = (): Record<string, FieldSpec> => ({
	dimension: DIMENSION,
	name: { type: 'text', max: LIMITS.goalName, required: true },
	unit: { type: 'text', max: LIMITS.goalUnit, emptyOk: true },
	baselineValue: AMOUNT,
	baselineYear: GOAL_YEAR,
	targetValue: AMOUNT,
	targetYear: GOAL_YEAR,
	direction: { type: 'enum', values: GOAL_DIRECTIONS, required: true }
});
const newGoal = () => ({
	dimension: 'ecological',
	name: 'Weniger Heizöl',
	unit: 'Liter pro Jahr',
	baselineValue: 18_000,
	baselineYear: 2023,
	targetValue: 4000,
	targetYear: 2030,
	direction: 'down'
});
/** The rules between the fields of a goal, and the shape the list shows goals in. */
function goalShapeCases(): BadCase[] {
	const { baselineValue, baselineYear, targetValue, targetYear, ...rest } = newGoal();
	const cases: [string, Fields][] = [
		['targetYear: the baseline year', { ...newGoal(), targetYear: baselineYear }],
		['targetYear: before the baseline year', { ...newGoal(), targetYear: baselineYear - 1 }],
		[
			'baseline.value: a word',
			{
				...rest,
				baseline: { value: 'viel', year: baselineYear },
				target: { value: targetValue, year: targetYear }
			}
		],
		[
			'target.year: missing',
			{
				...rest,
				baseline: { value: baselineValue, year: baselineYear },
				target: { value: targetValue }
			}
		],
		[
			'target: a list',
			{ ...rest, baseline: { value: baselineValue, year: baselineYear }, target: [targetValue] }
		],
		[
			'target.year: before baseline.year',
			{
				...rest,
				baseline: { value: baselineValue, year: baselineYear },
				target: { value: targetValue, year: baselineYear - 5 }
			}
		]
	];
	return cases.map(([name, fields]) => ({ name, kind: 'field', wire: () => jsonWire(fields) }));
}

/** A goal's fields where each may be left out (a change), with the version it was read at. */
const goalChangeFields = (): Record<string, FieldSpec> => ({
	...Object.fromEntries(
		Object.entries(goalFields()).map(([name, spec]) => [name, { ...spec, required: false }])
	),
	version: VERSION
});
/** The codes a goal form sends: keys that name no code, or too many of them. */
function goalCodeCases(base: () => Fields): BadCase[] {
	const cases: [string, Value][] = [
		['an unknown DNK criterion', 'dnk:99'],
		['an unknown SDG', 'sdg:18'],
		['an unknown own tag', 'own:99999'],
		['an unknown framework', 'gri:1'],
		['no number', 'dnk'],
		['zero', 'dnk:0'],
		['three parts', 'dnk:1:2'],
		['100 KB', HUGE_TEXT],
		['61 codes', Array.from({ length: 61 }, (_, i) => `dnk:${(i % 20) + 1}`)],
		['a file', new FilePart('dnk:1')]
	];
	return cases.map(([name, value]) => ({
		name: `codes: ${name}`,
		kind: name === '100 KB' ? 'huge' : 'field',
		wire: () => formWire({ ...base(), codes: value })
	}));
}
/** The rules between a goal's years, for a change of its years alone (the goal: 2024 → 2028). */
function goalChangeYearCases(encoding: Encoding, base: () => Fields): BadCase[] {
	const cases: [string, Fields][] = [
		['targetYear: before the stored baseline year', { targetYear: 2020 }],
		['baselineYear: after the stored target year', { baselineYear: 2029 }],
		['targetYear: the baseline year', { baselineYear: 2026, targetYear: 2026 }]
	];
	return cases.map(([name, fields]) => ({
		name,
		kind: 'field',
		wire: () =>
			encode(
				encoding,
				encoding === 'form'
					? {
							...base(),
							...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]))
						}
					: { ...base(), ...fields }
			)
	}));
}
/** An unknown goal or one of another board is no goal of this page. */
function goalIdCases(base: () => Fields): BadCase[] {
	const cases: [string, Value][] = [
		['missing', MISSING],
		['unknown', String(UNKNOWN_ID)],
		['a word', 'abc'],
		['negative', '-1'],
		['the field twice', ['1', '2']]
	];
	return cases.map(([name, value]) => ({
		name: `goalId: ${name}`,
		kind: 'path',
		wire: () => formWire({ ...base(), goalId: value })
	}));
}

const createFields = (): Record<string, FieldSpec> => ({
	title: { ...TITLE, required: true },
	description: DESCRIPTION,
	dimension: DIMENSION,
	horizon: HORIZON,
	status: STATUS,
	progress: PROGRESS,
	startDate: DUE_DATE,
	dueDate: DUE_DATE,
	owners: OWNERS
});
const updateFields = (): Record<string, FieldSpec> => ({
	title: TITLE,
	description: DESCRIPTION,
	status: STATUS,
	progress: PROGRESS,
	startDate: DUE_DATE,
	dueDate: DUE_DATE,
	owners: OWNERS,
	version: VERSION
});
/** A start after the due date, sent together (`base` adds what the target needs besides). */
function startAfterDueCases(base: () => Fields, encoding: Encoding): BadCase[] {
	const wire = encoding === 'json' ? jsonWire : formWire;
	return [
		{
			name: 'startDate: after dueDate',
			kind: 'field',
			wire: () => wire({ ...base(), startDate: '2027-06-02', dueDate: '2027-06-01' })
		}
	];
}
const progressFields = (): Record<string, FieldSpec> => ({
	note: { type: 'text', max: LIMITS.progressNote, emptyOk: true, multiline: true },
	progress: { ...PROGRESS, required: true },
	status: STATUS
});

const sameSite = (location: string) =>
	location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\');

/** A redirect that must lead to exactly `path`. */
const redirectsTo = (path: string) => (location: string) =>
	location === path ? null : `redirects to ${JSON.stringify(location)} instead of ${path}`;

/**
 * Every write endpoint and form action with its cases. Keys must match `listWriteRoutes`; the
 * test fails for a route without cases and for cases of a route that is gone.
 */
export function writeTargets(s: Subjects): Target[] {
	// The bases read `version` when a case is sent: it may have grown after an accepted case.
	const a = s.actions;
	const i = s.ideas;
	const g = s.goals;
	const ideaPath = (suffix: string) => (id: string) => `/api/ideas/${id}${suffix}`;
	const ideaPagePath = (action: string) => (id: string) => `/ideas/${id}?/${action}`;
	const supportFields: Record<string, FieldSpec> = {
		ideaId: { type: 'int', min: 1, max: 2 ** 31, required: true },
		support: { type: 'enum', values: ['1', '0'], required: true }
	};
	const actionPath = (suffix: string) => (id: string) => `/api/actions/${id}${suffix}`;
	const pagePath = (action: string) => (id: string) => `/actions/${id}?/${action}`;
	const board = s.boardId;
	const boardSubject: Subject = { of: 'board', id: board, version: s.board.version };
	const frame = {
		name: s.board.name,
		description: s.board.description,
		horizonShort: s.board.horizons.short,
		horizonMedium: s.board.horizons.medium,
		horizonLong: s.board.horizons.long,
		goalEcological: s.board.goals.ecological,
		goalEconomic: s.board.goals.economic,
		goalSocial: s.board.goals.social,
		quietDaysShort: String(s.board.quietDays.short),
		quietDaysMedium: String(s.board.quietDays.medium),
		quietDaysLong: String(s.board.quietDays.long)
	};
	// A new address each time: one accepted case must not make the next fail as "e-mail taken".
	let people = 0;
	const newPerson = (access: 'link' | 'password') => () => ({
		access,
		name: 'Neue Person',
		email: `neue-person-${access}-${(people += 1)}@example.org`,
		role: 'staff',
		...(access === 'password' && { password: 'erstes-passwort-1' })
	});
	const firstPassword = fieldCases(
		'form',
		{ password: { type: 'secret', min: LIMITS.passwordMin, max: LIMITS.passwordMax } },
		newPerson('password')
	);
	const rowUser = (action: RowAction) => ({
		fields: { userId: { type: 'userId', valid: s.rowUsers[action] } satisfies FieldSpec },
		base: () => ({ userId: String(s.rowUsers[action]) })
	});

	const targets: Target[] = [
		// ---- JSON API -------------------------------------------------------------------
		target({
			key: 'PATCH /api/actions/[id]',
			method: 'PATCH',
			path: `/api/actions/${a.apiPatch.id}`,
			encoding: 'json',
			subject: a.apiPatch,
			fields: updateFields(),
			base: () => ({ title: 'Geänderter Titel', version: a.apiPatch.version }),
			pathFor: actionPath(''),
			moreCases: startAfterDueCases(() => ({ version: a.apiPatch.version }), 'json')
		}),
		target({
			key: 'POST /api/actions/[id]/move',
			path: `/api/actions/${a.apiMove.id}/move`,
			encoding: 'json',
			subject: a.apiMove,
			fields: { dimension: DIMENSION, horizon: HORIZON, index: INDEX, version: VERSION },
			base: () => ({
				dimension: 'economic',
				horizon: 'long',
				index: 0,
				version: a.apiMove.version
			}),
			pathFor: actionPath('/move')
		}),
		target({
			key: 'POST /api/actions/[id]/progress',
			path: `/api/actions/${a.apiProgress.id}/progress`,
			encoding: 'json',
			subject: a.apiProgress,
			fields: progressFields(),
			base: () => ({ note: 'Zwischenstand', progress: 40 }),
			pathFor: actionPath('/progress')
		}),
		target({
			key: 'POST /api/actions/[id]/archive',
			path: `/api/actions/${a.apiArchive.id}/archive`,
			encoding: 'json',
			subject: a.apiArchive,
			// The version is optional here: a body without one archives whatever version stands.
			fields: { version: { ...VERSION, required: false } },
			base: () => ({ version: a.apiArchive.version }),
			pathFor: actionPath('/archive')
		}),
		target({
			key: 'POST /api/actions/[id]/publicity',
			path: `/api/actions/${a.apiPublicity.id}/publicity`,
			encoding: 'json',
			subject: a.apiPublicity,
			fields: { isPublic: { type: 'bool' }, descriptionPublic: { type: 'bool' }, version: VERSION },
			base: () => ({ isPublic: true, version: a.apiPublicity.version }),
			pathFor: actionPath('/publicity')
		}),
		target({
			key: 'POST /api/actions/[id]/restore',
			path: `/api/actions/${a.apiRestore.id}/restore`,
			encoding: 'json',
			subject: a.apiRestore,
			fields: { version: { ...VERSION, required: false } },
			base: () => ({ version: a.apiRestore.version }),
			pathFor: actionPath('/restore')
		}),
		target({
			key: 'POST /api/boards/[id]/actions',
			path: `/api/boards/${board}/actions`,
			encoding: 'json',
			fields: createFields(),
			base: () => ({ title: 'Neue Maßnahme', dimension: 'social', horizon: 'short' }),
			pathFor: (id) => `/api/boards/${id}/actions`,
			moreCases: startAfterDueCases(
				() => ({ title: 'Neue Maßnahme', dimension: 'social', horizon: 'short' }),
				'json'
			)
		}),
		// ---- An action's codes and goals ----------------------------------------------------
		target({
			key: 'PUT /api/actions/[id]/codes',
			method: 'PUT',
			path: `/api/actions/${a.apiCodes.id}/codes`,
			encoding: 'json',
			fields: { codes: { ...CODES, required: true } },
			base: () => ({ codes: ['dnk:13', 'sdg:7'] }),
			pathFor: actionPath('/codes')
		}),
		target({
			key: 'PUT /api/actions/[id]/goals',
			method: 'PUT',
			path: `/api/actions/${a.apiGoals.id}/goals`,
			encoding: 'json',
			// Goal ids of nothing, or of another board, are refused like unknown owners.
			fields: { goals: { type: 'ids', max: LIMITS.actionGoals } },
			base: () => ({ goals: [s.goalId] }),
			pathFor: actionPath('/goals')
		}),
		// ---- Goals -------------------------------------------------------------------------
		target({
			key: 'POST /api/boards/[id]/goals',
			path: `/api/boards/${board}/goals`,
			encoding: 'json',
			fields: goalFields(),
			base: newGoal,
			pathFor: (id) => `/api/boards/${id}/goals`,
			moreCases: goalShapeCases()
		}),
		target({
			key: 'POST /api/goals/[id]/values',
			path: `/api/goals/${s.goalId}/values`,
			encoding: 'json',
			fields: {
				value: AMOUNT,
				date: { type: 'date', required: true },
				source: { type: 'text', max: LIMITS.goalSource, emptyOk: true, nullOk: true }
			},
			base: () => ({ value: 16_500.5, date: '2025-12-31', source: 'Heizölrechnungen 2025' }),
			pathFor: (id) => `/api/goals/${id}/values`
		}),
		target({
			key: 'PATCH /api/goals/[id]',
			method: 'PATCH',
			path: `/api/goals/${g.apiPatch.id}`,
			encoding: 'json',
			subject: g.apiPatch,
			fields: goalChangeFields(),
			base: () => ({ name: 'Geändertes Ziel', version: g.apiPatch.version }),
			pathFor: (id) => `/api/goals/${id}`,
			moreCases: goalChangeYearCases('json', () => ({ version: g.apiPatch.version }))
		}),
		// ---- The goals page ------------------------------------------------------------------
		target({
			key: 'POST /boards/[id]/goals?/create',
			path: `/boards/${board}/goals?/create`,
			encoding: 'form',
			fields: goalFields(),
			base: () => ({ ...newGoal(), baselineValue: '18000,5', codes: 'dnk:13' }),
			pathFor: (id) => `/boards/${id}/goals?/create`,
			moreCases: [
				...goalCodeCases(newGoal),
				...(
					[
						['targetYear: before the baseline year', '2020'],
						['targetYear: the baseline year', '2023']
					] as const
				).map(([name, targetYear]) => ({
					name,
					kind: 'field' as const,
					wire: () => formWire({ ...newGoal(), targetYear })
				}))
			]
		}),
		target({
			key: 'POST /boards/[id]/goals?/update',
			path: `/boards/${board}/goals?/update`,
			encoding: 'form',
			subject: g.formUpdate,
			fields: goalChangeFields(),
			base: () => ({
				goalId: String(g.formUpdate.id),
				name: 'Geändertes Ziel',
				version: String(g.formUpdate.version)
			}),
			pathFor: (id) => `/boards/${id}/goals?/update`,
			moreCases: [
				...goalCodeCases(() => ({
					goalId: String(g.formUpdate.id),
					version: String(g.formUpdate.version)
				})),
				...goalChangeYearCases('form', () => ({
					goalId: String(g.formUpdate.id),
					version: String(g.formUpdate.version)
				})),
				...goalIdCases(() => ({ name: 'Geändertes Ziel', version: String(g.formUpdate.version) }))
			]
		}),
		target({
			key: 'POST /boards/[id]/goals?/record',
			path: `/boards/${board}/goals?/record`,
			encoding: 'form',
			fields: {
				value: AMOUNT,
				date: { type: 'date', required: true },
				source: { type: 'text', max: LIMITS.goalSource, emptyOk: true }
			},
			base: () => ({
				goalId: String(s.goalId),
				value: '16500,5',
				date: '2025-12-31',
				source: 'Heizölrechnungen 2025'
			}),
			pathFor: (id) => `/boards/${id}/goals?/record`,
			moreCases: goalIdCases(() => ({ value: '1', date: '2025-12-31' }))
		}),
		// ---- Ideas -------------------------------------------------------------------------
		target({
			key: 'POST /api/ideas',
			path: '/api/ideas',
			encoding: 'json',
			fields: {
				title: IDEA_TITLE,
				text: IDEA_TEXT,
				dimension: IDEA_DIMENSION,
				showName: { type: 'bool' }
			},
			base: () => ({ title: 'Neue Idee' })
		}),
		apiWithoutInput(
			'POST /api/ideas/[id]/support',
			'POST',
			`/api/ideas/${i.apiSupport.id}/support`,
			ideaPath('/support')
		),
		apiWithoutInput(
			'DELETE /api/ideas/[id]/support',
			'DELETE',
			`/api/ideas/${i.apiSupport.id}/support`,
			ideaPath('/support')
		),
		target({
			key: 'POST /api/ideas/[id]/state',
			path: `/api/ideas/${i.apiState.id}/state`,
			encoding: 'json',
			subject: i.apiState,
			fields: { state: IDEA_STATE, reason: IDEA_REASON, version: VERSION },
			base: () => ({
				state: 'declined',
				reason: 'Passt gerade nicht',
				version: i.apiState.version
			}),
			pathFor: ideaPath('/state'),
			moreCases: [
				...fieldCases(
					'json',
					{
						dimension: DIMENSION,
						horizon: HORIZON,
						title: { ...IDEA_TITLE, required: false },
						actionId: { type: 'int', min: 1, max: 2 ** 31 },
						boardId: { type: 'int', min: 1, max: 2 ** 31 }
					},
					() => ({
						state: 'accepted',
						dimension: 'social',
						horizon: 'short',
						version: i.apiState.version
					})
				),
				...fieldCases(
					'json',
					{ into: { type: 'int', min: 1, max: 2 ** 31, required: true } },
					() => ({
						state: 'merged',
						into: i.mergeTarget.id,
						reason: 'Dasselbe',
						version: i.apiState.version
					})
				)
			]
		}),

		// ---- Ideas' pages ---------------------------------------------------------------------
		...['/ideas?/support', '/ideas/new?/support'].map((path) =>
			target({
				key: `POST ${path}`,
				path,
				encoding: 'form',
				fields: supportFields,
				base: () => ({ ideaId: String(i.formSupport.id), support: '1' })
			})
		),
		target({
			key: 'POST /reports?/freeze',
			path: '/reports?/freeze',
			encoding: 'form',
			fields: {
				title: { type: 'text', max: LIMITS.reportTitle, required: true },
				from: { type: 'date', required: true },
				to: { type: 'date', required: true }
			},
			base: () => ({ title: 'Halbjahresbericht', from: '2026-01-01', to: '2026-06-30' }),
			moreCases: [
				{
					name: 'to: before from',
					kind: 'field',
					wire: () => formWire({ title: 'Halbjahresbericht', from: '2026-07-01', to: '2026-06-30' })
				}
			]
		}),
		target({
			key: 'POST /ideas/new?/propose',
			path: '/ideas/new?/propose',
			encoding: 'form',
			fields: {
				title: IDEA_TITLE,
				text: IDEA_TEXT,
				dimension: { ...IDEA_DIMENSION, nullOk: false },
				onlyGroup: { type: 'enum', values: ['1'] },
				confirmed: { type: 'enum', values: ['1'] }
			},
			base: () => ({ title: 'Neue Idee', confirmed: '1' })
		}),
		target({
			key: 'POST /ideas/[id]?/support',
			path: `/ideas/${i.formSupport.id}?/support`,
			encoding: 'form',
			fields: supportFields,
			base: () => ({ ideaId: String(i.formSupport.id), support: '1' }),
			pathFor: ideaPagePath('support')
		}),
		target({
			key: 'POST /ideas/[id]?/edit',
			path: `/ideas/${i.formEdit.id}?/edit`,
			encoding: 'form',
			subject: i.formEdit,
			fields: { title: IDEA_TITLE, text: IDEA_TEXT, dimension: IDEA_DIMENSION, version: VERSION },
			base: () => ({ title: 'Geänderte Idee', version: String(i.formEdit.version) }),
			pathFor: ideaPagePath('edit')
		}),
		target({
			key: 'POST /ideas/[id]?/withdraw',
			path: `/ideas/${i.formWithdraw.id}?/withdraw`,
			encoding: 'form',
			subject: i.formWithdraw,
			fields: { version: VERSION },
			base: () => ({ version: String(i.formWithdraw.version) }),
			pathFor: ideaPagePath('withdraw')
		}),
		target({
			key: 'POST /ideas/[id]?/decide',
			path: `/ideas/${i.formDecide.id}?/decide`,
			encoding: 'form',
			subject: i.formDecide,
			fields: { state: IDEA_STATE, reason: IDEA_REASON, version: VERSION },
			base: () => ({
				state: 'declined',
				reason: 'Passt gerade nicht',
				version: String(i.formDecide.version)
			}),
			pathFor: ideaPagePath('decide'),
			moreCases: [
				...fieldCases(
					'form',
					{ cell: { type: 'cell' }, title: { ...IDEA_TITLE, required: false } },
					() => ({
						state: 'accepted',
						cell: 'social:short',
						title: 'Neue Maßnahme',
						version: String(i.formDecide.version)
					})
				),
				...fieldCases(
					'form',
					{ into: { type: 'int', min: 1, max: 2 ** 31, required: true } },
					() => ({
						state: 'merged',
						into: String(i.mergeTarget.id),
						reason: 'Dasselbe',
						version: String(i.formDecide.version)
					})
				)
			]
		}),

		// ---- The language switch: it never refuses, it ignores what it cannot use ------------
		languageTarget(),

		// ---- Form actions of an action's page -------------------------------------------
		target({
			key: 'POST /actions/[id]?/update',
			path: `/actions/${a.formUpdate.id}?/update`,
			encoding: 'form',
			subject: a.formUpdate,
			fields: updateFields(),
			base: () => ({ title: 'Geänderter Titel', version: String(a.formUpdate.version) }),
			pathFor: pagePath('update'),
			moreCases: startAfterDueCases(() => ({ version: String(a.formUpdate.version) }), 'form')
		}),
		target({
			key: 'POST /actions/[id]?/move',
			path: `/actions/${a.formMove.id}?/move`,
			encoding: 'form',
			subject: a.formMove,
			fields: { cell: { type: 'cell' }, index: INDEX, version: VERSION },
			base: () => ({ cell: 'economic:long', index: '0', version: String(a.formMove.version) }),
			pathFor: pagePath('move')
		}),
		target({
			key: 'POST /actions/[id]?/progress',
			path: `/actions/${a.formProgress.id}?/progress`,
			encoding: 'form',
			subject: a.formProgress,
			fields: progressFields(),
			base: () => ({ note: 'Zwischenstand', progress: '40' }),
			pathFor: pagePath('progress')
		}),
		target({
			key: 'POST /actions/[id]?/follow',
			path: `/actions/${a.formFollow.id}?/follow`,
			encoding: 'form',
			subject: a.formFollow,
			// The follow button sends `follow` = 1 or 0; anything else is no answer to the question.
			fields: { follow: { type: 'enum', values: ['1', '0'], required: true } },
			base: () => ({ follow: '1' }),
			pathFor: pagePath('follow')
		}),
		target({
			key: 'POST /actions/[id]?/publicity',
			path: `/actions/${a.formPublicity.id}?/publicity`,
			encoding: 'form',
			subject: a.formPublicity,
			// A ticked box sends `on`; an unticked one sends nothing (so neither is required).
			fields: { isPublic: CHECKBOX, descriptionPublic: CHECKBOX, version: VERSION },
			base: () => ({ isPublic: 'on', version: String(a.formPublicity.version) }),
			pathFor: pagePath('publicity')
		}),
		target({
			key: 'POST /actions/[id]?/archive',
			path: `/actions/${a.formArchive.id}?/archive`,
			encoding: 'form',
			subject: a.formArchive,
			fields: { version: VERSION },
			base: () => ({ version: String(a.formArchive.version) }),
			pathFor: pagePath('archive')
		}),
		target({
			key: 'POST /actions/[id]?/restore',
			path: `/actions/${a.formRestore.id}?/restore`,
			encoding: 'form',
			subject: a.formRestore,
			fields: { version: VERSION },
			base: () => ({ version: String(a.formRestore.version) }),
			pathFor: pagePath('restore')
		}),

		target({
			key: 'POST /actions/[id]?/tags',
			path: `/actions/${a.formTags.id}?/tags`,
			encoding: 'form',
			fields: {
				codes: CODES,
				goals: { type: 'ids', max: LIMITS.actionGoals },
				newTag: { type: 'text', max: LIMITS.ownTag, emptyOk: true }
			},
			base: () => ({ codes: 'dnk:13', goals: String(s.goalId), newTag: 'Fehlerprobe' }),
			pathFor: pagePath('tags')
		}),

		// ---- The board and its frame --------------------------------------------------------
		target({
			key: 'POST /boards/[id]?/create',
			path: `/boards/${board}?/create`,
			encoding: 'form',
			fields: createFields(),
			base: () => ({ title: 'Neue Maßnahme', dimension: 'social', horizon: 'short' }),
			pathFor: (id) => `/boards/${id}?/create`
		}),
		target({
			key: 'POST /boards/[id]/frame',
			path: `/boards/${board}/frame`,
			encoding: 'form',
			subject: boardSubject,
			fields: {
				name: { type: 'text', max: LIMITS.boardName, required: true },
				description: {
					type: 'text',
					max: LIMITS.boardDescription,
					required: true,
					emptyOk: true,
					multiline: true
				},
				horizonShort: HORIZON_TEXT,
				horizonMedium: HORIZON_TEXT,
				horizonLong: HORIZON_TEXT,
				goalEcological: GOAL,
				goalEconomic: GOAL,
				goalSocial: GOAL,
				quietDaysShort: QUIET_DAYS,
				quietDaysMedium: QUIET_DAYS,
				quietDaysLong: QUIET_DAYS,
				version: VERSION
			},
			base: () => ({ ...frame, version: String(boardSubject.version) }),
			pathFor: (id) => `/boards/${id}/frame`
		}),

		// ---- People (admin) ---------------------------------------------------------------
		target({
			key: 'POST /admin/users?/create',
			path: '/admin/users?/create',
			encoding: 'form',
			fields: {
				name: NAME,
				email: { type: 'email' },
				role: { type: 'enum', values: ROLES, required: true },
				access: { type: 'enum', values: ['link', 'password'], required: true }
			},
			base: newPerson('link'),
			// A first password only counts with `access=password`.
			moreCases: firstPassword
		}),
		target({
			key: 'POST /admin/users?/role',
			path: '/admin/users?/role',
			encoding: 'form',
			fields: { ...rowUser('role').fields, role: { type: 'enum', values: ROLES, required: true } },
			base: () => ({ ...rowUser('role').base(), role: 'member' })
		}),
		target({
			key: 'POST /admin/users?/deactivate',
			path: '/admin/users?/deactivate',
			encoding: 'form',
			...rowUser('deactivate')
		}),
		target({
			key: 'POST /admin/users?/reactivate',
			path: '/admin/users?/reactivate',
			encoding: 'form',
			...rowUser('reactivate')
		}),
		target({
			key: 'POST /admin/users?/link',
			path: '/admin/users?/link',
			encoding: 'form',
			...rowUser('link'),
			refusals: UNUSABLE_ID_IS_NOT_FOUND
		}),
		target({
			key: 'POST /admin/users?/emailLink',
			path: '/admin/users?/emailLink',
			encoding: 'form',
			// Every case is refused before a link is made (the worker's servers send no e-mail).
			...rowUser('link'),
			refusals: UNUSABLE_ID_IS_NOT_FOUND
		}),

		// ---- The e-mail outbox (admin) --------------------------------------------------------
		target({
			key: 'POST /admin/outbox?/again',
			path: '/admin/outbox?/again',
			encoding: 'form',
			fields: { id: { type: 'int', min: 1, max: 2 ** 31, required: true } },
			base: () => ({ id: String(UNKNOWN_ID) })
		}),
		noInputTarget('POST /admin/outbox?/test', '/admin/outbox?/test', 'admin'),

		// ---- The board's public page (admin) ---------------------------------------------
		target({
			key: 'POST /admin/public?/names',
			path: '/admin/public?/names',
			encoding: 'form',
			fields: { show: { type: 'enum', values: ['1', '0'], required: true } },
			// Hidden, as the page starts: a refusal that slipped through would change nothing.
			base: () => ({ show: '0' })
		}),
		noInputTarget('POST /admin/public?/on', '/admin/public?/on', 'admin'),
		noInputTarget('POST /admin/public?/off', '/admin/public?/off', 'admin'),
		noInputTarget('POST /admin/public?/renew', '/admin/public?/renew', 'admin'),

		// ---- Settings ---------------------------------------------------------------------
		target({
			key: 'POST /settings?/profile',
			path: '/settings?/profile',
			encoding: 'form',
			fields: { name: NAME, locale: { type: 'enum', values: LOCALES, required: true } },
			base: () => ({ name: s.adminName, locale: 'de' })
		}),
		target({
			key: 'POST /settings?/password',
			path: '/settings?/password',
			encoding: 'form',
			fields: {
				currentPassword: { type: 'secret', min: 1, max: LIMITS.passwordMax },
				password: NEW_PASSWORD,
				passwordConfirm: { type: 'secret', min: 0, max: LIMITS.passwordMax }
			},
			// A wrong current password: a body that passes the schema is still refused, so the
			// admin's sessions (a new password ends them) survive whatever this run finds.
			base: () => ({
				currentPassword: 'nicht-das-passwort',
				password: 'neues-passwort-1',
				passwordConfirm: 'neues-passwort-1'
			})
		}),

		target({
			key: 'POST /settings?/notifications',
			path: '/settings?/notifications',
			encoding: 'form',
			fields: {
				...Object.fromEntries(
					NOTIFICATION_KINDS.map((kind) => [
						kind,
						{ type: 'enum', values: NOTIFICATION_CHANNELS, required: true } satisfies FieldSpec
					])
				),
				digest: { type: 'enum', values: DIGEST_CHOICES, required: true }
			},
			base: () => ({ ...DEFAULT_CHANNELS, digest: DEFAULT_DIGEST })
		}),

		// ---- What comes next --------------------------------------------------------------
		target({
			key: 'POST /upcoming?/follow',
			path: '/upcoming?/follow',
			encoding: 'form',
			subject: a.upcomingFollow,
			fields: {
				actionId: { type: 'int', min: 1, max: 2 ** 31, required: true },
				follow: { type: 'enum', values: ['1', '0'], required: true }
			},
			base: () => ({ actionId: String(a.upcomingFollow.id), follow: '1' })
		}),
		noInputTarget('POST /upcoming?/renewCalendar', '/upcoming?/renewCalendar', 'admin'),

		// ---- Notifications --------------------------------------------------------------------
		target({
			key: 'POST /notifications?/read',
			path: '/notifications?/read',
			encoding: 'form',
			fields: { id: { type: 'int', min: 1, max: 2 ** 31, required: true } },
			base: () => ({ id: '1' })
		}),
		noInputTarget('POST /notifications?/readAll', '/notifications?/readAll', 'admin'),

		// ---- Signing in and out (without a session: signing in ends the one a client has) ----
		loginTarget(),
		target({
			key: 'POST /setup',
			path: '/setup',
			encoding: 'form',
			as: 'anonymous',
			fields: {
				name: NAME,
				email: { type: 'email' },
				password: NEW_PASSWORD,
				passwordConfirm: { type: 'secret', min: 0, max: LIMITS.passwordMax }
			},
			base: () => ({
				name: 'Zweite Einrichtung',
				email: 'einrichtung@example.org',
				password: 'erstes-passwort-1',
				passwordConfirm: 'erstes-passwort-1'
			}),
			// Once anybody exists, /setup is gone: it sends everyone to the sign-in page first.
			refusals: { field: [303, 400], huge: [303, 400, 413], body: [303, 400, 415] },
			checkRedirect: redirectsTo('/login')
		}),
		target({
			key: 'POST /signin/[token]',
			path: `/signin/${s.signInToken}`,
			encoding: 'form',
			as: 'anonymous',
			fields: {
				password: NEW_PASSWORD,
				passwordConfirm: { type: 'secret', min: 0, max: LIMITS.passwordMax }
			},
			base: () => ({ password: 'neues-passwort-1', passwordConfirm: 'neues-passwort-1' }),
			pathFor: (token) => `/signin/${token}`,
			pathIds: [
				['a word', 'abc'],
				['no secret', 'abc.'],
				['an unknown link', 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb'],
				['5,000 characters', 'a'.repeat(2_500) + '.' + 'b'.repeat(2_499)],
				['a NUL character', 'abc%00.def']
			],
			// A link that is unknown, used or expired is "gone".
			refusals: { path: [404, 410] }
		}),
		unsubscribeTarget(),
		noInputTarget('POST /logout', '/logout', 'anonymous', {
			refusals: { ...FORM_REFUSALS, body: [303, 400, 415] },
			checkRedirect: redirectsTo('/login'),
			cases: [
				...oversizedCases('form', () => ({})),
				...formBodyCases({}, () => ({ notiz: 'Tschüss' })).filter((c) => c.name !== 'an empty body')
			]
		}),

		// Ideas from a workshop
		workshopTarget()
	];
	return targets;

	/**
	 * The unsubscribe link takes whatever body a mail program sends: only a body past the limit
	 * and a link that was never made here are wrong. Sent without a session, as mail programs do.
	 */
	function unsubscribeTarget(): Target {
		const base = () => ({ 'List-Unsubscribe': 'One-Click' });
		const [payload] = s.unsubscribeToken.split('.');
		const otherPayload = Buffer.from('1.digest').toString('base64url');
		const signature = s.unsubscribeToken.split('.')[1] ?? '';
		return {
			key: 'POST /unsubscribe/[token]',
			method: 'POST',
			path: `/unsubscribe/${s.unsubscribeToken}`,
			api: false,
			formAction: true,
			as: 'anonymous',
			refusals: FORM_REFUSALS,
			cases: [
				...oversizedCases('form', base),
				...pathCases('form', base, (token) => `/unsubscribe/${token}`, [
					['a word', 'abc'],
					['no signature', `${payload}.`],
					['a signature the app never made', `${payload}.AAAAAAAAAAAAAAAAAAAAAA`],
					["another person's topic with this signature", `${otherPayload}.${signature}`],
					['5,000 characters', 'a'.repeat(2_500) + '.' + 'b'.repeat(2_499)],
					['a NUL character', `${payload}%00.${signature}`],
					['three parts', `${s.unsubscribeToken}.x`]
				])
			]
		};
	}

	function languageTarget(): Target {
		// Every case carries an unusable locale, so the profile never changes; the switch answers
		// 303 back to a page of this site whatever it got.
		const base = () => ({ locale: 'xx', redirectTo: `/boards/${board}` });
		const locales = badValuesOf({ type: 'enum', values: LOCALES, required: true }, 'form').map(
			([name, value, huge]): BadCase => ({
				name: `locale: ${name}`,
				kind: huge ? 'huge' : 'field',
				wire: () => formWire({ ...base(), locale: value })
			})
		);
		const redirectTargets: [string, Value][] = [
			['another site', 'https://example.com/'],
			['protocol-relative', '//example.com/'],
			['a backslash', '/\\example.com'],
			['javascript:', 'javascript:alert(1)'],
			['a NUL character', '/boards/1\u0000'],
			['a line break with a header', '/boards/1\r\nSet-Cookie: x=y'],
			['non-Latin characters', '/über/日本'],
			['100 KB', `/${HUGE_TEXT}`],
			['the field twice', ['/boards/1', '//example.com']]
		];
		const redirects = redirectTargets.map(([name, value]): BadCase => ({
			name: `redirectTo: ${name}`,
			kind: 'field',
			wire: () => formWire({ ...base(), redirectTo: value })
		}));
		return {
			key: 'POST /language',
			method: 'POST',
			path: '/language',
			api: false,
			formAction: false,
			as: 'admin',
			refusals: { ...FORM_REFUSALS, field: [303], huge: [303, 413], body: [303, 400, 415] },
			checkRedirect: (location) =>
				sameSite(location) ? null : `redirects off the site, to ${JSON.stringify(location)}`,
			cases: [
				...locales,
				...redirects,
				...formBodyCases({ locale: { type: 'enum', values: LOCALES } }, base),
				...oversizedCases('form', base)
			]
		};
	}

	function loginTarget(): Target {
		// Only bodies the schema refuses: a well-formed wrong sign-in counts against the throttle
		// of this address, which the other tests on this server rely on. (Control characters in
		// an e-mail pass the schema — it only asks for 1 to 254 characters — and are left out.)
		const email: FieldSpec = { type: 'text', max: LIMITS.email, required: true };
		const password: FieldSpec = { type: 'secret', min: 1, max: LIMITS.passwordMax };
		const passesSchema = /NUL|U\+0001|U\+2028|lone surrogate/;
		const base = () => ({ email: 'niemand@example.org', password: '' });
		const withPassword = () => ({ ...base(), password: 'falsches-passwort' });
		const cases = [
			...fieldCases('form', { email }, withPassword).filter((c) => !passesSchema.test(c.name)),
			...fieldCases('form', { password }, base),
			...formBodyCases({ email, password }, base),
			...oversizedCases('form', base)
		];
		return {
			key: 'POST /login',
			method: 'POST',
			path: '/login',
			api: false,
			formAction: true,
			as: 'anonymous',
			refusals: FORM_REFUSALS,
			cases
		};
	}
}

// Ideas from a workshop: the workshop's name and date, and its ideas as lines, CSV or a CSV file.
// One bad line refuses all of them.
function workshopTarget(): Target {
	const base = () => ({ name: 'Zukunftswerkstatt', date: '2026-03-14', ideas: 'Mehr Fahrräder' });
	const fromFile = (content: string | Buffer) => () => ({
		...base(),
		ideas: '',
		file: new FilePart(content)
	});
	const ideas = (text: string) => () => ({ ...base(), ideas: text });
	const tooMany = Array.from({ length: WORKSHOP_LIMITS.ideas + 1 }, (_, i) => `Idee ${i}`);
	const cases: [string, () => Fields][] = [
		['date: missing', () => ({ ...base(), date: MISSING })],
		['date: empty', () => ({ ...base(), date: '' })],
		['ideas: one line of 201 characters among good ones', ideas(`Gut\n${'x'.repeat(201)}\nGut`)],
		['ideas: only blank lines', ideas('\n \n\t\n'.repeat(1000))],
		[`ideas: ${tooMany.length} lines`, ideas(tooMany.join('\n'))],
		['ideas: CSV with only its header', ideas('Titel;Text;Dimension\r\n')],
		['ideas: CSV with an unknown dimension', ideas('title,dimension\nSolardach,grün')],
		['ideas: CSV with a quote never closed', ideas('title,text\nSolardach,"offen\nJobrad,x')],
		['ideas: CSV with more cells than the header', ideas('title;text\nA;b;c')],
		['ideas: CSV with a title missing after a good row', ideas('title,text\nGut,x\n,ohne')],
		['file: not UTF-8 (Windows-1252)', fromFile(Buffer.from([0x54, 0xd6, 0x6c, 0x0a]))],
		['file: over 200 KB', fromFile('Idee\n'.repeat(Math.ceil(WORKSHOP_LIMITS.bytes / 5) + 1))],
		['file: CSV with a title missing', fromFile('\ufefftitle;text\r\n;ohne Titel\r\n')],
		['file: only its header', fromFile('title,text,dimension\n')],
		['file: beside a text', () => ({ ...base(), file: new FilePart('Solardach') })],
		['file: text in its place', () => ({ ...base(), ideas: '', file: 'Solardach' })],
		['file: twice', () => ({ ...base(), ideas: '', file: [new FilePart('A'), new FilePart('B')] })],
		['a good file, but no workshop name', () => ({ ...fromFile('Solardach')(), name: MISSING })]
	];
	return target({
		key: 'POST /ideas/workshop',
		path: '/ideas/workshop',
		encoding: 'form',
		fields: {
			name: { type: 'text', max: WORKSHOP_LIMITS.name, required: true },
			date: { type: 'date' },
			ideas: { type: 'text', max: WORKSHOP_LIMITS.bytes, required: true, multiline: true }
		},
		base,
		moreCases: cases.map(([name, fields]) => ({
			name,
			kind: 'field',
			wire: () => formWire(fields())
		}))
	});
}
