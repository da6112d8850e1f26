// Creates a throw-away Dreiklang database of a given size, the way real use would have filled it:
// people, one board, N actions spread over the nine cells with fractional order keys, owners,
// progress entries and the matching history events (each carrying the version it produced),
// about one in ten actions archived. Written straight to SQLite in one transaction.
import { Algorithm, hash } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { generateNKeysBetween } from 'fractional-indexing';
import { rmSync } from 'node:fs';
import { prng, shuffle } from './stats.mjs';

export const DIMENSIONS = ['ecological', 'economic', 'social'];
export const HORIZONS = ['short', 'medium', 'long'];
export const CELLS = HORIZONS.flatMap((horizon) =>
	DIMENSIONS.map((dimension) => ({ dimension, horizon }))
);
export const cellKey = (c) => `${c.dimension}:${c.horizon}`;

const DAY = 24 * 60 * 60 * 1000;

/**
 * A history event as the app records it (`BoardChangeData`: one type per kind, shared with the
 * domain, the history wording and the demo seed), with who and when, and a progress entry's row.
 * `npm run check` type-checks this file against it (`tsconfig.bench.json`).
 * @typedef {import('../src/lib/board/changes').BoardChangeData & {
 *   actor: number;
 *   at: number;
 *   entry?: { author: number; note: string; progress: number; status: string | null };
 * }} SeedEvent
 */

/** The password of every bench user; the bench signs in with it. */
export const BENCH_PASSWORD = 'bench-passwort-2026';

/** The same argon2id settings as src/lib/server/auth/password.ts (7 MiB, 5 iterations). */
const ARGON2 = {
	algorithm: Algorithm.Argon2id,
	memoryCost: 7168,
	timeCost: 5,
	outputLen: 32,
	parallelism: 1
};

const PEOPLE = [
	{ email: 'admin@bench.example.org', name: 'Jana Albers', role: 'admin' },
	{ email: 'member@bench.example.org', name: 'Tobias Brandt', role: 'member' },
	{ email: 'lena.voigt@bench.example.org', name: 'Lena Voigt', role: 'member' },
	{ email: 'marek.lindner@bench.example.org', name: 'Marek Lindner', role: 'member' },
	{ email: 'jonas.becker@bench.example.org', name: 'Jonas Becker', role: 'member' },
	{ email: 'ulrike.sommerfeld@bench.example.org', name: 'Ulrike Sommerfeld', role: 'leader' },
	{ email: 'deniz.aksoy@bench.example.org', name: 'Deniz Aksoy', role: 'staff' },
	{ email: 'svenja.kraus@bench.example.org', name: 'Svenja Kraus', role: 'staff' }
];

const TITLES = {
	ecological: [
		'Umstieg auf Ökostrom',
		'Mülltrennung in den Teeküchen',
		'CO₂-Bilanz erstellen',
		'Reparatur-Café einrichten',
		'Photovoltaik auf dem Dach',
		'Dienstwagen auf E-Autos umstellen',
		'LED-Beleuchtung nachrüsten',
		'Heizungsanlage optimieren',
		'Regenwasser für den Garten nutzen',
		'Papierverbrauch halbieren',
		'Blühwiese statt Rasen',
		'Fahrradstellplätze ausbauen'
	],
	economic: [
		'Fairtrade-Kaffee einkaufen',
		'Papierlose Rechnungsablage',
		'Ethik-Check der Geldanlagen',
		'Nachhaltige Beschaffungsrichtlinie',
		'Nachhaltigkeitsbericht nach DNK',
		'Regionale Lieferanten bevorzugen',
		'Energiekosten monatlich auswerten',
		'Fördermittel für Sanierung beantragen',
		'Leasing statt Kauf prüfen',
		'Gemeinsamer Einkauf im Verbund'
	],
	social: [
		'Gesundheitstag für Mitarbeitende',
		'Ideenbox im Intranet',
		'Dienstrad-Leasing anbieten',
		'Freiwilligentag mit der Tafel',
		'Mentoring für neue Kolleg:innen',
		'Barrierefreie Standorte',
		'Workshop „Nachhaltig im Alltag“',
		'Sprachkurse für Mitarbeitende',
		'Familienfreundliche Dienstpläne',
		'Patenschaften mit Schulen'
	]
};

const PLACES = [
	'Geschäftsstelle',
	'Wohngruppe Nord',
	'Wohngruppe Süd',
	'Kita Sonnenschein',
	'Beratungsstelle Mitte',
	'Stadtteiltreff',
	'Tagespflege am Park',
	'Werkstatt Ost',
	'Jugendhaus',
	'Sozialkaufhaus',
	'Ambulanter Dienst',
	'Begegnungscafé'
];

const SENTENCES = [
	'Die AG Nachhaltigkeit hat das Vorhaben im letzten Treffen beschlossen.',
	'Zuerst erheben wir den Ist-Stand an allen Standorten.',
	'Die Leitung hat den Rahmen und das Budget freigegeben.',
	'Angebote von mindestens drei Anbietern werden verglichen.',
	'Alle Mitarbeitenden werden über das Intranet informiert und eingeladen, mitzumachen.',
	'Erfahrungen aus dem Verbund fließen ein.',
	'Der Betriebsrat wird frühzeitig beteiligt.',
	'Wir prüfen Fördermöglichkeiten von Land und Bund.',
	'Ergebnisse werden im Quartalsbericht dokumentiert.'
];

const NOTES = [
	'Auftakt mit dem Team, Aufgaben verteilt.',
	'Angebote liegen vor und werden verglichen.',
	'Erste Standorte sind umgestellt.',
	'Rückmeldungen der Mitarbeitenden eingearbeitet.',
	'Leitung hat zugestimmt.',
	'Verzögerung durch Lieferengpass, neuer Termin steht.',
	'Abschluss und Auswertung im Team.'
];

const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Removes a database file with its WAL and shared-memory files. */
export function removeDatabase(path) {
	for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

const IDEA_REASONS = [
	'Passt gerade nicht ins Budget.',
	'Gibt es schon als Maßnahme.',
	'Dafür fehlt uns im Moment die Zeit.'
];

/**
 * As many ideas as actions, from everyone, over the same 400 days: most wait for the working
 * group, some are accepted (linked to a live action), declined or merged with a reason; each
 * has up to seven supporters and its public history.
 */
function seedIdeas(sqlite, { count, userIds, live, start, random, pick, between }) {
	const insertIdea = sqlite.prepare(
		`insert into ideas (title, text, dimension, state, reason, proposer_id, proposer_name,
		   show_name, merged_into_id, action_id, version, created_at, updated_at, decided_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertSupport = sqlite.prepare(
		'insert into idea_supports (idea_id, user_id, created_at) values (?, ?, ?)'
	);
	const insertStep = sqlite.prepare(
		`insert into idea_history (idea_id, state, reason, actor_id, created_at)
		 values (?, ?, ?, ?, ?)`
	);
	const ids = [];
	for (let i = 0; i < count; i++) {
		const at = start + Math.floor((i / count) * 390 * DAY) + between(0, DAY);
		const by = between(0, PEOPLE.length - 1);
		const dimension = random() < 0.8 ? pick(DIMENSIONS) : null;
		const title = `${pick(TITLES[dimension ?? pick(DIMENSIONS)])} – Idee aus ${pick(PLACES)}`;
		const text = Array.from({ length: between(0, 3) }, () => pick(SENTENCES)).join(' ');
		const r = random();
		const state =
			r < 0.5
				? 'submitted'
				: r < 0.65
					? 'in_review'
					: r < 0.8 && live.length
						? 'accepted'
						: r < 0.92
							? 'declined'
							: r < 0.97 && ids.length
								? 'merged'
								: 'withdrawn';
		const decided = !['submitted', 'in_review'].includes(state) ? at + between(1, 60) * DAY : null;
		const reason = state === 'declined' || state === 'merged' ? pick(IDEA_REASONS) : null;
		const version = state === 'submitted' ? 1 : state === 'in_review' ? 2 : 3;
		const id = Number(
			insertIdea.run(
				title,
				text,
				dimension,
				state,
				reason,
				userIds[by],
				PEOPLE[by].name,
				random() < 0.8 ? 1 : 0,
				state === 'merged' ? pick(ids) : null,
				state === 'accepted' ? pick(live).id : null,
				version,
				at,
				decided ?? at,
				decided
			).lastInsertRowid
		);
		ids.push(id);
		insertStep.run(id, 'submitted', null, userIds[by], at);
		if (decided) insertStep.run(id, state, reason, userIds[1], decided);
		const supporters = shuffle(
			userIds.filter((_, u) => u !== by),
			random
		).slice(0, between(0, 7));
		for (const user of supporters) insertSupport.run(id, user, at + between(0, 30) * DAY);
	}
	return ids.length;
}

/**
 * Creates, migrates and fills the database at `path` with `size` actions.
 * Returns who can sign in and what the board holds (live action ids and their versions).
 */
export async function createBenchDatabase({ path, migrationsFolder, size, seed = 20260101 }) {
	removeDatabase(path);
	const random = prng(seed + size);
	const pick = (list) => list[Math.floor(random() * list.length)];
	const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	migrate(drizzle(sqlite), { migrationsFolder });

	const passwordHash = await hash(BENCH_PASSWORD, ARGON2);
	const now = Date.now();
	const start = now - 400 * DAY;

	const insertUser = sqlite.prepare(
		`insert into users (email, name, role, locale, active, password_hash, created_at, updated_at)
		 values (?, ?, ?, 'de', 1, ?, ?, ?)`
	);
	const insertBoard = sqlite.prepare(
		`insert into boards (name, description, horizon_short, horizon_medium, horizon_long,
		   goal_ecological, goal_economic, goal_social, version, created_at, updated_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`
	);
	const insertAction = sqlite.prepare(
		`insert into actions (board_id, title, description, dimension, horizon, position, status,
		   progress, due_date, version, created_by, created_at, updated_at, archived_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertOwner = sqlite.prepare(
		'insert into action_owners (action_id, user_id) values (?, ?)'
	);
	const insertProgress = sqlite.prepare(
		`insert into progress_entries (action_id, author_id, note, progress, status, created_at)
		 values (?, ?, ?, ?, ?, ?)`
	);
	const insertEvent = sqlite.prepare(
		`insert into events (board_id, action_id, actor_id, type, data, created_at)
		 values (?, ?, ?, ?, ?, ?)`
	);

	const result = sqlite.transaction(() => {
		const userIds = PEOPLE.map(
			(p) =>
				insertUser.run(p.email, p.name, p.role, passwordHash, start - 30 * DAY, start - 30 * DAY)
					.lastInsertRowid
		).map(Number);
		const [adminId, memberId] = userIds;
		const writers = userIds.filter((_, i) => ['admin', 'member'].includes(PEOPLE[i].role));

		const boardId = Number(
			insertBoard.run(
				'Nachhaltigkeitsstrategie 2026–2030',
				'Unsere Maßnahmen für eine ökologische, ökonomische und soziale Zukunft – geplant von der AG Nachhaltigkeit.',
				'bis 6 Monate',
				'6–24 Monate',
				'über 2 Jahre',
				'Klimaneutral bis 2035',
				'Wirtschaften mit Verantwortung',
				'Gute Arbeit für alle',
				start - 20 * DAY,
				start - 20 * DAY
			).lastInsertRowid
		);

		// N actions, evenly over the nine cells, created in a random order over 400 days.
		const cellOf = shuffle(
			Array.from({ length: size }, (_, i) => CELLS[i % CELLS.length]),
			random
		);
		// Order keys per cell as the app makes them, handed out in a random order (people reorder).
		const keysByCell = new Map();
		for (const cell of CELLS) {
			const n = cellOf.filter((c) => c === cell).length;
			keysByCell.set(cellKey(cell), shuffle(generateNKeysBetween(null, null, n), random));
		}

		/** @type {[number, number, number, number, string, string][]} */
		const history = [];
		const live = [];
		let archivedCount = 0;
		let progressCount = 0;
		for (let i = 0; i < size; i++) {
			const cell = cellOf[i];
			const createdAt = start + Math.floor((i / size) * 380 * DAY) + between(0, DAY);
			const creator = pick(writers);
			const title = `${pick(TITLES[cell.dimension])} – ${pick(PLACES)}`;
			const sentences = between(1, 3);
			let description = Array.from({ length: sentences }, () => pick(SENTENCES)).join(' ');
			if (random() < 0.3)
				description += '\n\n- Ist-Stand erheben\n- Angebote einholen\n- **Umsetzen**';
			const r = random();
			const status = r < 0.45 ? 'planned' : r < 0.8 ? 'in_progress' : r < 0.95 ? 'done' : 'dropped';
			const due =
				random() < 0.7
					? isoDate(
							now +
								{ short: between(-60, 180), medium: between(90, 720), long: between(365, 1500) }[
									cell.horizon
								] *
									DAY
						)
					: null;
			const ownerCount = random() < 0.6 ? 1 : 2;
			const owners = shuffle([...userIds], random).slice(0, ownerCount);

			// The history: created, owners set, sometimes moved here from another cell, progress, archived.
			/** @type {SeedEvent[]} */
			const events = [];
			let t = createdAt;
			let version = 1;
			const movedFrom = random() < 0.3 ? pick(CELLS.filter((c) => c !== cell)) : null;
			const origin = movedFrom ?? cell;
			events.push({
				type: 'created',
				actor: creator,
				at: t,
				data: { title, dimension: origin.dimension, horizon: origin.horizon, version }
			});
			version++;
			events.push({
				type: 'owners_changed',
				actor: creator,
				at: t,
				data: { from: [], to: owners, version }
			});
			const bump = () => (t = Math.min(t + between(1, 20) * DAY + between(0, DAY), now - DAY));
			if (movedFrom) {
				bump();
				version++;
				events.push({
					type: 'moved',
					actor: pick(writers),
					at: t,
					data: { from: movedFrom, to: cell, index: between(0, 5), version }
				});
			}
			const entries = status === 'planned' ? (random() < 0.3 ? 1 : 0) : between(1, 3);
			const finalProgress = {
				planned: between(0, 10),
				in_progress: between(10, 90),
				done: 100,
				dropped: between(0, 60)
			}[status];
			let progress = 0;
			for (let e = 0; e < entries; e++) {
				bump();
				const last = e === entries - 1;
				const from = progress;
				progress = last ? finalProgress : Math.round((finalProgress * (e + 1)) / entries);
				const entryStatus =
					e === 0 && status !== 'planned'
						? 'in_progress'
						: last && status !== 'in_progress' && status !== 'planned'
							? status
							: null;
				const author = owners[0];
				version++;
				events.push({
					type: 'progress',
					actor: author,
					at: t,
					data: { progress, from, version, ...(entryStatus && { status: entryStatus }) },
					entry: { author, note: pick(NOTES), progress, status: entryStatus }
				});
			}
			const archived = random() < 0.1;
			if (archived) {
				bump();
				version++;
				events.push({ type: 'archived', actor: pick(writers), at: t, data: { version } });
			}

			const position = keysByCell.get(cellKey(cell)).pop();
			const id = Number(
				insertAction.run(
					boardId,
					title,
					description,
					cell.dimension,
					cell.horizon,
					position,
					status,
					progress,
					due,
					version,
					creator,
					createdAt,
					t,
					archived ? t : null
				).lastInsertRowid
			);
			for (const owner of owners) insertOwner.run(id, owner);
			for (const ev of events) {
				if (ev.entry) {
					insertProgress.run(
						id,
						ev.entry.author,
						ev.entry.note,
						ev.entry.progress,
						ev.entry.status,
						ev.at
					);
					progressCount++;
				}
				history.push([ev.at, boardId, id, ev.actor, ev.type, JSON.stringify(ev.data)]);
			}
			if (archived) archivedCount++;
			else live.push({ id, version, dimension: cell.dimension, horizon: cell.horizon });
		}
		const ideas = seedIdeas(sqlite, { count: size, userIds, live, start, random, pick, between });
		// Events in the order they happened, so ids grow with time as in real use.
		history.sort((a, b) => a[0] - b[0]);
		for (const [at, board, action, actor, type, data] of history) {
			insertEvent.run(board, action, actor, type, data, at);
		}
		return {
			boardId,
			adminId,
			memberId,
			live,
			archived: archivedCount,
			progressEntries: progressCount,
			events: history.length,
			ideas
		};
	})();

	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.close();
	return {
		...result,
		admin: { email: PEOPLE[0].email, password: BENCH_PASSWORD },
		member: { email: PEOPLE[1].email, password: BENCH_PASSWORD }
	};
}
