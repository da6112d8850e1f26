// Summarises a V8 CPU profile (`node --cpu-prof`): where the time went, by self time.
// Usage: node bench/profile.mjs <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a function lives, shortened: a package name, a file of the build, or node's own code. */
function place(url, root) {
	if (!url) return '(native)';
	if (url.startsWith('node:')) return url;
	let path = url;
	try {
		if (url.startsWith('file:')) path = fileURLToPath(url);
	} catch {
		// keep the URL as it is
	}
	const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
	if (pkg) return `${pkg[1]}/${pkg[2]}`;
	// The app's own code: the server build (the bench runs a copy of it under bench/tmp/app).
	const built = path.match(/(?:^|\/)(build\/.*)$/);
	if (built) return built[1];
	return root ? relative(root, path) : path;
}

/** Top functions by self time and the share of each package / area. */
export function summarizeProfile(file, { top = 25, root } = {}) {
	const profile = JSON.parse(readFileSync(file, 'utf8'));
	const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
	const selfByNode = new Map();
	let total = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const dt = profile.timeDeltas[i] ?? 0;
		selfByNode.set(profile.samples[i], (selfByNode.get(profile.samples[i]) ?? 0) + dt);
		total += dt;
	}
	const byFunction = new Map();
	const byArea = new Map();
	for (const [id, micros] of selfByNode) {
		const { callFrame } = byNode.get(id);
		const where = place(callFrame.url, root);
		const name = callFrame.functionName || '(anonymous)';
		const key = `${name}  ${where}:${callFrame.lineNumber + 1}`;
		byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
		let area = where.startsWith('node:') ? 'node internals' : where.split('/')[0];
		if (where.startsWith('build/')) area = 'the app (build/)';
		if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') area = name;
		if (where.startsWith('@')) area = where.split('/').slice(0, 2).join('/');
		byArea.set(area, (byArea.get(area) ?? 0) + micros);
	}
	const rank = (map, n) =>
		[...map]
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([what, micros]) => ({
				what,
				ms: Math.round(micros / 1000),
				share: Math.round((micros / total) * 1000) / 10
			}));
	return {
		totalMs: Math.round(total / 1000),
		functions: rank(byFunction, top),
		areas: rank(byArea, 12)
	};
}

export function printProfile(summary) {
	console.log(`CPU profile: ${summary.totalMs} ms sampled`);
	console.log('  by area (self time):');
	for (const a of summary.areas) console.log(`    ${String(a.share).padStart(5)} %  ${a.what}`);
	console.log('  top functions (self time):');
	for (const f of summary.functions) {
		console.log(`    ${String(f.share).padStart(5)} %  ${String(f.ms).padStart(6)} ms  ${f.what}`);
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const [file, top] = process.argv.slice(2);
	if (!file) {
		console.error('usage: node bench/profile.mjs <file.cpuprofile> [top]');
		process.exit(2);
	}
	printProfile(summarizeProfile(file, { top: Number(top) || 25, root: process.cwd() }));
}
