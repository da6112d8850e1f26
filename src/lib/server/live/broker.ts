import { asc, eq, gt, and, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { prepared } from '../db/prepared';
import { events, users } from '../db/schema';
import type { Subscriber } from '../events/subscribers';
import { isBoardEvent, type CommittedEvent, type IdeaChanged } from '../events/types';
import { getAction } from '../domain/action-view';
import { getBoard } from '../domain/boards';
import { boardView } from '../domain/board-actions';
import { unreadCount } from '../domain/notifications';

/** A client that missed more than this many changes reloads the board instead of replaying them. */
export const CATCH_UP_LIMIT = 500;
const HEARTBEAT_MS = 15_000;

/** A stream of the ideas' changes; every stream closes when its session ends. */
export interface IdeaSubscriber {
	sessionId: string | null;
	/** Writes a chunk of the event stream (encoded once for all streams); must not throw. */
	send: (chunk: Uint8Array) => void;
	/** Ends the stream (the subscriber is then removed). */
	close: () => void;
}

export interface LiveSubscriber extends IdeaSubscriber {
	boardId: number;
	user: { id: number; name: string };
}

type EventRow = {
	id: number;
	boardId: number;
	actionId: number | null;
	actorId: number | null;
	type: string;
	data: { version?: number };
	actor: string | null;
};

const eventColumns = {
	id: events.id,
	boardId: events.boardId,
	actionId: events.actionId,
	actorId: events.actorId,
	type: events.type,
	data: events.data,
	actor: users.name
};

/** One change as the stream sends it: `id:` for resuming, `data:` the JSON of DESIGN.md. */
function formatChange(db: Conn, row: EventRow): string {
	const payload: Record<string, unknown> = {
		type: row.type,
		actionId: row.actionId,
		version: row.data.version ?? null,
		by: row.actorId,
		byName: row.actor
	};
	if (row.actionId !== null) {
		const action = getAction(db, row.actionId);
		if (action) payload.action = action;
	} else if (row.type === 'frame_changed') {
		const board = getBoard(db, row.boardId);
		if (board) payload.board = boardView(board);
	}
	return `id: ${row.id}\ndata: ${JSON.stringify(payload)}\n\n`;
}

const encoder = new TextEncoder();

/** What a bell's stream sends: the person's unread count. */
export const unreadMessage = (unread: number) => `data: ${JSON.stringify({ unread })}\n\n`;

const named = (event: string, data: unknown) =>
	`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

const actorName = (db: Conn) =>
	db
		.select({ name: users.name })
		.from(users)
		.where(eq(users.id, sql.placeholder('id')))
		.prepare();

/**
 * The in-process broker of live board streams (and of the ideas pages' streams), a subscriber of the commit seam: once a change
 * is committed it sends each of its board events, formatted once, to every open stream of that
 * board, and closes the streams of sessions that ended. Event ids come from the history table,
 * so a stream that reconnects with `Last-Event-ID` is caught up from the same source.
 */
export class LiveBoards {
	#byBoard = new Map<number, Set<LiveSubscriber>>();
	/** Streams of the ideas pages: they hear of every idea's change. */
	#ideas = new Set<IdeaSubscriber>();
	/** Streams of people's bells: each hears its person's unread count when it changes. */
	#bells = new Map<number, Set<IdeaSubscriber>>();
	#count = 0;
	#heartbeat: ReturnType<typeof setInterval> | undefined;

	/** What the server registers with the commit seam at start-up. */
	readonly subscriber: Subscriber = {
		name: 'live-boards',
		afterCommit: (committed, db) => this.publish(db, committed)
	};

	get openStreams() {
		return this.#count;
	}

	#opened() {
		if (this.#count++ === 0) {
			this.#heartbeat = setInterval(() => this.#beat(), HEARTBEAT_MS);
			this.#heartbeat.unref?.();
		}
	}

	#closed() {
		if (--this.#count === 0) clearInterval(this.#heartbeat);
	}

	/** Registers a stream of the ideas' changes; returns what ends the registration. */
	subscribeIdeas(subscriber: IdeaSubscriber): () => void {
		this.#opened();
		this.#ideas.add(subscriber);
		let done = false;
		return () => {
			if (done) return;
			done = true;
			this.#ideas.delete(subscriber);
			this.#closed();
		};
	}

	/** Registers the stream of a person's bell; returns what ends the registration. */
	subscribeBell(userId: number, subscriber: IdeaSubscriber): () => void {
		this.#opened();
		let set = this.#bells.get(userId);
		if (!set) this.#bells.set(userId, (set = new Set()));
		set.add(subscriber);
		let done = false;
		return () => {
			if (done) return;
			done = true;
			set.delete(subscriber);
			if (set.size === 0) this.#bells.delete(userId);
			this.#closed();
		};
	}

	/** Registers a stream; returns what ends the registration. */
	subscribe(subscriber: LiveSubscriber): () => void {
		this.#opened();
		let set = this.#byBoard.get(subscriber.boardId);
		if (!set) this.#byBoard.set(subscriber.boardId, (set = new Set()));
		set.add(subscriber);
		this.#sendPresence(subscriber.boardId);

		let done = false;
		return () => {
			if (done) return;
			done = true;
			set.delete(subscriber);
			if (set.size === 0) this.#byBoard.delete(subscriber.boardId);
			this.#closed();
			this.#sendPresence(subscriber.boardId);
		};
	}

	/** Sends committed changes to the streams of their boards; ends the streams of ended sessions. */
	publish(db: Conn, committed: readonly CommittedEvent[]) {
		if (this.#count === 0) return;
		for (const event of committed) {
			if (event.type === 'idea_changed') {
				this.#sendIdea(event);
				continue;
			}
			if (event.type === 'notifications_changed') {
				this.#sendUnread(db, event.userIds);
				continue;
			}
			if (event.type === 'sessions_ended') {
				const ended = new Set(event.sessionIds);
				this.#closeWhere((s) => s.sessionId !== null && ended.has(s.sessionId));
				continue;
			}
			if (!isBoardEvent(event)) continue;
			const subscribers = this.#byBoard.get(event.boardId);
			if (!subscribers) continue;
			const actor =
				event.actorId === null
					? null
					: (prepared(db, actorName).get({ id: event.actorId })?.name ?? null);
			const chunk = encoder.encode(formatChange(db, { ...event, actor }));
			for (const s of subscribers) s.send(chunk);
		}
	}

	/**
	 * What a stream that last saw `lastId` has missed on a board: the changes to replay, or a
	 * `reload` signal when there are too many — never a silently stale board.
	 */
	catchUp(db: Conn, boardId: number, lastId: number): string[] {
		const rows = db
			.select(eventColumns)
			.from(events)
			.leftJoin(users, eq(users.id, events.actorId))
			.where(and(eq(events.boardId, boardId), gt(events.id, lastId)))
			.orderBy(asc(events.id))
			.limit(CATCH_UP_LIMIT + 1)
			.all();
		if (rows.length > CATCH_UP_LIMIT) {
			const last = rows.at(-1)!.id;
			return [`id: ${last}\n${named('reload', { reason: 'missed-too-much' })}`];
		}
		return rows.map((row) => formatChange(db, row));
	}

	/** Who has a board open right now, each person once. */
	presence(boardId: number): { id: number; name: string }[] {
		const people = new Map<number, string>();
		for (const s of this.#byBoard.get(boardId) ?? []) people.set(s.user.id, s.user.name);
		return [...people]
			.map(([id, name]) => ({ id, name }))
			.sort((a, b) => a.name.localeCompare(b.name));
	}

	#sendPresence(boardId: number) {
		const subscribers = this.#byBoard.get(boardId);
		if (!subscribers) return;
		const chunk = encoder.encode(named('presence', this.presence(boardId)));
		for (const s of subscribers) s.send(chunk);
	}

	/** What an ideas page needs to know to load anew: which idea changed, how, by whom. */
	#sendIdea(event: IdeaChanged) {
		if (this.#ideas.size === 0) return;
		const { ideaId, change, version, actorId } = event;
		const chunk = encoder.encode(
			`data: ${JSON.stringify({ type: event.type, ideaId, change, version, by: actorId })}\n\n`
		);
		for (const s of this.#ideas) s.send(chunk);
	}

	/** Tells each open bell of these people how many of their notifications are unread. */
	#sendUnread(db: Conn, userIds: readonly number[]) {
		for (const userId of new Set(userIds)) {
			const bells = this.#bells.get(userId);
			if (!bells) continue;
			const chunk = encoder.encode(unreadMessage(unreadCount(db, userId)));
			for (const s of bells) s.send(chunk);
		}
	}

	*#everyStream(): Iterable<IdeaSubscriber> {
		for (const set of this.#byBoard.values()) yield* set;
		yield* this.#ideas;
		for (const set of this.#bells.values()) yield* set;
	}

	#closeWhere(match: (s: IdeaSubscriber) => boolean) {
		for (const s of [...this.#everyStream()]) if (match(s)) s.close();
	}

	/** A comment line now and then keeps proxies from closing quiet streams. */
	#beat() {
		const ping = encoder.encode(': ping\n\n');
		for (const s of this.#everyStream()) s.send(ping);
	}
}

/** The one broker of this server process. */
export const liveBoards = new LiveBoards();

/** The newest event id of a board (0 without any): where a freshly loaded page's stream starts. */
export function latestEventId(db: Conn, boardId: number): number {
	return prepared(db, latestEventQuery).get({ boardId })?.id ?? 0;
}

const latestEventQuery = (db: Conn) =>
	db
		.select({ id: sql<number>`max(${events.id})` })
		.from(events)
		.where(eq(events.boardId, sql.placeholder('boardId')))
		.prepare();
