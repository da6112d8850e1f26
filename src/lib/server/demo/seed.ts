import { generateNKeysBetween } from 'fractional-indexing';
import type { Db } from '../db';
import { commitChange } from '../events/commit';
import type { BoardEvent } from '../events/types';
import {
	actionOwners,
	actions,
	appMeta,
	events,
	ideaHistory,
	ideaSupports,
	ideas,
	progressEntries
} from '../db/schema';
import { hashPassword } from '../auth/password';
import { createBoard } from '../domain/boards';
import { createUser } from '../domain/users';
import type { Dimension, Horizon, Status } from '../../board/cells';
import type { IdeaState } from '../../ideas/states';
import type { Role } from '../../roles';
import { workshopSource } from '../../ideas/workshop';
import { seedGoals } from './seed-goals';
import { seedNotifications, type SeededAction, type SeededIdea } from './seed-notifications';

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
	{ key: 'svenja', email: 'svenja.kraus@example.org', name: 'Svenja Kraus', role: 'staff' },
	{ key: 'ole', email: 'ole.petersen@example.org', name: 'Ole Petersen', role: 'staff' },
	{ key: 'aylin', email: 'aylin.demir@example.org', name: 'Aylin Demir', role: 'staff' },
	{ key: 'katrin', email: 'katrin.hoffmann@example.org', name: 'Katrin Hoffmann', role: 'staff' }
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
	/**
	 * Progress log, oldest first: days ago, percent, note, optional new status, and who wrote it
	 * (the first owner unless named).
	 */
	log?: [number, number, string, Status?, string?][];
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
			[12, 60, 'Angebote verglichen; Geschäftsführung hat dem Wechsel zugestimmt.'],
			[
				3,
				75,
				'Verträge für die Geschäftsstelle und zwei Wohngruppen unterschrieben.',
				undefined,
				'lena'
			]
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
		log: [
			[30, 20, 'Gespräch mit der Hausbank vereinbart.', 'in_progress'],
			[
				4,
				35,
				'Die Bank hat die Liste unserer Fonds geschickt; zwei fallen durch.',
				undefined,
				'admin'
			]
		]
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

interface DemoIdea {
	title: string;
	text: string;
	dimension: Dimension | null;
	/** A person's key, or a workshop's label for ideas entered from paper. */
	by: string | { workshop: string };
	/** False: only the working group sees who proposed it. */
	showName?: boolean;
	daysAgo: number;
	state: IdeaState;
	reason?: string;
	/** The action it became (by title), when accepted. */
	action?: string;
	/** The idea it was merged into (by title). */
	into?: string;
	supporters: string[];
}

const IDEAS: DemoIdea[] = [
	{
		title: 'Reparaturtreff für die Nachbarschaft',
		text: 'Viele Geräte landen im Müll, obwohl nur eine Kleinigkeit kaputt ist. Im Stadtteiltreff könnten Ehrenamtliche einmal im Monat helfen.',
		dimension: 'ecological',
		by: 'ole',
		daysAgo: 110,
		state: 'accepted',
		action: 'Reparatur-Café im Stadtteiltreff',
		supporters: ['aylin', 'svenja', 'staff']
	},
	{
		title: 'Fahrrad über den Arbeitgeber leasen',
		text: 'Andere Träger bieten das schon an. Mit einem Dienstrad würden viele von uns das Auto stehen lassen.',
		dimension: 'social',
		by: 'svenja',
		daysAgo: 95,
		state: 'accepted',
		action: 'Dienstrad-Leasing anbieten',
		supporters: ['staff', 'ole', 'aylin', 'katrin', 'lena']
	},
	{
		title: 'Ruheraum für die Pause',
		text: 'Ein ruhiger Raum ohne Telefon, in dem man in der Pause kurz abschalten kann.',
		dimension: 'social',
		by: 'staff',
		daysAgo: 60,
		state: 'declined',
		reason:
			'Zurzeit ist an keinem Standort ein Raum frei. Beim Umzug der Geschäftsstelle 2027 nehmen wir die Idee wieder auf.',
		supporters: ['katrin']
	},
	{
		title: 'Jobticket für alle Standorte',
		text: 'Ein vergünstigtes Deutschlandticket für alle Mitarbeitenden, auch in den Wohngruppen.',
		dimension: 'ecological',
		by: 'ole',
		daysAgo: 45,
		state: 'in_review',
		supporters: ['svenja', 'staff', 'katrin', 'aylin']
	},
	{
		title: 'Wasserspender statt Plastikflaschen',
		text: 'In den Besprechungsräumen stehen immer noch Kisten mit Wasser in Plastikflaschen. Ein Wasserspender spart Müll und Schlepperei.',
		dimension: 'ecological',
		by: 'svenja',
		daysAgo: 40,
		state: 'in_review',
		supporters: ['staff', 'lena', 'ole']
	},
	{
		title: 'Fahrgemeinschaften zur Arbeit',
		text: 'Eine Pinnwand im Intranet, auf der man Mitfahrgelegenheiten anbietet und sucht.',
		dimension: 'ecological',
		by: 'aylin',
		daysAgo: 35,
		state: 'merged',
		into: 'Jobticket für alle Standorte',
		reason:
			'Beide Ideen wollen weniger Autofahrten zur Arbeit. Wir prüfen sie zusammen beim Jobticket.',
		supporters: ['katrin']
	},
	{
		title: 'Gemeinsamer Gemüsegarten am Wohnheim',
		text: 'Bewohner:innen und Mitarbeitende legen zusammen Hochbeete an und ernten gemeinsam.',
		dimension: 'social',
		by: { workshop: workshopSource('Frühjahr', '2026-03-12') },
		daysAgo: 25,
		state: 'submitted',
		supporters: ['svenja', 'katrin']
	},
	{
		title: 'Offene Sprechstunde mit der Geschäftsführung',
		text: 'Einmal im Quartal eine Stunde, in der alle ohne Termin ihre Fragen und Vorschläge loswerden können.',
		dimension: 'social',
		by: 'staff',
		daysAgo: 20,
		state: 'submitted',
		supporters: ['svenja', 'aylin']
	},
	{
		title: 'Gebrauchte Büromöbel kaufen',
		text: 'Bei Neuanschaffungen zuerst bei Büroauflösungen und Gebrauchthändlern schauen.',
		dimension: 'economic',
		by: 'marek',
		daysAgo: 15,
		state: 'submitted',
		supporters: ['lena']
	},
	{
		title: 'Sammelbox für alte Handys und Akkus',
		text: 'Eine Box am Empfang; die Geräte gehen an ein Recycling-Projekt.',
		dimension: 'ecological',
		by: 'aylin',
		daysAgo: 12,
		state: 'submitted',
		supporters: ['staff']
	},
	{
		title: 'Ein vegetarischer Tag in der Kantine',
		text: 'Einmal in der Woche nur vegetarische Gerichte – lecker und gut fürs Klima.',
		dimension: 'ecological',
		by: 'katrin',
		showName: false,
		daysAgo: 8,
		state: 'submitted',
		supporters: ['ole']
	},
	{
		title: 'Alte Laptops spenden statt entsorgen',
		text: 'Ausgemusterte Geräte sicher löschen und an Schulen oder Vereine geben.',
		dimension: null,
		by: 'ole',
		daysAgo: 5,
		state: 'submitted',
		supporters: []
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
		const actionIds = new Map<string, number>();
		const seededActions: SeededAction[] = [];
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
				actionIds.set(a.title, row.id);
				seededActions.push({
					id: row.id,
					title: a.title,
					ownerIds: a.owners.map((o) => ids.get(o)!),
					createdAt,
					...(last && {
						lastProgress: {
							authorId: ids.get(last[4] ?? a.owners[0] ?? 'member')!,
							at: new Date(now.getTime() - last[0] * DAY),
							progress: last[1],
							...(last[3] && { status: last[3] })
						}
					})
				});
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
				for (const [daysAgo, progress, note, status, by] of log) {
					const at = new Date(now.getTime() - daysAgo * DAY);
					const author = ids.get(by ?? a.owners[0] ?? 'member')!;
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
		seedGoals(db, {
			boardId: board.id,
			memberId: ids.get('member')!,
			actionIds,
			now
		});
		const seededIdeas = seedIdeas(db, ids, actionIds, now);
		seedNotifications(db, {
			creatorId: creator,
			reviewerId: ids.get('member')!,
			names: new Map(PEOPLE.map((p) => [ids.get(p.key)!, p.name])),
			actions: seededActions,
			ideas: seededIdeas,
			now
		});
	});
	return { people: PEOPLE.slice(0, 4) };
}

/**
 * Ideas from colleagues in every state: the working group (the demo member) decided some a few
 * days after they came in; supporters joined one day after another.
 */
function seedIdeas(
	db: Db,
	ids: Map<string, number>,
	actionIds: Map<string, number>,
	now: Date
): SeededIdea[] {
	const reviewer = ids.get('member')!;
	const seeded: SeededIdea[] = [];
	const names = new Map(PEOPLE.map((p) => [p.key, p.name]));
	const ideaIds = new Map<string, number>();
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
	for (const idea of IDEAS) {
		const createdAt = at(idea.daysAgo);
		const decided = idea.state !== 'submitted';
		const decidedAt = decided ? at(Math.max(1, idea.daysAgo - 7)) : null;
		const workshop = typeof idea.by === 'string' ? null : idea.by.workshop;
		const proposerId = typeof idea.by === 'string' ? ids.get(idea.by)! : null;
		const row = db
			.insert(ideas)
			.values({
				title: idea.title,
				text: idea.text,
				dimension: idea.dimension,
				state: idea.state,
				reason: idea.reason ?? null,
				proposerId,
				proposerName: workshop ?? names.get(idea.by as string)!,
				showName: idea.showName ?? true,
				mergedIntoId: idea.into ? ideaIds.get(idea.into)! : null,
				actionId: idea.action ? actionIds.get(idea.action)! : null,
				version: decided ? 2 : 1,
				createdAt,
				updatedAt: decidedAt ?? createdAt,
				decidedAt: idea.state === 'in_review' ? null : decidedAt
			})
			.returning({ id: ideas.id })
			.get();
		ideaIds.set(idea.title, row.id);
		const actionId = idea.action ? actionIds.get(idea.action)! : null;
		const intoId = idea.into ? ideaIds.get(idea.into)! : null;
		seeded.push({
			id: row.id,
			title: idea.title,
			proposerId,
			state: idea.state,
			reason: idea.reason ?? null,
			decidedAt: idea.state === 'in_review' ? null : decidedAt,
			action: actionId === null ? null : { id: actionId, title: idea.action! },
			into: intoId === null ? null : { id: intoId, title: idea.into! },
			firstSupportAt: idea.supporters.length ? at(Math.max(0, idea.daysAgo - 1)) : null
		});
		// Workshop ideas were typed in from paper by the working group.
		db.insert(ideaHistory)
			.values({ ideaId: row.id, state: 'submitted', actorId: proposerId ?? reviewer, createdAt })
			.run();
		if (decidedAt) {
			db.insert(ideaHistory)
				.values({
					ideaId: row.id,
					state: idea.state,
					reason: idea.reason ?? null,
					actorId: reviewer,
					createdAt: decidedAt
				})
				.run();
		}
		if (idea.supporters.length) {
			db.insert(ideaSupports)
				.values(
					idea.supporters.map((key, i) => ({
						ideaId: row.id,
						userId: ids.get(key)!,
						createdAt: at(Math.max(0, idea.daysAgo - 1 - i))
					}))
				)
				.run();
		}
	}
	return seeded;
}
