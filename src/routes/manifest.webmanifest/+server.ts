import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { languageOf } from '$lib/locales';
import type { RequestHandler } from './$types';

/**
 * The web app manifest, in the reader's language (its description; the name is the same in
 * every language). Chromium installs the app from it: a name, icons of 192 and 512 pixels, where
 * it starts, and that it runs as an app of its own.
 */
export const GET: RequestHandler = () =>
	new Response(
		JSON.stringify({
			id: '/',
			name: 'Dreiklang',
			short_name: 'Dreiklang',
			description: m.app_description(),
			lang: languageOf(getLocale()),
			start_url: '/upcoming',
			scope: '/',
			display: 'standalone',
			background_color: '#f6f7f5',
			theme_color: '#1f5c45',
			icons: [
				{ src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
				{ src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
				{ src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
				{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }
			]
		}),
		{
			headers: {
				'content-type': 'application/manifest+json; charset=utf-8',
				'cache-control': 'no-cache',
				vary: 'cookie'
			}
		}
	);
