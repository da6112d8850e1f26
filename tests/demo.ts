// What the end-to-end servers are started with; playwright.config.ts and the tests share it.

/** Set E2E_PORT to run two suites side by side on one machine (each uses E2E_PORT and the next). */
const PORT = Number(process.env.E2E_PORT || 4173);
export const DEMO_URL = `http://127.0.0.1:${PORT}`;
export const EMPTY_URL = `http://127.0.0.1:${PORT + 1}`;

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
