// The bench's table, growth ratios and the quality bars of DESIGN.md.

const KB = 1000;
const MB = 1000 * 1000;

/** Rows of the table: label, unit, and how to read the figure from one size's results. */
export const METRICS = [
	['Board page /boards/1, median (c=1)', 'ms', (r) => r.page?.c1.latency.median],
	['Board page /boards/1, p99 (c=1)', 'ms', (r) => r.page?.c1.latency.p99],
	['Board page /boards/1, req/s (c=10)', '/s', (r) => r.page?.c10.perSecond],
	['Board page HTML', 'KB', (r) => r.page && r.page.htmlBytes / KB],
	['Board page cards rendered', '', (r) => r.page?.cards],
	['Board ?show=all, median (c=1)', 'ms', (r) => r.pageAll?.c1.latency.median],
	['Board ?show=all, p99 (c=1)', 'ms', (r) => r.pageAll?.c1.latency.p99],
	['Board ?show=all, req/s (c=10)', '/s', (r) => r.pageAll?.c10.perSecond],
	['Board ?show=all, p99 (c=10)', 'ms', (r) => r.pageAll?.c10.latency.p99],
	['Board ?show=all HTML', 'KB', (r) => r.pageAll && r.pageAll.htmlBytes / KB],
	['Board ?show=all cards rendered', '', (r) => r.pageAll?.cards],
	['Board ?show=all gzip, median (c=1)', 'ms', (r) => r.pageAllGzip?.c1.latency.median],
	['Board ?show=all gzip, req/s (c=10)', '/s', (r) => r.pageAllGzip?.c10.perSecond],
	['Board ?show=all gzip, p99 (c=10)', 'ms', (r) => r.pageAllGzip?.c10.latency.p99],
	['Board ?show=all gzip, bytes sent', 'KB', (r) => r.pageAllGzip && r.pageAllGzip.wireBytes / KB],
	['Ideas page /ideas, median (c=1)', 'ms', (r) => r.ideasPage?.c1.latency.median],
	['Ideas page /ideas, p99 (c=1)', 'ms', (r) => r.ideasPage?.c1.latency.p99],
	['Ideas page /ideas, req/s (c=10)', '/s', (r) => r.ideasPage?.c10.perSecond],
	['GET /api/ideas, median (c=1)', 'ms', (r) => r.ideasApi?.c1.latency.median],
	['Report page /reports, median (c=1)', 'ms', (r) => r.reportPage?.c1.latency.median],
	['Report page /reports, req/s (c=10)', '/s', (r) => r.reportPage?.c10?.perSecond],
	['Report XLSX, median (c=1)', 'ms', (r) => r.reportXlsx?.c1.latency.median],
	['Report XLSX', 'KB', (r) => r.reportXlsx && r.reportXlsx.bytes / KB],
	['GET /api/ideas JSON', 'KB', (r) => r.ideasApi && r.ideasApi.bytes / KB],
	['GET /api/boards/1, median (c=1)', 'ms', (r) => r.api?.c1.latency.median],
	['GET /api/boards/1, p99 (c=1)', 'ms', (r) => r.api?.c1.latency.p99],
	['GET /api/boards/1, req/s (c=10)', '/s', (r) => r.api?.c10.perSecond],
	['GET /api/boards/1 JSON', 'KB', (r) => r.api && r.api.jsonBytes / KB],
	['Move, median (c=1)', 'ms', (r) => r.move?.c1.latency.median],
	['Move, p99 (c=1)', 'ms', (r) => r.move?.c1.latency.p99],
	['Moves/s (c=10)', '/s', (r) => r.move?.c10.perSecond],
	['Move, median (c=10)', 'ms', (r) => r.move?.c10.latency.median],
	['Move, p99 (c=10)', 'ms', (r) => r.move?.c10.latency.p99],
	['Move errors / non-2xx', '', (r) => r.move?.errors],
	['Progress entry, median (c=1)', 'ms', (r) => r.progress?.c1.latency.median],
	['Progress entry, p99 (c=1)', 'ms', (r) => r.progress?.c1.latency.p99],
	["Live: event after the move's answer, median", 'ms', (r) => r.live?.afterAnswer.median],
	["Live: event after the move's answer, p99", 'ms', (r) => r.live?.afterAnswer.p99],
	['Live: event after the move was sent, median', 'ms', (r) => r.live?.afterSend.median],
	['Live: event after the move was sent, p99', 'ms', (r) => r.live?.afterSend.p99],
	['Live: move with 100 streams open, median', 'ms', (r) => r.live?.move.median],
	['Live: events missed', '', (r) => r.live?.missed],
	['Server RSS after start', 'MB', (r) => r.memory.afterStart / MB],
	['Server RSS peak', 'MB', (r) => r.memory.peak / MB],
	['Database after seeding (db + wal)', 'MB', (r) => r.db.seeded / MB],
	['Database at the end (db + wal)', 'MB', (r) => r.db.end / MB],
	['CPU: server (average cores busy)', 'cores', (r) => r.cpu?.server],
	['CPU: the bench itself (load generator)', 'cores', (r) => r.cpu?.bench],
	['CPU: other processes (should be ~0)', 'cores', (r) => r.cpu?.others]
];

/** The bars of DESIGN.md, each read at one size. */
export const BARS = [
	{
		text: 'Board page at 1,000 actions ≤ 15 ms median',
		size: 1000,
		limit: 15,
		unit: 'ms',
		max: true,
		get: (r) => r.page?.c1.latency.median
	},
	{
		text: 'Board ?show=all at 1,000 actions ≤ 15 ms median',
		size: 1000,
		limit: 15,
		unit: 'ms',
		max: true,
		get: (r) => r.pageAll?.c1.latency.median
	},
	{
		text: '≥ 100 full-board pages/s at concurrency 10 (?show=all, 1,000 actions)',
		size: 1000,
		limit: 100,
		unit: '/s',
		max: false,
		get: (r) => r.pageAll?.c10.perSecond
	},
	{
		text: 'Full-board page p99 ≤ 200 ms at concurrency 10 (?show=all, 1,000 actions)',
		size: 1000,
		limit: 200,
		unit: 'ms',
		max: true,
		get: (r) => r.pageAll?.c10.latency.p99
	},
	{
		text: '/ideas with 1,000 ideas ≤ 15 ms median',
		size: 1000,
		limit: 15,
		unit: 'ms',
		max: true,
		get: (r) => r.ideasPage?.c1.latency.median
	},
	{
		text: 'Report of 1,000 actions on screen (/reports) ≤ 100 ms median',
		size: 1000,
		limit: 100,
		unit: 'ms',
		max: true,
		get: (r) => r.reportPage?.c1.latency.median
	},
	{
		text: 'Report of 1,000 actions as XLSX ≤ 1 s median',
		size: 1000,
		limit: 1000,
		unit: 'ms',
		max: true,
		get: (r) => r.reportXlsx?.c1.latency.median
	},
	{
		text: 'Move at 1,000 actions ≤ 5 ms median',
		size: 1000,
		limit: 5,
		unit: 'ms',
		max: true,
		get: (r) => r.move?.c1.latency.median
	},
	{
		text: '≥ 1,000 moves/s at concurrency 10 (1,000 actions)',
		size: 1000,
		limit: 1000,
		unit: '/s',
		max: false,
		get: (r) => r.move?.c10.perSecond
	},
	{
		text: 'Board route ≤ 60 KB gzipped JavaScript',
		size: null,
		limit: 60,
		unit: 'KB',
		max: true,
		get: (_r, assets) => assets?.['/boards/1'] && assets['/boards/1'].js.gzip / KB
	},
	{
		text: 'Live change reaches 100 open boards ≤ 250 ms median (1,000 actions)',
		size: 1000,
		limit: 250,
		unit: 'ms',
		max: true,
		get: (r) => r.live?.afterSend.median
	},
	{
		text: 'Server RSS ≤ 150 MB at 10,000 actions',
		size: 10000,
		limit: 150,
		unit: 'MB',
		max: true,
		get: (r) => r.memory.peak / MB
	}
];

export function judgeBars(bySize, assets) {
	return BARS.map((bar) => {
		const result = bar.size === null ? {} : bySize[bar.size];
		const value = result ? bar.get(result, assets) : undefined;
		const known = value !== undefined && value !== null;
		return {
			bar: bar.text,
			at: bar.size,
			value: known ? Math.round(value * 100) / 100 : null,
			limit: bar.limit,
			unit: bar.unit,
			pass: known ? (bar.max ? value <= bar.limit : value >= bar.limit) : null
		};
	});
}

function format(value, unit) {
	if (value === undefined || value === null) return '–';
	if (unit === '/s')
		return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
	if (unit === 'ms')
		return value < 10
			? value.toFixed(2)
			: value < 100
				? value.toFixed(1)
				: Math.round(value).toLocaleString('en-US');
	if (unit === 'cores') return value.toFixed(2);
	if (unit === 'KB' || unit === 'MB')
		return value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
	return String(value);
}

/** The size × metric table as rows of strings (also used for docs/BENCHMARKS.md). */
export function tableRows(sizes, bySize) {
	const first = sizes[0];
	const last = sizes.at(-1);
	const header = [
		'metric',
		'unit',
		...sizes.map((s) => s.toLocaleString('en-US')),
		`×${last / first} size`
	];
	const rows = METRICS.map(([label, unit, get]) => {
		const values = sizes.map((s) => (bySize[s] ? get(bySize[s]) : undefined));
		const a = values[0];
		const b = values.at(-1);
		const ratio = sizes.length > 1 && a && b !== undefined && b !== null ? b / a : null;
		const growth =
			ratio === null ? '–' : `×${ratio >= 0.1 ? ratio.toFixed(1) : ratio.toPrecision(2)}`;
		return [label, unit, ...values.map((v) => format(v, unit)), growth];
	});
	return [header, ...rows];
}

export function printTable(rows) {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	const line = (r) =>
		r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	console.log(line(rows[0]));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const r of rows.slice(1)) console.log(line(r));
}

export function markdownTable(rows) {
	const out = [
		`| ${rows[0].join(' | ')} |`,
		`| ${rows[0].map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`
	];
	for (const r of rows.slice(1)) out.push(`| ${r.join(' | ')} |`);
	return out.join('\n');
}

export function printBars(bars) {
	for (const b of bars) {
		const mark = b.pass === null ? 'n/a ' : b.pass ? 'PASS' : 'FAIL';
		const value = b.value === null ? 'not measured' : `${b.value} ${b.unit}`;
		console.log(`  ${mark}  ${b.bar}: ${value}`);
	}
}

export function printAssets(assets) {
	for (const [route, a] of Object.entries(assets)) {
		console.log(
			`  ${route.padEnd(10)} JS ${(a.js.gzip / KB).toFixed(1).padStart(6)} KB gzip (${a.js.files} files, ${(a.js.raw / KB).toFixed(1)} KB raw)` +
				`   CSS ${(a.css.gzip / KB).toFixed(1).padStart(5)} KB gzip (${a.css.files} files)`
		);
	}
}
