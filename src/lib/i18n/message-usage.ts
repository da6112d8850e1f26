/**
 * Which message keys a set of pages uses: follows the pages' imports through `src` and collects
 * every `m.key` it meets. The message check uses it to know what Easy German must cover.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const IMPORT =
	/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const MESSAGE = /\bm\.([a-z][a-z0-9_]*)\b/g;
const EXTENSIONS = ['', '.ts', '.js', '.svelte', '/index.ts', '/index.js'];

/** The file an import names, or null when it lies outside `src` or is generated. */
function resolveImport(root: string, from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('$lib/')) base = join(root, 'src/lib', spec.slice(5));
	else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
	else return null;
	if (base.includes('/paraglide')) return null;
	for (const ext of EXTENSIONS) {
		const file = base + ext;
		if (existsSync(file) && statSync(file).isFile()) return file;
	}
	return null;
}

/** Every file of a route folder (pages, layouts, servers, local components), not its sub-routes. */
function routeFiles(dir: string): string[] {
	return readdirSync(dir)
		.map((name) => join(dir, name))
		.filter((file) => statSync(file).isFile() && /\.(svelte|ts|js)$/.test(file));
}

/**
 * The message keys used by the given route folders and files (relative to the project folder
 * `root`), and by everything they import.
 */
export function messagesUsedBy(root: string, entries: readonly string[]): Set<string> {
	const seen = new Set<string>();
	const keys = new Set<string>();
	const queue = entries.flatMap((entry) => {
		const path = join(root, entry);
		return statSync(path).isDirectory() ? routeFiles(path) : [path];
	});
	for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
		if (seen.has(file)) continue;
		seen.add(file);
		if (file.endsWith('.test.ts')) continue;
		const text = readFileSync(file, 'utf8');
		for (const match of text.matchAll(MESSAGE)) keys.add(match[1]!);
		for (const match of text.matchAll(IMPORT)) {
			const next = resolveImport(root, file, (match[1] ?? match[2])!);
			if (next && !seen.has(next)) queue.push(next);
		}
	}
	return keys;
}

/** The pages staff use most, which Easy German covers. */
export const STAFF_PAGES = [
	'src/routes/+layout.svelte',
	'src/routes/+error.svelte',
	'src/routes/(auth)',
	'src/routes/(auth)/login',
	'src/routes/(auth)/signin',
	'src/routes/(app)',
	'src/routes/(app)/upcoming',
	'src/routes/(app)/actions/[id]',
	'src/routes/(app)/ideas',
	'src/routes/(app)/ideas/[id]',
	'src/routes/(app)/ideas/new',
	'src/routes/(auth)/signin/[token]',
	'src/routes/(app)/notifications',
	'src/routes/(app)/settings'
];
