// Prints a results file as the Markdown tables of docs/BENCHMARKS.md.
// Usage: node bench/markdown.mjs [bench/results/latest.json]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { markdownTable } from './report.mjs';

const file = resolve(process.argv[2] ?? 'bench/results/latest.json');
const results = JSON.parse(readFileSync(file, 'utf8'));
const { machine, app } = results;

console.log(
	`Measured ${results.date.slice(0, 10)} (${results.mode} run) on ${machine.os}, ${machine.cpu}, ` +
		`${machine.cores} cores, ${machine.memoryGB} GB RAM, Node ${machine.node}; app at ${app.commit}` +
		`${app.uncommittedChanges ? ' with uncommitted changes' : ''}.\n`
);
console.log(markdownTable(results.table));
if (results.assets) {
	console.log(
		'\n| route | JS gzip | JS files | CSS gzip | CSS files |\n| --- | ---: | ---: | ---: | ---: |'
	);
	for (const [route, a] of Object.entries(results.assets)) {
		console.log(
			`| \`${route}\` | ${(a.js.gzip / 1000).toFixed(1)} KB | ${a.js.files} | ${(a.css.gzip / 1000).toFixed(1)} KB | ${a.css.files} |`
		);
	}
}
console.log('\n| bar (DESIGN.md) | measured | result |\n| --- | ---: | --- |');
for (const b of results.bars) {
	const value = b.value === null ? 'not measured' : `${b.value.toLocaleString('en-US')} ${b.unit}`;
	console.log(
		`| ${b.bar} | ${value} | ${b.pass === null ? 'n/a' : b.pass ? 'pass' : '**fail**'} |`
	);
}
