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
}

const DEFAULT_LIMITS: ThrottleLimits = {
	freeFailures: 3,
	maxDelayMs: 60_000,
	addressAttempts: 50,
	addressWindowSeconds: 15 * 60
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
}

export type ThrottleRefusal = {
	ok: false;
	retryAfterSeconds: number;
	reason: 'account' | 'address';
};

/** A reserved attempt: say how the password check went. */
export interface SignInAttempt {
	ok: true;
	succeeded(): Promise<void>;
}

/**
 * Slows down guessing at passwords. Every attempt is counted *before* the password is checked,
 * so parallel guesses are counted too.
 *
 * - Per account: after a few failures each further attempt must wait, twice as long each time,
 *   up to a minute — a delay, never a lock-out. A device the person signed in on before counts
 *   separately (`device`), so guessing by others never keeps them out there.
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
	 * Reserves one attempt at `email` from `address` — or says how long to wait. `device` is the
	 * id of a device the account has signed in on before, when the request comes from one.
	 */
	async begin(
		email: string,
		address: string,
		device?: string,
		now = Date.now()
	): Promise<SignInAttempt | ThrottleRefusal> {
		const key = device ? `${email.toLowerCase()}\n${device}` : email.toLowerCase();
		const state = this.#state(key, now);
		if (now < state.nextAt) {
			return {
				ok: false,
				reason: 'account',
				retryAfterSeconds: Math.ceil((state.nextAt - now) / 1000)
			};
		}
		// Counted as a failure until it turns out to be none; synchronous, so parallel requests queue.
		state.failures += 1;
		state.lastAt = now;
		state.nextAt = now + this.#delayAfter(state.failures);
		try {
			await this.#perAddress.consume(address);
		} catch (res) {
			if (!(res instanceof RateLimiterRes)) throw res;
			state.failures -= 1;
			state.nextAt = now + this.#delayAfter(state.failures);
			return {
				ok: false,
				reason: 'address',
				retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000)
			};
		}
		return {
			ok: true,
			succeeded: async () => {
				this.#accounts.delete(key);
				await this.#perAddress.reward(address);
			}
		};
	}

	#delayAfter(failures: number): number {
		const { freeFailures, maxDelayMs } = this.#limits;
		if (failures < freeFailures) return 0;
		return Math.min(1000 * 2 ** (failures - freeFailures), maxDelayMs);
	}

	#state(key: string, now: number): AccountState {
		let state = this.#accounts.get(key);
		if (state && now - state.lastAt > FORGET_AFTER_MS) state = undefined;
		if (!state) state = { failures: 0, nextAt: 0, lastAt: now };
		// Re-inserted, so the map's order is the order of last use.
		this.#accounts.delete(key);
		this.#accounts.set(key, state);
		if (this.#accounts.size > MAX_TRACKED) {
			this.#accounts.delete(this.#accounts.keys().next().value!);
		}
		return state;
	}
}

export const signInThrottle = new SignInThrottle();
