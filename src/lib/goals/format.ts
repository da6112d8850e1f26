import type { CodeOption, CodeRef } from './codes';
import { codeKey, codeLabel } from './codes';

// One formatter per language: making an Intl.NumberFormat is costly.
const formatters = new Map<string, Intl.NumberFormat>();

/** An indicator's amount in the reader's language, e.g. "12,5" or "1.250" in German. */
export function formatAmount(value: number, locale: string): string {
	let f = formatters.get(locale);
	if (!f) {
		f = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
		formatters.set(locale, f);
	}
	return f.format(value);
}

/** An amount with its unit: "400 t CO₂ pro Jahr", "35 %", or the bare number without a unit. */
export function formatWithUnit(value: number, unit: string, locale: string): string {
	const amount = formatAmount(value, locale);
	return unit ? `${amount} ${unit}` : amount;
}

/** An amount as a form shows it for editing: no grouping, the reader's decimal sign. */
export function amountForInput(value: number, locale: string): string {
	const text = String(value);
	return usesDecimalComma(locale) ? text.replace('.', ',') : text;
}

/** Whether the language writes "12,5" (German, French, Dutch) rather than "12.5". */
const usesDecimalComma = (locale: string) => formatAmount(1.5, locale).includes(',');

/** Short labels of codes ("DNK 13, SDG 13"), as the list of options names them. */
export function codeLabels(codes: CodeRef[], options: CodeOption[]): string[] {
	const byKey = new Map(options.map((o) => [codeKey(o), o]));
	return codes.map((c) => {
		const option = byKey.get(codeKey(c));
		return option ? codeLabel(option) : codeKey(c);
	});
}
