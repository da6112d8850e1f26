import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ precompress: true }),
		// Cross-site writes are refused in hooks.server.ts, which also lets scripts without an
		// Origin header sign in with `POST /login`.
		csrf: { trustedOrigins: ['*'] },
		// Only the app's own scripts run: SvelteKit gives each page's inline start-up script a
		// nonce. Styles may be inline (Svelte's transitions and `style:` need it); nothing may frame
		// the app, and forms post only to it.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
