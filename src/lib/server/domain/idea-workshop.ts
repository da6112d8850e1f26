import { parse, type InfoRecord } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../db';
import { DIMENSIONS, type Dimension } from '../../board/cells';
import { WORKSHOP_LIMITS, workshopSource } from '../../ideas/workshop';
import { commitChange } from '../events/commit';
import type { Actor } from './actor';
import { dueDateField } from './action-input';
import { proposeIdea } from './idea-changes';
import {
	ideaDimensionField,
	ideaTextField,
	ideaTitleField,
	type ProposeIdeaInput
} from './idea-input';
import type { IdeaView } from './ideas';
import { typedText } from './text-input';

/**
 * "Workshops on paper": ideas collected on cards in a workshop, typed or pasted in one go — one
 * idea per line, or CSV with a header row — and stored all or nothing, attributed to the workshop.
 */

/** The workshop the ideas come from: a name and the day it took place (both required). */
export const workshopInput = z.object({
	name: typedText(WORKSHOP_LIMITS.name, { min: 1 }),
	// The due date's rules (a real day, in the range plans may name), but an empty one is missing.
	date: dueDateField.pipe(z.string())
});
export type WorkshopInput = z.infer<typeof workshopInput>;

/** What is wrong with one line (for CSV: the line a record starts on), for the form to word. */
export type LineProblem =
	| {
			line: number;
			field: 'title' | 'text';
			problem: 'missing' | 'too_long' | 'control_characters';
			max?: number;
	  }
	| { line: number; field: 'dimension'; problem: 'unknown'; value: string }
	| { line: number; field: 'row'; problem: 'extra_fields' | 'quote_not_closed' | 'unreadable' };

/** What is wrong with the input as a whole. */
export type ImportProblem =
	| { problem: 'empty' }
	| { problem: 'too_large'; max: number }
	| { problem: 'too_many'; count: number; max: number }
	| { problem: 'not_utf8' };

export type ParsedIdeas =
	| { ok: true; format: 'lines' | 'csv'; ideas: ProposeIdeaInput[] }
	| { ok: false; format: 'lines' | 'csv'; problems: LineProblem[]; whole?: ImportProblem };

// ---------------------------------------------------------------------------------------------
// Reading the input

const BOM = '\ufeff';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * An uploaded file as text: at most the byte limit, UTF-8 with or without a byte order mark
 * (what Excel's "CSV UTF-8" writes). Other encodings (Excel's older "CSV" writes Windows-1252)
 * are refused rather than guessed: a wrong guess turns every "ö" into something else, silently.
 */
export function decodeWorkshopFile(bytes: Uint8Array): { text: string } | ImportProblem {
	if (bytes.byteLength > WORKSHOP_LIMITS.bytes) {
		return { problem: 'too_large', max: WORKSHOP_LIMITS.bytes };
	}
	try {
		return { text: utf8.decode(bytes) };
	} catch {
		return { problem: 'not_utf8' };
	}
}

/** Column names of the header row, in the app's languages, to the field they fill. */
const COLUMNS: Record<string, 'title' | 'text' | 'dimension'> = {
	title: 'title',
	titel: 'title',
	titre: 'title',
	text: 'text',
	texte: 'text',
	tekst: 'text',
	dimension: 'dimension',
	dimensie: 'dimension'
};

/** Dimension names as people write them, in the app's languages, and the fixed identifiers. */
const DIMENSION_NAMES: Record<string, Dimension> = {
	ökologisch: 'ecological',
	oekologisch: 'ecological',
	ökonomisch: 'economic',
	oekonomisch: 'economic',
	sozial: 'social',
	écologique: 'ecological',
	économique: 'economic',
	ecologisch: 'ecological',
	economisch: 'economic',
	sociaal: 'social',
	...Object.fromEntries(DIMENSIONS.map((d) => [d, d]))
};

const normalised = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('de');

interface Header {
	delimiter: ';' | ',';
	columns: ('title' | 'text' | 'dimension')[];
}

/**
 * The CSV header, if `line` is one: two or more known column names, the title among them, none
 * twice. Semicolons are what German Excel separates with; commas what everybody else uses.
 */
function headerOf(line: string): Header | null {
	const delimiter = line.includes(';') ? ';' : ',';
	const cells = line.split(delimiter).map((c) => normalised(c.replace(/^\s*"(.*)"\s*$/, '$1')));
	const columns = cells.map((c) => COLUMNS[c]);
	if (cells.length < 2 || columns.some((c) => c === undefined)) return null;
	if (!columns.includes('title') || new Set(columns).size !== columns.length) return null;
	return { delimiter, columns };
}

/** Why a title or text fails its schema, in the terms of a line problem. */
function issueOf(
	schema: z.ZodType,
	value: string,
	line: number,
	field: 'title' | 'text'
): LineProblem | null {
	const result = schema.safeParse(value);
	if (result.success) return null;
	const issue = result.error.issues[0];
	if (issue.code === 'too_small') return { line, field, problem: 'missing' };
	if (issue.code === 'too_big')
		return { line, field, problem: 'too_long', max: Number(issue.maximum) };
	return { line, field, problem: 'control_characters' };
}

/** One idea from its cells, or the problems of its line. */
function ideaOf(
	line: number,
	title: string,
	text: string,
	dimension: string
): ProposeIdeaInput | LineProblem[] {
	const name = normalised(dimension);
	const parsedDimension = ideaDimensionField.safeParse(name === '' ? '' : DIMENSION_NAMES[name]);
	const problems = [
		issueOf(ideaTitleField, title, line, 'title'),
		issueOf(ideaTextField, text, line, 'text'),
		parsedDimension.success
			? null
			: ({ line, field: 'dimension', problem: 'unknown', value: dimension.trim() } as const)
	].filter((p) => p !== null);
	if (problems.length || !parsedDimension.success) return problems;
	return {
		title: ideaTitleField.parse(title),
		text: ideaTextField.parse(text),
		dimension: parsedDimension.data,
		showName: true
	};
}

/** Over the limit, checking every line would only bury "too many" under noise. */
function tooMany(format: 'lines' | 'csv', count: number): ParsedIdeas | null {
	if (count <= WORKSHOP_LIMITS.ideas) return null;
	return {
		ok: false,
		format,
		problems: [],
		whole: { problem: 'too_many', count, max: WORKSHOP_LIMITS.ideas }
	};
}

function collect(format: 'lines' | 'csv', rows: (ProposeIdeaInput | LineProblem[])[]): ParsedIdeas {
	if (rows.length === 0) return { ok: false, format, problems: [], whole: { problem: 'empty' } };
	const ideas: ProposeIdeaInput[] = [];
	const problems: LineProblem[] = [];
	for (const row of rows) {
		if (Array.isArray(row)) problems.push(...row);
		else ideas.push(row);
	}
	return problems.length ? { ok: false, format, problems } : { ok: true, format, ideas };
}

/** One idea per line, the line its title; blank lines are skipped. */
function parseLines(lines: string[]): ParsedIdeas {
	const rows: { line: number; title: string }[] = [];
	lines.forEach((title, i) => {
		if (title.trim() !== '') rows.push({ line: i + 1, title });
	});
	return (
		tooMany('lines', rows.length) ??
		collect(
			'lines',
			rows.map(({ line, title }) => ideaOf(line, title, '', ''))
		)
	);
}

/** CSV under a header row; rows with only empty cells are skipped (Excel writes `;;`). */
function parseCsv(text: string, header: Header, headerLine: number): ParsedIdeas {
	const records: { record: string[]; line: number }[] = [];
	let lastLine = 0;
	try {
		parse(text, {
			delimiter: header.delimiter,
			// Quotes inside an unquoted cell (`Das "Repair Café" öffnen`) are kept as they are.
			relax_quotes: true,
			// A short row leaves the last columns empty; a long one is reported below.
			relax_column_count: true,
			on_record: (record: string[], { lines }: InfoRecord) => {
				records.push({ record, line: lastLine + 1 });
				lastLine = lines;
				return null;
			}
		});
	} catch (err) {
		const code = (err as { code?: string }).code;
		const problem = code === 'CSV_QUOTE_NOT_CLOSED' ? 'quote_not_closed' : 'unreadable';
		return { ok: false, format: 'csv', problems: [{ line: lastLine + 1, field: 'row', problem }] };
	}
	const cell = (record: string[], column: Header['columns'][number]) => {
		const at = header.columns.indexOf(column);
		return at < 0 ? '' : (record[at] ?? '');
	};
	const rows = records.filter(
		({ line, record }) => line > headerLine && record.some((c) => c.trim() !== '')
	);
	return (
		tooMany('csv', rows.length) ??
		collect(
			'csv',
			rows.map(({ line, record }): ProposeIdeaInput | LineProblem[] => {
				if (record.slice(header.columns.length).some((c) => c.trim() !== '')) {
					return [{ line, field: 'row', problem: 'extra_fields' }];
				}
				// A title is one line: a line break in its cell (Alt+Enter in Excel) becomes a space.
				const title = cell(record, 'title').replace(/\s*[\r\n]+\s*/g, ' ');
				const text = cell(record, 'text').replace(/\r\n?/g, '\n');
				return ideaOf(line, title, text, cell(record, 'dimension'));
			})
		)
	);
}

/**
 * The ideas in a pasted text or a file's content: CSV when its first non-blank line is a header
 * (`title,text,dimension` or `Titel;Text;Dimension`, in any order, text and dimension optional),
 * else one idea per line. Every line is checked with the rules of a single idea.
 */
export function parseWorkshopIdeas(input: string): ParsedIdeas {
	const text = input.startsWith(BOM) ? input.slice(1) : input;
	if (new TextEncoder().encode(text).byteLength > WORKSHOP_LIMITS.bytes) {
		return {
			ok: false,
			format: 'lines',
			problems: [],
			whole: { problem: 'too_large', max: WORKSHOP_LIMITS.bytes }
		};
	}
	const lines = text.split(/\r\n|\r|\n/);
	const first = lines.findIndex((l) => l.trim() !== '');
	const header = first < 0 ? null : headerOf(lines[first]);
	return header ? parseCsv(text, header, first + 1) : parseLines(lines);
}

// ---------------------------------------------------------------------------------------------
// Storing

/**
 * Stores every idea of a workshop, attributed to it and not to `actor` who typed them in: one
 * transaction (each `proposeIdea` joins it), so either all of them are there or none is.
 */
export function enterWorkshopIdeas(
	db: Db,
	actor: Actor,
	workshop: WorkshopInput,
	ideas: ProposeIdeaInput[],
	now = new Date()
): IdeaView[] {
	const source = workshopSource(workshop.name, workshop.date);
	return commitChange(db, () => ideas.map((idea) => proposeIdea(db, actor, idea, { source, now })));
}
