import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { intlCachePlugin } from './scripts/intl-cache.js';

export default defineConfig({
	plugins: [
		sveltekit(),
		intlCachePlugin(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The signed-in user's language is written to the cookie at sign-in and in settings.
			strategy: ['cookie', 'baseLocale']
		})
	]
});
