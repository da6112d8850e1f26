import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** How sign-in attempts are slowed down; the defaults follow OWASP's advice against lock-out. */
export interface ThrottleLimits {
	/** Failed attempts per account (and device) before each further one has to wait. */
	freeFailures: number;
	/** The longest wait between two attempts on one account: a slow-down, never a lock-out. */
	maxDelayMs: number;
	/** Attempts from one address per window — a hard limit against guessing at many accounts. */
	addressAttempts: number;
	addressWindowSeconds: number;
	/** Attempts at one account that may wait for their turn; more are refused at once. */
	maxWaiting: number;
}

const DEFAULT_LIMITS: ThrottleLimits = {
	freeFailures: 3,
	maxDelayMs: 60_000,
	addressAttempts: 50,
	addressWindowSeconds: 15 * 60,
	maxWaiting: 20
};

/** Failures of one account are forgotten a day after the last one. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
/** At most this many accounts are tracked; the longest untouched go first. */
const MAX_TRACKED = 10_000;

interface AccountState {
	failures: number;
	/** No attempt before this time (ms). */
	nextAt: number;
	lastAt: number;
	/** Settles when the attempt before has been checked: attempts at one account take turns. */
	turn: Promise<void>;
	waiting: number;
}

export type ThrottleRefusal = {
	ok: false;
	retryAfterSeconds: number;
	reason: 'account' | 'address';
};

export type ThrottledResult<T> = { ok: true; value: T | null } | ThrottleRefusal;

/**
 * Slows down guessing at passwords.
 *
 * - Per account: attempts take turns, so each sees how the one before it went — forty guesses
 *   sent at once are checked one after the other, not side by side. After a few failures each
 *   further attempt must wait, twice as long each time, up to a minute: a delay, never a
 *   lock-out. A device the person signed in on before counts separately (`device`), so guessing
 *   by others never keeps them out there. Right passwords sent at once all get in, in turn.
 * - Per address: a hard limit on attempts, whatever the accounts.
 *
 * In memory: one server process is how Dreiklang runs.
 */
export class SignInThrottle {
	#limits: ThrottleLimits;
	#accounts = new Map<string, AccountState>();
	#perAddress: RateLimiterMemory;

	constructor(limits: Partial<ThrottleLimits> = {}) {
		this.#limits = { ...DEFAULT_LIMITS, ...limits };
		this.#perAddress = new RateLimiterMemory({
			keyPrefix: 'address',
			points: this.#limits.addressAttempts,
			duration: this.#limits.addressWindowSeconds
		});
	}

	/**
	 * Runs `check` (the password check, which gives the person or null) as one attempt at `email`
	 * from `address` when its turn comes and no wait is due — or says how long to wait. `device`
	 * is the id of a device the account has signed in on before, when the request comes from one.
	 * `clock` is for tests.
	 */
	async attempt<T>(
		email: string,
		address: string,
		device: string | undefined,
		check: () => Promise<T | null>,
		clock: () => number = Date.now
	): Promise<ThrottledResult<T>> {
		const key = device ? `${email.toLowerCase()}\n${device}` : email.toLowerCase();
		const state = this.#state(key, clock());
		if (state.waiting >= this.#limits.maxWaiting) return this.#refusal(state, clock());
		const previous = state.turn;
		let release!: () => void;
		state.turn = new Promise((done) => (release = done));
		state.waiting += 1;
		try {
			await previous;
			const now = clock();
			if (now < state.nextAt) return this.#refusal(state, now);
			try {
				await this.#perAddress.consume(address);
			} catch (res) {
				if (!(res instanceof RateLimiterRes)) throw res;
				return {
					ok: false,
					reason: 'address',
					retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000)
				};
			}
			const value = await check();
			state.lastAt = clock();
			if (value === null) {
				state.failures += 1;
				state.nextAt = state.lastAt + this.#delayAfter(state.failures);
			} else {
				state.failures = 0;
				state.nextAt = 0;
				await this.#perAddress.reward(address);
			}
			return { ok: true, value };
		} finally {
			state.waiting -= 1;
			release();
		}
	}

	#refusal(state: AccountState, now: number): ThrottleRefusal {
		const seconds = Math.max(1, Math.ceil((state.nextAt - now) / 1000));
		return { ok: false, reason: 'account', retryAfterSeconds: seconds };
	}

	#delayAfter(failures: number): number {
		const { freeFailures, maxDelayMs } = this.#limits;
		if (failures < freeFailures) return 0;
		return Math.min(1000 * 2 ** (failures - freeFailures), maxDelayMs);
	}

	#state(key: string, now: number): AccountState {
		let state = this.#accounts.get(key);
		if (state && state.waiting === 0 && now - state.lastAt > FORGET_AFTER_MS) state = undefined;
		state ??= { failures: 0, nextAt: 0, lastAt: now, turn: Promise.resolve(), waiting: 0 };
		// Re-inserted, so the map's order is the order of last use.
		this.#accounts.delete(key);
		this.#accounts.set(key, state);
		if (this.#accounts.size > MAX_TRACKED) {
			const [oldestKey, oldest] = this.#accounts.entries().next().value!;
			if (oldest.waiting === 0) this.#accounts.delete(oldestKey);
		}
		return state;
	}
}

export const signInThrottle = new SignInThrottle();
