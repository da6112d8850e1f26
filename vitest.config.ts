import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { intlCachePlugin } from './scripts/intl-cache.js';

// Messages are compiled by `npm run i18n` (part of `prepare` and `check`); the Paraglide Vite
// plugin is left out here because its file watchers keep the test run from exiting.
export default defineConfig({
	plugins: [sveltekit(), intlCachePlugin()],
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// argon2 hashing is deliberately slow; server tests hash real passwords.
		testTimeout: 20_000
	}
});
