import { json } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import type { Locale } from '../../locales';
import type { ReportModel } from '../../reports/model';
import { reportFileName } from '../../reports/wording';
import { reportCsv } from '../export/report-csv';
import { reportXlsx } from '../export/report-xlsx';
import type { ReportFormat } from '../domain/report-input';
import { attachment, CSV_TYPE, XLSX_TYPE } from './attachment';

/** A report as the answer of its format: the model as JSON, or a CSV or XLSX download. */
export async function reportResponse(report: ReportModel, format: ReportFormat): Promise<Response> {
	const locale = getLocale() as Locale;
	if (format === 'csv') {
		return attachment(reportCsv(report, locale), {
			type: CSV_TYPE,
			filename: reportFileName(report, locale, 'csv')
		});
	}
	if (format === 'xlsx') {
		return attachment((await reportXlsx(report, locale)) as Uint8Array<ArrayBuffer>, {
			type: XLSX_TYPE,
			filename: reportFileName(report, locale, 'xlsx')
		});
	}
	return json(report, { headers: { 'cache-control': 'private, no-store' } });
}
