import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import {
	actionCodes,
	actionGoals,
	actions,
	frameworkCodes,
	goalCodes,
	goalValues,
	goals
} from '../db/schema';
import type { Dimension } from '../../board/cells';
import type { GoalDirection } from '../../goals/kinds';

const DAY = 24 * 60 * 60 * 1000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

interface DemoGoal {
	key: string;
	dimension: Dimension;
	name: string;
	unit: string;
	/** Years relative to this year. */
	baseline: [value: number, year: number];
	target: [value: number, year: number];
	direction: GoalDirection;
	/** Measured values: years relative to this year, month-day, value, source. */
	values: [year: number, monthDay: string, value: number, source: string][];
	codes: string[];
}

const GOALS: DemoGoal[] = [
	{
		key: 'co2',
		dimension: 'ecological',
		name: 'CO₂-Ausstoß senken',
		unit: 't CO₂ pro Jahr',
		baseline: [412, -2],
		target: [250, 4],
		direction: 'down',
		values: [
			[-1, '06-30', 405, 'Energieabrechnungen 1. Halbjahr'],
			[-1, '12-31', 380, 'CO₂-Bilanz'],
			[0, '06-30', 352, 'Energieabrechnungen 1. Halbjahr']
		],
		codes: ['dnk:12', 'dnk:13', 'sdg:13']
	},
	{
		key: 'green-power',
		dimension: 'ecological',
		name: 'Anteil Ökostrom',
		unit: '% des Stromverbrauchs',
		baseline: [35, -2],
		target: [100, 1],
		direction: 'up',
		values: [
			[-1, '12-31', 48, 'Stromrechnungen'],
			[0, '09-30', 70, 'Stromrechnungen']
		],
		codes: ['dnk:11', 'sdg:7']
	},
	{
		key: 'fair',
		dimension: 'economic',
		name: 'Fair gehandelt einkaufen',
		unit: '% des Einkaufsvolumens',
		baseline: [12, -1],
		target: [40, 3],
		direction: 'up',
		values: [[0, '06-30', 21, 'Auswertung Buchhaltung']],
		codes: ['dnk:4', 'sdg:12']
	},
	{
		key: 'mentoring',
		dimension: 'social',
		name: 'Neue Mitarbeitende im Mentoring',
		unit: '%',
		baseline: [0, -1],
		target: [50, 3],
		direction: 'up',
		values: [],
		codes: ['dnk:16', 'sdg:8']
	},
	{
		key: 'sick-days',
		dimension: 'social',
		name: 'Weniger Krankheitstage',
		unit: 'Tage je Vollzeitstelle und Jahr',
		baseline: [18.5, -2],
		target: [15, 3],
		direction: 'down',
		values: [[-1, '12-31', 17.9, 'Personalstatistik']],
		codes: ['dnk:14', 'sdg:3']
	}
];

/** Per action (by title): when work started (days from today), its codes, goals and whether it is public. */
const TAGS: Record<
	string,
	{ start?: number; codes?: string[]; goals?: string[]; public?: 'title' | 'all' }
> = {
	'Umstieg auf Ökostrom in allen Einrichtungen': {
		start: -60,
		codes: ['dnk:11', 'dnk:13', 'sdg:7', 'own:1'],
		goals: ['co2', 'green-power'],
		public: 'all'
	},
	'Mülltrennung in allen Teeküchen': { codes: ['dnk:11', 'sdg:12'], public: 'title' },
	'CO₂-Bilanz für das Jahr 2025 erstellen': {
		start: -40,
		codes: ['dnk:13', 'sdg:13'],
		goals: ['co2']
	},
	'Reparatur-Café im Stadtteiltreff': { start: 30, codes: ['dnk:18', 'sdg:12'], public: 'all' },
	'Photovoltaik auf dem Dach der Geschäftsstelle': {
		start: 200,
		codes: ['dnk:11', 'dnk:13', 'sdg:7', 'own:1'],
		goals: ['co2', 'green-power'],
		public: 'all'
	},
	'Fuhrpark schrittweise auf E-Autos umstellen': { codes: ['dnk:13', 'sdg:11'], goals: ['co2'] },
	'Fairtrade-Kaffee in allen Einrichtungen': {
		codes: ['dnk:4', 'dnk:17', 'sdg:12'],
		goals: ['fair'],
		public: 'title'
	},
	'Papierlose Rechnungsablage': { start: -50, codes: ['dnk:11'] },
	'Ethik-Check unserer Geldanlagen': { start: -30, codes: ['dnk:2', 'dnk:17', 'sdg:16'] },
	'Nachhaltige Beschaffungsrichtlinie': { codes: ['dnk:4', 'dnk:10', 'sdg:12'], goals: ['fair'] },
	'Nachhaltigkeitsbericht nach dem Deutschen Nachhaltigkeitskodex': {
		codes: ['dnk:1', 'dnk:5', 'dnk:7']
	},
	'Gesundheitstag für alle Mitarbeitenden': {
		codes: ['dnk:14', 'dnk:15', 'sdg:3'],
		goals: ['sick-days'],
		public: 'title'
	},
	'Ideenbox im Intranet': { start: -20, codes: ['dnk:9', 'dnk:14'] },
	'Dienstrad-Leasing anbieten': {
		start: -45,
		codes: ['dnk:15', 'sdg:3', 'sdg:11'],
		goals: ['sick-days']
	},
	'Freiwilligentag mit der Tafel': { codes: ['dnk:18', 'sdg:2'], public: 'all' },
	'Mentoring-Programm für neue Mitarbeitende': {
		codes: ['dnk:16', 'sdg:4'],
		goals: ['mentoring']
	},
	'Alle Standorte barrierefrei erreichbar': { codes: ['dnk:15', 'sdg:10'], public: 'title' }
};

/** The organisation's own tags, numbered in this order. */
const OWN_TAGS = ['Mit Fördermitteln'];

const codeRow = (key: string) => {
	const [framework, code] = key.split(':');
	return { framework: framework as 'dnk' | 'sdg' | 'own', code: Number(code) };
};

/**
 * The demo's goals with measured values (one of them behind its plan, one not measured yet),
 * the actions' codes, goals, start dates and which of them the public page would show.
 */
export function seedGoals(
	db: Db,
	{
		boardId,
		memberId,
		actionIds,
		now
	}: {
		boardId: number;
		memberId: number;
		actionIds: Map<string, number>;
		now: Date;
	}
) {
	const year = now.getUTCFullYear();
	const createdAt = new Date(now.getTime() - 90 * DAY);
	OWN_TAGS.forEach((name, i) =>
		db
			.insert(frameworkCodes)
			.values({ framework: 'own', code: i + 1, titleDe: name, titleEn: name })
			.run()
	);
	const goalIds = new Map<string, number>();
	for (const g of GOALS) {
		const row = db
			.insert(goals)
			.values({
				boardId,
				dimension: g.dimension,
				name: g.name,
				unit: g.unit,
				baselineValue: g.baseline[0],
				baselineYear: year + g.baseline[1],
				targetValue: g.target[0],
				targetYear: year + g.target[1],
				direction: g.direction,
				createdAt,
				updatedAt: createdAt
			})
			.returning({ id: goals.id })
			.get();
		goalIds.set(g.key, row.id);
		for (const [y, monthDay, value, source] of g.values) {
			const date = `${year + y}-${monthDay}`;
			// Values of days still to come this year are not measured yet.
			if (date > isoDate(now)) continue;
			db.insert(goalValues)
				.values({
					goalId: row.id,
					value,
					date,
					source,
					authorId: memberId,
					createdAt: new Date(`${date}T12:00:00Z`)
				})
				.run();
		}
		if (g.codes.length) {
			db.insert(goalCodes)
				.values(g.codes.map((c) => ({ goalId: row.id, ...codeRow(c) })))
				.run();
		}
	}
	for (const [title, tags] of Object.entries(TAGS)) {
		const actionId = actionIds.get(title);
		if (actionId === undefined) throw new Error(`No demo action named ${title}`);
		if (tags.codes?.length) {
			db.insert(actionCodes)
				.values(tags.codes.map((c) => ({ actionId, ...codeRow(c) })))
				.run();
		}
		if (tags.goals?.length) {
			db.insert(actionGoals)
				.values(tags.goals.map((key) => ({ actionId, goalId: goalIds.get(key)! })))
				.run();
		}
		db.update(actions)
			.set({
				startDate:
					tags.start === undefined ? null : isoDate(new Date(now.getTime() + tags.start * DAY)),
				isPublic: tags.public !== undefined,
				descriptionPublic: tags.public === 'all'
			})
			.where(eq(actions.id, actionId))
			.run();
	}
	return goalIds;
}
