// What the end-to-end servers are started with; the fixtures and the tests share it.

/**
 * Set E2E_PORT to run two suites side by side on one machine: each suite uses the 40 ports from
 * E2E_PORT on. Every worker starts its own server (tests/worker-server.ts): a demo server on
 * E2E_PORT + 10 + its slot, an empty one on E2E_PORT + 20 + its slot. Tests that start servers of
 * their own (backups, crashes) use E2E_PORT + 30 to + 39.
 */
const PORT = Number(process.env.E2E_PORT || 4173);

/**
 * Where the suite's ports start. No server answers here: a test reaches its worker's own server
 * through Playwright's `baseURL` (relative URLs, `page.request`, the `request` fixture).
 */
export const DEMO_URL = `http://127.0.0.1:${PORT}`;
export const EMPTY_URL = `http://127.0.0.1:${PORT + 1}`;

/** `demo`: the demo users and board 1, fresh for each worker; `empty`: nobody yet (→ /setup). */
export type ServerKind = 'demo' | 'empty';

/** A worker slot (Playwright's parallelIndex, below the number of workers) gets the same port again. */
export function workerPort(kind: ServerKind, slot: number): number {
	if (slot >= 10) throw new Error(`Worker slot ${slot}: the suite has ports for 10 workers.`);
	return PORT + (kind === 'demo' ? 10 : 20) + slot;
}

/** Port `n` (0–9) of the ones left to tests that start servers of their own. */
export function ownServerPort(n: number): number {
	if (n < 0 || n >= 10) throw new Error(`Own server port ${n}: the suite has 10 of them.`);
	return PORT + 30 + n;
}

/** The password of every demo account (scripts/demo.ts reads DEMO_PASSWORD). */
export const DEMO_PASSWORD = 'demo-password-e2e';

export const ROLES = ['admin', 'member', 'leader', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/** The four demo accounts that `npm run demo` creates. */
export const DEMO_USERS: Record<Role, { email: string; name: string }> = {
	admin: { email: 'admin@example.org', name: 'Jana Albers' },
	member: { email: 'member@example.org', name: 'Tobias Brandt' },
	leader: { email: 'leader@example.org', name: 'Ulrike Sommerfeld' },
	staff: { email: 'staff@example.org', name: 'Deniz Aksoy' }
};

/** Where each role lands after signing in on `/`. */
export const LANDING: Record<Role, string> = {
	admin: '/boards/1',
	member: '/boards/1',
	leader: '/roadmap',
	staff: '/upcoming'
};
