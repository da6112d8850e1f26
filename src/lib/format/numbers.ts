import { languageOf, type Locale } from '$lib/locales';

// Making an Intl.NumberFormat is costly (tens of microseconds); one per language and kind
// serves every number on a page.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, kind: 'number' | 'percent'): Intl.NumberFormat {
	const key = `${locale}|${kind}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat(
			languageOf(locale),
			kind === 'percent' ? { style: 'percent', maximumFractionDigits: 0 } : {}
		);
		formatters.set(key, f);
	}
	return f;
}

/** A count as the language writes it: "3.458" in German, "3 458" in French, "3,458" in English. */
export const formatNumber = (value: number, locale: Locale): string =>
	formatter(locale, 'number').format(value);

/** A percentage (0–100) as the language writes it: "45 %" in German and French, "45%" in English. */
export const formatPercent = (value: number, locale: Locale): string =>
	formatter(locale, 'percent').format(value / 100);
