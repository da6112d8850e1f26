/**
 * The layering of Dreiklang, checked in `npm test` (`npm run check:layers`):
 * routes → domain → db; subscribers (live streams) → domain; the domain never reaches the
 * transport (live streams, HTTP helpers, routes, SvelteKit); the browser never reaches the server.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
	forbidden: [
		{
			name: 'no-cycles',
			severity: 'error',
			comment: 'An import cycle makes the layers meaningless and start-up order fragile.',
			from: { path: '^src/' },
			to: { circular: true }
		},
		{
			name: 'domain-knows-no-transport',
			severity: 'error',
			comment:
				'Domain rules are plain functions: what reacts to a change (live streams, e-mail) subscribes to the commit seam instead.',
			from: { path: '^src/lib/server/(domain|events|auth|db)/' },
			to: {
				path: [
					'^src/lib/server/(live|http|notify)/',
					'^src/routes/',
					'^src/hooks',
					'^src/lib/paraglide/',
					'@sveltejs/kit',
					'^\\$app/'
				]
			}
		},
		{
			name: 'seam-below-domain',
			severity: 'error',
			comment: 'The commit seam and the database know nothing of the rules above them.',
			from: { path: '^src/lib/server/(events|db)/' },
			to: { path: '^src/lib/server/(domain|auth)/' }
		},
		{
			name: 'db-at-the-bottom',
			severity: 'error',
			from: { path: '^src/lib/server/db/' },
			to: { path: '^src/lib/server/(?!db/)' }
		},
		{
			name: 'browser-never-reaches-the-server',
			severity: 'error',
			comment:
				'Client code (components, shared board code, universal loads) must not import $lib/server.',
			from: {
				path: [
					'\\.svelte$',
					'\\.svelte\\.ts$',
					'^src/lib/(board|components|live)/',
					'/\\+(page|layout)\\.ts$'
				]
			},
			to: { path: '^src/lib/server/' }
		},
		{
			name: 'shared-board-code-is-plain',
			severity: 'error',
			comment: 'What client and server share ($lib/board) needs no SvelteKit and no server.',
			from: { path: '^src/lib/board/' },
			to: { path: ['^src/lib/server/', '@sveltejs/kit', '^\\$app/', '^src/routes/'] }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: ['^src/lib/paraglide/', '\\.test\\.ts$', '^src/lib/server/testing/'] },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.layers.json' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'svelte'],
			extensions: ['.ts', '.js', '.svelte']
		},
		reporterOptions: { text: { highlightFocused: true } }
	}
};
