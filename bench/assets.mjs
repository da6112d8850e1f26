// What a route ships to the browser: the JavaScript and CSS its server-rendered HTML loads,
// plus everything those modules import statically, each gzipped on its own and summed.
import { gzipSync } from 'node:zlib';
import { request } from './http.mjs';

const attr = (tag, name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i'))?.[1];

/**
 * The script and stylesheet URLs a page loads: `<link rel="modulepreload|stylesheet">`, script
 * `src` and inline `import()`, and the same in the `Link` header, where SvelteKit puts its
 * preloads when it can (then they are missing from the HTML).
 */
export function pageAssets(html, pageUrl, linkHeader = '') {
	const js = new Set();
	const css = new Set();
	for (const part of linkHeader.split(/,\s*(?=<)/)) {
		const href = part.match(/^<([^>]+)>/)?.[1];
		if (!href) continue;
		const rel = part.match(/;\s*rel="?([^";]+)"?/i)?.[1].toLowerCase();
		const as = part.match(/;\s*as="?([^";]+)"?/i)?.[1].toLowerCase();
		if (rel === 'modulepreload') js.add(new URL(href, pageUrl).href);
		else if (rel === 'preload' && as === 'style') css.add(new URL(href, pageUrl).href);
		else if (rel === 'preload' && as === 'script') js.add(new URL(href, pageUrl).href);
	}
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = attr(tag, 'rel')?.toLowerCase();
		const href = attr(tag, 'href');
		if (!href) continue;
		if (rel === 'modulepreload') js.add(new URL(href, pageUrl).href);
		else if (rel === 'stylesheet') css.add(new URL(href, pageUrl).href);
	}
	for (const [, open, inline] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const src = attr(open, 'src');
		if (src) js.add(new URL(src, pageUrl).href);
		for (const [, spec] of inline.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
			js.add(new URL(spec, pageUrl).href);
		}
	}
	return { js, css };
}

/** Static imports of an ES module (`import … from "x"`, `import "x"`, `export … from "x"`). */
function staticImports(code, moduleUrl) {
	const found = [];
	const spec = String.raw`((?:\.{1,2})?\/[^"'\s]+\.m?js)`;
	const pattern = new RegExp(String.raw`\bfrom\s*["']${spec}["']|\bimport\s*["']${spec}["']`, 'g');
	for (const m of code.matchAll(pattern)) {
		found.push(new URL(m[1] ?? m[2], moduleUrl).href);
	}
	return found;
}

/** Downloads assets once and remembers their raw and gzipped sizes. */
export class AssetSizer {
	constructor(cookie) {
		this.cookie = cookie;
		this.files = new Map();
	}

	async file(url) {
		if (!this.files.has(url)) {
			this.files.set(
				url,
				request(url, { headers: { cookie: this.cookie, 'accept-encoding': 'identity' } }).then(
					(res) => {
						if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
						return {
							code: res.body.toString('utf8'),
							raw: res.body.length,
							gzip: gzipSync(res.body, { level: 9 }).length
						};
					}
				)
			);
		}
		return this.files.get(url);
	}

	/** JavaScript and CSS of one page, in bytes (raw and gzipped), with the files counted. */
	async route(pageUrl, cookie) {
		const res = await request(pageUrl, { headers: { cookie, accept: 'text/html' } });
		if (res.status !== 200) throw new Error(`GET ${pageUrl} answered ${res.status}`);
		const { js, css } = pageAssets(res.body.toString('utf8'), pageUrl, res.headers.link);
		const queue = [...js];
		while (queue.length) {
			const url = queue.shift();
			const { code } = await this.file(url);
			for (const dep of staticImports(code, url)) {
				if (!js.has(dep)) {
					js.add(dep);
					queue.push(dep);
				}
			}
		}
		const total = async (urls) => {
			const sizes = await Promise.all(
				[...urls].map(async (u) => ({ url: u, ...(await this.file(u)) }))
			);
			return {
				files: sizes.length,
				raw: sizes.reduce((n, s) => n + s.raw, 0),
				gzip: sizes.reduce((n, s) => n + s.gzip, 0),
				largest: sizes
					.sort((a, b) => b.gzip - a.gzip)
					.slice(0, 5)
					.map((s) => ({ file: new URL(s.url).pathname, gzip: s.gzip }))
			};
		};
		return { js: await total(js), css: await total(css), html: res.body.length };
	}
}
