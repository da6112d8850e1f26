import { defineConfig } from '@playwright/test';
import type { ServerKind } from './tests/demo';

// Each worker starts its own server on its own fresh database (the `workerServer` fixture in
// tests/fixtures.ts); all of them serve `build/`, which the global setup refreshes when stale.
export default defineConfig<object, { serverKind: ServerKind }>({
	globalSetup: './tests/global-setup.ts',
	testDir: 'tests',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	reporter: 'list',
	use: {
		browserName: 'chromium',
		locale: 'de-DE',
		viewport: { width: 1280, height: 800 },
		trace: 'retain-on-failure',
		// The service worker would copy the whole app into every test's fresh browser; the tests of
		// the installable app (pwa.test.ts) allow it.
		serviceWorkers: 'block',
		launchOptions: {
			// Debian's Chromium; Playwright's own browser download cannot be reached from these machines.
			executablePath: '/usr/bin/chromium',
			args: [
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: [
		{
			// The first run on an empty database: /setup creates the first admin, once.
			name: 'first-run',
			testMatch: /setup\.test\.ts/,
			use: { serverKind: 'empty' }
		},
		{
			name: 'app',
			testIgnore: /setup\.test\.ts/,
			use: { serverKind: 'demo' }
		}
	]
});
