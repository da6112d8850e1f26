import { RateLimiterMemory } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins per account and per address. Once either is used up, sign-in is refused
 * (HTTP 429) until the window has passed — even with the right password, so guessing cannot go on.
 * In memory: one server process is how Dreiklang runs.
 */
export class SignInThrottle {
	#perAccount: RateLimiterMemory;
	#perAddress: RateLimiterMemory;

	constructor(accountAttempts = 5, addressAttempts = 50) {
		this.#perAccount = new RateLimiterMemory({
			keyPrefix: 'account',
			points: accountAttempts,
			duration: WINDOW_SECONDS
		});
		this.#perAddress = new RateLimiterMemory({
			keyPrefix: 'address',
			points: addressAttempts,
			duration: WINDOW_SECONDS
		});
	}

	/** Seconds until sign-in is allowed again, or 0 when it is allowed now. */
	async retryAfter(email: string, address: string): Promise<number> {
		const [account, ip] = await Promise.all([
			this.#perAccount.get(email.toLowerCase()),
			this.#perAddress.get(address)
		]);
		const waits = [
			account && account.consumedPoints >= this.#perAccount.points ? account.msBeforeNext : 0,
			ip && ip.consumedPoints >= this.#perAddress.points ? ip.msBeforeNext : 0
		];
		return Math.ceil(Math.max(...waits) / 1000);
	}

	async recordFailure(email: string, address: string): Promise<void> {
		// consume() rejects once the points are used up; that is the state retryAfter() reports.
		await Promise.allSettled([
			this.#perAccount.consume(email.toLowerCase()),
			this.#perAddress.consume(address)
		]);
	}

	async recordSuccess(email: string): Promise<void> {
		await this.#perAccount.delete(email.toLowerCase());
	}
}

export const signInThrottle = new SignInThrottle();
