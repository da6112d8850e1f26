/** Mirrors `project.inlang/settings.json`; German is the base. */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
