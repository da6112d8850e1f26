// Paraglide's compiled messages format counts through `src/lib/paraglide/registry.js`, which
// makes a new Intl.PluralRules and Intl.NumberFormat for every call (tens of microseconds each:
// a page with a hundred counts would spend milliseconds on them). This Vite plugin keeps one per
// language and options instead, as the registry is bundled. It fails the build when the compiled
// file no longer looks as expected, so that a new Paraglide version is noticed.

const REPLACEMENTS = [
	[
		'return new Intl.PluralRules(locale, options).select(Number(input))',
		'return cachedIntl(Intl.PluralRules, locale, options).select(Number(input))'
	],
	[
		'return new Intl.NumberFormat(locale, options).format(Number(input))',
		'return cachedIntl(Intl.NumberFormat, locale, options).format(Number(input))'
	]
];

const CACHE = `
/** One Intl object per kind, language and options. */
const intlCache = new Map();
function cachedIntl(Kind, locale, options) {
	const key = \`\${Kind.name}|\${locale}|\${options ? JSON.stringify(options) : ''}\`;
	let made = intlCache.get(key);
	if (!made) intlCache.set(key, (made = new Kind(locale, options)));
	return made;
}
`;

/**
 * The registry's code with its Intl objects kept.
 * @param {string} code
 */
export function cacheIntl(code) {
	let text = code;
	for (const [from, to] of REPLACEMENTS) {
		if (!text.includes(from)) {
			throw new Error(`src/lib/paraglide/registry.js changed: "${from}" is not in it any more.`);
		}
		text = text.replace(from, to);
	}
	return text + CACHE;
}

/** @returns {import('vite').Plugin} */
export function intlCachePlugin() {
	return {
		name: 'dreiklang-intl-cache',
		/** @param {string} code @param {string} id */
		transform(code, id) {
			if (!id.replaceAll('\\', '/').endsWith('/src/lib/paraglide/registry.js')) return null;
			return { code: cacheIntl(code), map: null };
		}
	};
}
