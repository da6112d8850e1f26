import { z } from 'zod';
import { LIMITS } from '../../board/limits';
import { calendarDateField } from './action-input';
import { typedText } from './text-input';

/** Input rules for reports; the page, its freeze form and the JSON API share them. */

const PERIOD_ORDER = { message: 'period_order', path: ['to'] };
const inOrder = (p: { from: string; to: string }) => p.to >= p.from;

/** A period of calendar days, both included: `from` ≤ `to`. */
export const reportPeriodInput = z
	.object({ from: calendarDateField, to: calendarDateField })
	.refine(inOrder, PERIOD_ORDER);
export type ReportPeriod = z.infer<typeof reportPeriodInput>;

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const reportFormatField = z.enum(REPORT_FORMATS);

/** A report to freeze: its period and a title (what the list of past reports shows). */
export const freezeReportInput = z
	.object({
		title: typedText(LIMITS.reportTitle, { min: 1 }),
		from: calendarDateField,
		to: calendarDateField
	})
	.refine(inOrder, PERIOD_ORDER);
export type FreezeReportInput = z.infer<typeof freezeReportInput>;
