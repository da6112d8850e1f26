import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ precompress: true }),
		// Cross-site writes are refused in hooks.server.ts, which also lets scripts without an
		// Origin header sign in with `POST /login`.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
