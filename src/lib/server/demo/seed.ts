import { generateNKeysBetween } from 'fractional-indexing';
import type { Db } from '../db';
import { commitChange } from '../events/commit';
import type { BoardEvent } from '../events/types';
import { actionOwners, actions, appMeta, events, progressEntries } from '../db/schema';
import { hashPassword } from '../auth/password';
import { createBoard } from '../domain/boards';
import { createUser } from '../domain/users';
import type { Dimension, Horizon, Status } from '../../board/cells';
import type { Role } from '../../roles';

/** Marks a database as made by `npm run demo`, so the demo never overwrites anything else. */
export const DEMO_MARKER = { key: 'created_by', value: 'npm run demo' };

const DAY = 24 * 60 * 60 * 1000;

interface DemoPerson {
	key: string;
	email: string;
	name: string;
	role: Role;
}

const PEOPLE: DemoPerson[] = [
	{ key: 'admin', email: 'admin@example.org', name: 'Jana Albers', role: 'admin' },
	{ key: 'member', email: 'member@example.org', name: 'Tobias Brandt', role: 'member' },
	{ key: 'leader', email: 'leader@example.org', name: 'Ulrike Sommerfeld', role: 'leader' },
	{ key: 'staff', email: 'staff@example.org', name: 'Deniz Aksoy', role: 'staff' },
	{ key: 'lena', email: 'lena.voigt@example.org', name: 'Lena Voigt', role: 'member' },
	{ key: 'marek', email: 'marek.lindner@example.org', name: 'Marek Lindner', role: 'member' },
	{ key: 'svenja', email: 'svenja.kraus@example.org', name: 'Svenja Kraus', role: 'staff' }
];

interface DemoAction {
	title: string;
	description: string;
	dimension: Dimension;
	horizon: Horizon;
	status: Status;
	/** Days from today; negative is in the past (overdue unless done). */
	due?: number;
	owners: string[];
	/** Progress log, oldest first: days ago, percent, note, optional new status. */
	log?: [number, number, string, Status?][];
}

const ACTIONS: DemoAction[] = [
	{
		title: 'Umstieg auf Ökostrom in allen Einrichtungen',
		description:
			'Alle Stromverträge auf zertifizierten Ökostrom umstellen (Label **ok-power** oder **Grüner Strom**).\n\n- Verträge der Geschäftsstelle und der Wohngruppen sammeln\n- Angebote von drei Anbietern vergleichen\n- Kündigungsfristen beachten',
		dimension: 'ecological',
		horizon: 'short',
		status: 'in_progress',
		due: 45,
		owners: ['member', 'lena'],
		log: [
			[40, 20, 'Alle Verträge liegen vor, 6 von 9 Standorten haben noch Graustrom.', 'in_progress'],
			[12, 60, 'Angebote verglichen; Geschäftsführung hat dem Wechsel zugestimmt.']
		]
	},
	{
		title: 'Mülltrennung in allen Teeküchen',
		description:
			'Einheitliche Behälter und gut lesbare Piktogramme für Papier, Verpackungen und Bioabfall.',
		dimension: 'ecological',
		horizon: 'short',
		status: 'done',
		due: -20,
		owners: ['marek'],
		log: [
			[60, 50, 'Behälter bestellt.', 'in_progress'],
			[25, 100, 'In allen Teeküchen aufgestellt, Aushänge hängen.', 'done']
		]
	},
	{
		title: 'CO₂-Bilanz für das Jahr 2025 erstellen',
		description:
			'Mit dem Rechner der Verbände den CO₂-Fußabdruck der Organisation ermitteln: Strom, Wärme, Dienstreisen, Beschaffung.',
		dimension: 'ecological',
		horizon: 'medium',
		status: 'in_progress',
		due: 120,
		owners: ['lena'],
		log: [[20, 30, 'Verbrauchsdaten für Strom und Wärme sind erfasst.', 'in_progress']]
	},
	{
		title: 'Reparatur-Café im Stadtteiltreff',
		description:
			'Einmal im Monat reparieren Ehrenamtliche mit Besucher:innen Kleingeräte, Fahrräder und Kleidung.',
		dimension: 'ecological',
		horizon: 'medium',
		status: 'planned',
		due: 150,
		owners: ['marek']
	},
	{
		title: 'Photovoltaik auf dem Dach der Geschäftsstelle',
		description:
			'Statik prüfen lassen, Fördermittel der KfW und des Landes klären, Angebote einholen.',
		dimension: 'ecological',
		horizon: 'long',
		status: 'planned',
		due: 540,
		owners: ['admin']
	},
	{
		title: 'Fuhrpark schrittweise auf E-Autos umstellen',
		description:
			'Bei jedem Ersatz eines Dienstwagens ein E-Auto wählen; Ladepunkte an zwei Standorten.',
		dimension: 'ecological',
		horizon: 'long',
		status: 'planned',
		owners: []
	},
	{
		title: 'Fairtrade-Kaffee in allen Einrichtungen',
		description: 'Kaffee, Tee und Zucker nur noch fair gehandelt und bio einkaufen.',
		dimension: 'economic',
		horizon: 'short',
		status: 'done',
		due: -35,
		owners: ['member'],
		log: [
			[70, 40, 'Neuer Lieferant gefunden, Probepackungen verteilt.', 'in_progress'],
			[38, 100, 'Umstellung abgeschlossen – Kosten nur 4 % höher.', 'done']
		]
	},
	{
		title: 'Papierlose Rechnungsablage',
		description:
			'Eingangsrechnungen digital prüfen und freigeben; weniger Papier, schnellere Wege.',
		dimension: 'economic',
		horizon: 'short',
		status: 'in_progress',
		due: -5,
		owners: ['admin', 'member'],
		log: [[75, 45, 'Buchhaltung testet das Freigabeverfahren.', 'in_progress']]
	},
	{
		title: 'Ethik-Check unserer Geldanlagen',
		description:
			'Rücklagen und Konten nach Ausschlusskriterien prüfen (z. B. keine Rüstung, keine fossilen Energien) und mit der Bank sprechen.',
		dimension: 'economic',
		horizon: 'medium',
		status: 'in_progress',
		due: 200,
		owners: ['leader', 'admin'],
		log: [[30, 20, 'Gespräch mit der Hausbank vereinbart.', 'in_progress']]
	},
	{
		title: 'Nachhaltige Beschaffungsrichtlinie',
		description:
			'Eine kurze Richtlinie: Was kaufen wir wo ein? Regional, fair, langlebig – mit Beispielen für den Alltag.',
		dimension: 'economic',
		horizon: 'medium',
		status: 'planned',
		due: 240,
		owners: ['lena']
	},
	{
		title: 'Nachhaltigkeitsbericht nach dem Deutschen Nachhaltigkeitskodex',
		description: 'Erster Bericht für Vorstand, Mitglieder und Geldgeber.',
		dimension: 'economic',
		horizon: 'long',
		status: 'planned',
		due: 600,
		owners: ['leader']
	},
	{
		title: 'Gesundheitstag für alle Mitarbeitenden',
		description:
			'Ein Tag mit Rückenschule, gesundem Mittagessen und Beratung der Krankenkasse – in der Arbeitszeit.',
		dimension: 'social',
		horizon: 'short',
		status: 'planned',
		due: 21,
		owners: ['svenja', 'member']
	},
	{
		title: 'Ideenbox im Intranet',
		description:
			'Alle Mitarbeitenden können Vorschläge für mehr Nachhaltigkeit einreichen und unterstützen.',
		dimension: 'social',
		horizon: 'short',
		status: 'in_progress',
		due: 30,
		owners: ['marek'],
		log: [
			[50, 30, 'Erste Version steht, Test mit zwei Teams.', 'in_progress'],
			[8, 70, '38 Ideen in den ersten zwei Wochen.']
		]
	},
	{
		title: 'Dienstrad-Leasing anbieten',
		description: 'Mitarbeitende können über Entgeltumwandlung ein Fahrrad oder E-Bike leasen.',
		dimension: 'social',
		horizon: 'medium',
		status: 'in_progress',
		due: 90,
		owners: ['admin'],
		log: [
			[15, 50, 'Betriebsrat hat zugestimmt; Vertrag mit dem Anbieter in Prüfung.', 'in_progress']
		]
	},
	{
		title: 'Freiwilligentag mit der Tafel',
		description: 'Ein Tag im Jahr, an dem Teams gemeinsam bei der örtlichen Tafel mithelfen.',
		dimension: 'social',
		horizon: 'medium',
		status: 'planned',
		due: 180,
		owners: ['svenja']
	},
	{
		title: 'Mentoring-Programm für neue Mitarbeitende',
		description: 'Erfahrene Kolleg:innen begleiten Neue im ersten Jahr.',
		dimension: 'social',
		horizon: 'long',
		status: 'planned',
		owners: ['leader']
	},
	{
		title: 'Alle Standorte barrierefrei erreichbar',
		description: 'Bestandsaufnahme, dann Rampen, Leitsysteme und barrierearme Webseiten.',
		dimension: 'social',
		horizon: 'long',
		status: 'planned',
		due: 900,
		owners: []
	}
];

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Fills an empty, migrated database with the demo organisation. */
export async function seedDemo(db: Db, password: string, now = new Date()) {
	const passwordHash = await hashPassword(password);
	const ids = new Map<string, number>();
	commitChange(db, () => {
		db.insert(appMeta).values(DEMO_MARKER).run();
		for (const person of PEOPLE) {
			const user = createUser(db, { ...person, passwordHash }, new Date(now.getTime() - 120 * DAY));
			ids.set(person.key, user.id);
		}
		const board = createBoard(
			db,
			{
				name: 'Nachhaltigkeitsstrategie 2026–2030',
				description:
					'Unsere Maßnahmen für eine ökologische, ökonomische und soziale Zukunft – geplant von der AG Nachhaltigkeit.'
			},
			new Date(now.getTime() - 120 * DAY)
		);
		const byCell = new Map<string, DemoAction[]>();
		for (const a of ACTIONS) {
			const key = `${a.dimension}:${a.horizon}`;
			byCell.set(key, [...(byCell.get(key) ?? []), a]);
		}
		const creator = ids.get('member')!;
		const history: BoardEvent[] = [];
		for (const cellActions of byCell.values()) {
			const keys = generateNKeysBetween(null, null, cellActions.length);
			cellActions.forEach((a, i) => {
				const log = a.log ?? [];
				const last = log.at(-1);
				const createdAt = new Date(now.getTime() - 100 * DAY + i * DAY);
				const updatedAt = last ? new Date(now.getTime() - last[0] * DAY) : createdAt;
				const row = db
					.insert(actions)
					.values({
						boardId: board.id,
						title: a.title,
						description: a.description,
						dimension: a.dimension,
						horizon: a.horizon,
						position: keys[i],
						status: a.status,
						progress: last?.[1] ?? 0,
						dueDate: a.due === undefined ? null : isoDate(new Date(now.getTime() + a.due * DAY)),
						version: 1 + log.length + (a.owners.length ? 1 : 0),
						createdBy: creator,
						createdAt,
						updatedAt
					})
					.returning({ id: actions.id })
					.get();
				history.push({
					boardId: board.id,
					actionId: row.id,
					actorId: creator,
					type: 'created',
					data: { title: a.title, dimension: a.dimension, horizon: a.horizon, version: 1 },
					createdAt
				});
				if (a.owners.length) {
					db.insert(actionOwners)
						.values(a.owners.map((o) => ({ actionId: row.id, userId: ids.get(o)! })))
						.run();
					history.push({
						boardId: board.id,
						actionId: row.id,
						actorId: creator,
						type: 'owners_changed',
						data: { from: [], to: a.owners.map((o) => ids.get(o)!), version: 2 },
						createdAt
					});
				}
				let version = a.owners.length ? 2 : 1;
				let before = 0;
				for (const [daysAgo, progress, note, status] of log) {
					const at = new Date(now.getTime() - daysAgo * DAY);
					const author = ids.get(a.owners[0] ?? 'member')!;
					db.insert(progressEntries)
						.values({ actionId: row.id, authorId: author, note, progress, status, createdAt: at })
						.run();
					history.push({
						boardId: board.id,
						actionId: row.id,
						actorId: author,
						type: 'progress',
						data: { progress, from: before, version: ++version, ...(status && { status }) },
						createdAt: at
					});
					before = progress;
				}
			});
		}
		// History in the order it happened, so event ids grow with time as they do in real use.
		history.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
		db.insert(events).values(history).run();
	});
	return { people: PEOPLE.slice(0, 4) };
}
