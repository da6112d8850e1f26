import { defineConfig } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_URL, EMPTY_URL } from './tests/demo';

// Expects a fresh `build/` (npx vite build); both servers serve it.
const removeEmptyDatabase = ['.e2e/empty.db', '.e2e/empty.db-wal', '.e2e/empty.db-shm']
	.map((file) => `require('fs').rmSync('${file}',{force:true})`)
	.join(';');

export default defineConfig({
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
			use: { baseURL: EMPTY_URL }
		},
		{
			name: 'app',
			testIgnore: /setup\.test\.ts/,
			use: { baseURL: DEMO_URL }
		}
	],
	webServer: [
		{
			// Recreates .e2e/demo.db with the demo users and board 1 on every start.
			command: 'npx tsx scripts/demo.ts',
			url: `${DEMO_URL}/health`,
			env: {
				DATABASE_PATH: '.e2e/demo.db',
				PORT: new URL(DEMO_URL).port,
				HOST: '127.0.0.1',
				DEMO_PASSWORD
			},
			reuseExistingServer: false,
			timeout: 120_000
		},
		{
			command: `node -e "${removeEmptyDatabase}" && node scripts/start.js`,
			url: `${EMPTY_URL}/health`,
			env: {
				DATABASE_PATH: '.e2e/empty.db',
				PORT: new URL(EMPTY_URL).port,
				HOST: '127.0.0.1'
			},
			reuseExistingServer: false,
			timeout: 120_000
		}
	]
});
