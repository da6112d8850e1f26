/** Mirrors `project.inlang/settings.json`; German is the base. */
export const LOCALES = ['de', 'en', 'fr', 'nl', 'de-x-ls'] as const;
export type Locale = (typeof LOCALES)[number];

/** Easy German (Leichte Sprache): its own choice, falling back to plain German where it has no text. */
export const EASY_GERMAN = 'de-x-ls' satisfies Locale;

/** Each language in its own name, as the picker shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
	de: 'Deutsch',
	en: 'English',
	fr: 'Français',
	nl: 'Nederlands',
	'de-x-ls': 'Leichte Sprache'
};

/**
 * The language a text is in, for `lang` attributes and `Intl`: Easy German is German to a
 * screen reader and to number and date formats.
 */
export const languageOf = (locale: Locale): string => (locale === EASY_GERMAN ? 'de' : locale);
