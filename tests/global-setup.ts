// Builds once before any worker starts: each worker's server would otherwise find a stale build
// and run `vite build` into the same folder at the same time as the others.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export default async function globalSetup() {
	// Imported by URL: the plain JavaScript of scripts/ stays outside the type check.
	const serve = pathToFileURL(resolve(import.meta.dirname, '../scripts/serve.js')).href;
	const { buildIfNeeded } = (await import(serve)) as { buildIfNeeded: () => void };
	buildIfNeeded();
}
