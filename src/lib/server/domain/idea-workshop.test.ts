import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { ideaHistory } from '../db/schema';
import { subscribe } from '../events/subscribers';
import type { CommittedEvent } from '../events/types';
import { readWorkshopSource } from '../../ideas/workshop';
import { listIdeas } from './ideas';
import {
	decodeWorkshopFile,
	enterWorkshopIdeas,
	parseWorkshopIdeas,
	workshopInput,
	type ParsedIdeas
} from './idea-workshop';

let off: (() => void) | undefined;
afterEach(() => off?.());

const workshop = { name: 'Zukunftswerkstatt Haus Linde', date: '2026-03-14' };

/** The ideas of a parse that must have worked. */
function ideasOf(parsed: ParsedIdeas) {
	if (!parsed.ok) throw new Error(`expected ideas, got ${JSON.stringify(parsed)}`);
	return parsed.ideas;
}

function problemsOf(parsed: ParsedIdeas) {
	if (parsed.ok) throw new Error('expected problems');
	return parsed;
}

describe('parsing a workshop’s ideas', () => {
	it('reads one idea per line, skipping blank lines', () => {
		const parsed = parseWorkshopIdeas(
			'Mehr Fahrräder\r\n\r\n  Regenwasser nutzen  \n\nRepair-Café\n'
		);
		expect(parsed.ok && parsed.format).toBe('lines');
		expect(ideasOf(parsed)).toEqual([
			{ title: 'Mehr Fahrräder', text: '', dimension: null, showName: true },
			{ title: 'Regenwasser nutzen', text: '', dimension: null, showName: true },
			{ title: 'Repair-Café', text: '', dimension: null, showName: true }
		]);
	});

	it('reads CSV under an English header, quotes and line breaks inside cells included', () => {
		const csv = [
			'title,text,dimension',
			'Solardach,"Auf dem Hauptgebäude, 40 kWp",ecological',
			'"Jobrad ""light""","Zeile eins',
			'Zeile zwei",social',
			'Ohne Dimension,,',
			''
		].join('\n');
		expect(ideasOf(parseWorkshopIdeas(csv))).toEqual([
			{
				title: 'Solardach',
				text: 'Auf dem Hauptgebäude, 40 kWp',
				dimension: 'ecological',
				showName: true
			},
			{
				title: 'Jobrad "light"',
				text: 'Zeile eins\nZeile zwei',
				dimension: 'social',
				showName: true
			},
			{ title: 'Ohne Dimension', text: '', dimension: null, showName: true }
		]);
	});

	it('reads what German Excel writes: a BOM, semicolons, German names, empty rows, CRLF', () => {
		const csv =
			'\ufeffDimension;Titel;Text\r\nÖkologisch;Blühwiese;Statt Rasen\r\n;;\r\n' +
			'ökonomisch;Sammeleinkauf;\r\nSOZIAL;Patenschaften;\r\n oekologisch ;Kompost;"a;b"\r\n';
		const parsed = parseWorkshopIdeas(csv);
		expect(parsed.format).toBe('csv');
		expect(ideasOf(parsed).map((i) => [i.title, i.dimension, i.text])).toEqual([
			['Blühwiese', 'ecological', 'Statt Rasen'],
			['Sammeleinkauf', 'economic', ''],
			['Patenschaften', 'social', ''],
			['Kompost', 'ecological', 'a;b']
		]);
	});

	it('reads French and Dutch column and dimension names', () => {
		const french = parseWorkshopIdeas(
			'titre;texte;dimension\nJardin;Potager;écologique\nAchats;;Économique\n'
		);
		expect(ideasOf(french).map((i) => [i.title, i.text, i.dimension])).toEqual([
			['Jardin', 'Potager', 'ecological'],
			['Achats', '', 'economic']
		]);
		const dutch = parseWorkshopIdeas(
			'titel,tekst,dimensie\nMoestuin,,ecologisch\nBuddy,Samen,sociaal\n'
		);
		expect(ideasOf(dutch).map((i) => [i.title, i.text, i.dimension])).toEqual([
			['Moestuin', '', 'ecological'],
			['Buddy', 'Samen', 'social']
		]);
	});

	it('takes a title column alone as lines, not as CSV', () => {
		expect(parseWorkshopIdeas('Titel\nEine Idee').format).toBe('lines');
		expect(parseWorkshopIdeas('Titel, Text und Dimension klären').format).toBe('lines');
	});

	it('reports every bad line by its number, and keeps none of the good ones', () => {
		const long = 'x'.repeat(201);
		const csv = [
			'title;text;dimension',
			'Gut;;sozial',
			';ohne Titel;sozial',
			`${long};;`,
			'Falsch;;grün',
			'Zu viele;Felder;sozial;noch eins',
			// A title over two lines (Alt+Enter in Excel) is one line with a space.
			'"Über',
			'zwei Zeilen";;',
			`Kaputt\u0007;;`,
			`Langer Text;${'y'.repeat(5001)};`
		].join('\n');
		const parsed = problemsOf(parseWorkshopIdeas(csv));
		expect(parsed.whole).toBeUndefined();
		expect(parsed.problems).toEqual([
			{ line: 3, field: 'title', problem: 'missing' },
			{ line: 4, field: 'title', problem: 'too_long', max: 200 },
			{ line: 5, field: 'dimension', problem: 'unknown', value: 'grün' },
			{ line: 6, field: 'row', problem: 'extra_fields' },
			{ line: 9, field: 'title', problem: 'control_characters' },
			{ line: 10, field: 'text', problem: 'too_long', max: 5000 }
		]);
		expect(problemsOf(parseWorkshopIdeas(csv.replace(/^.*grün$/m, ''))).problems).toHaveLength(5);
		const lines = problemsOf(parseWorkshopIdeas(`Gut\n\n${long}\nAuch gut`));
		expect(lines.problems).toEqual([{ line: 3, field: 'title', problem: 'too_long', max: 200 }]);
	});

	it('says where a quote was opened and never closed', () => {
		const parsed = problemsOf(parseWorkshopIdeas('Titel,Text\nEins,ok\nZwei,"offen\nDrei,x\n'));
		expect(parsed.problems).toEqual([{ line: 3, field: 'row', problem: 'quote_not_closed' }]);
	});

	it('refuses nothing at all, more than 500 ideas, and more than 200 KB', () => {
		expect(problemsOf(parseWorkshopIdeas(' \n\n')).whole).toEqual({ problem: 'empty' });
		expect(problemsOf(parseWorkshopIdeas('title,text\n,,\n')).whole).toEqual({ problem: 'empty' });
		const many = Array.from({ length: 501 }, (_, i) => `Idee ${i + 1}`).join('\n');
		expect(problemsOf(parseWorkshopIdeas(many)).whole).toEqual({
			problem: 'too_many',
			count: 501,
			max: 500
		});
		expect(ideasOf(parseWorkshopIdeas(many.split('\n').slice(0, 500).join('\n')))).toHaveLength(
			500
		);
		const huge = `${'Ä'.repeat(60_000)}\n`.repeat(2);
		expect(problemsOf(parseWorkshopIdeas(huge)).whole).toEqual({
			problem: 'too_large',
			max: 200 * 1024
		});
	});

	it('reads files in UTF-8 with or without a BOM, and refuses other encodings and sizes', () => {
		const encoder = new TextEncoder();
		expect(decodeWorkshopFile(encoder.encode('\ufeffTitel;Text\nÖl;x'))).toEqual({
			text: 'Titel;Text\nÖl;x'
		});
		expect(decodeWorkshopFile(encoder.encode('Öl sparen'))).toEqual({ text: 'Öl sparen' });
		// "Öl" as Windows-1252 writes it.
		expect(decodeWorkshopFile(new Uint8Array([0xd6, 0x6c]))).toEqual({ problem: 'not_utf8' });
		expect(decodeWorkshopFile(new Uint8Array(200 * 1024 + 1).fill(0x41))).toEqual({
			problem: 'too_large',
			max: 200 * 1024
		});
	});
});

describe('the workshop itself', () => {
	it('needs a name of at most 100 characters and a real date in range', () => {
		expect(workshopInput.safeParse(workshop).success).toBe(true);
		const bad = [
			{ ...workshop, name: '' },
			{ ...workshop, name: 'x'.repeat(101) },
			{ ...workshop, date: '' },
			{ ...workshop, date: undefined },
			{ ...workshop, date: '2026-02-30' },
			{ ...workshop, date: '1999-12-31' },
			{ ...workshop, date: '14.03.2026' }
		];
		expect(bad.map((w) => workshopInput.safeParse(w).success)).toEqual(bad.map(() => false));
	});
});

describe('entering a workshop’s ideas', () => {
	it('stores them all, attributed to the workshop, in one change', async () => {
		const db = createTestDb();
		const member = await makeUser(db, { role: 'member', name: 'Mia Member' });
		const heard: (readonly CommittedEvent[])[] = [];
		off = subscribe({ name: 'test', afterCommit: (events) => heard.push(events) });
		const ideas = ideasOf(parseWorkshopIdeas('Solardach\nJobrad\nBlühwiese'));
		const stored = enterWorkshopIdeas(db, member, workshop, ideas);

		expect(stored.map((i) => i.title)).toEqual(['Solardach', 'Jobrad', 'Blühwiese']);
		for (const idea of listIdeas(db)) {
			expect(idea).toMatchObject({
				state: 'submitted',
				proposer: null,
				source: 'Zukunftswerkstatt Haus Linde, 2026-03-14'
			});
			expect(readWorkshopSource(idea.source!)).toEqual(workshop);
		}
		// One commit: the subscribers hear of all three at once.
		expect(heard).toHaveLength(1);
		expect(heard[0].map((e) => e.type)).toEqual(['idea_changed', 'idea_changed', 'idea_changed']);
		// The history says who typed them in.
		expect(
			db
				.select()
				.from(ideaHistory)
				.all()
				.map((h) => h.actorId)
		).toEqual([member.id, member.id, member.id]);
	});

	it('stores nothing when one of them cannot be stored', async () => {
		const db = createTestDb();
		const member = await makeUser(db, { role: 'member' });
		const ideas = ideasOf(parseWorkshopIdeas('Eins\nZwei'));
		off = subscribe({
			name: 'failing',
			inTransaction: () => {
				throw new Error('disk full');
			}
		});
		expect(() => enterWorkshopIdeas(db, member, workshop, ideas)).toThrow('disk full');
		expect(listIdeas(db)).toEqual([]);
	});
});
