/**
 * How long each input may be. The server's schemas and the forms' `maxlength` read the same
 * numbers, so a form never lets someone type what the server would then refuse.
 */
export const LIMITS = {
	actionTitle: 200,
	actionDescription: 10_000,
	progressNote: 2000,
	owners: 20,
	search: 200,
	personName: 100,
	email: 254,
	passwordMin: 10,
	passwordMax: 200,
	boardName: 120,
	boardDescription: 2000,
	horizonText: 60,
	goal: 300,
	ideaTitle: 200,
	ideaText: 5000,
	ideaReason: 500,
	goalName: 200,
	goalUnit: 60,
	goalSource: 300,
	/** An organisation's own tag, as people name it ("Inklusion"). */
	ownTag: 40,
	/** Codes on one action: every DNK criterion and SDG, and own tags beside them. */
	actionCodes: 60,
	/** Goals one action serves. */
	actionGoals: 50,
	reportTitle: 200,
	/** The years a goal's baseline and target may name. */
	goalYearMin: 1990,
	goalYearMax: 2100,
	/** The largest amount an indicator's value may have, either way: far beyond any real one. */
	goalValueMax: 1e12,
	/** Days without progress before a reminder (the board's frame): one day to ten years. */
	quietDaysMin: 1,
	quietDaysMax: 3650
} as const;

/** The dates a plan may name: years that calendars, reports and people can read. */
export const DATE_RANGE = { from: '2000-01-01', to: '2100-12-31' } as const;
