import { desc, eq } from 'drizzle-orm';
import type { Conn, Db } from '../db';
import { reports, users } from '../db/schema';
import { commitChange } from '../events/commit';
import type { FrozenReportSummary, ReportModel } from '../../reports/model';
import type { Actor } from './actor';
import { DomainError } from './errors';
import { buildReport } from './report';
import type { FreezeReportInput } from './report-input';

/** A frozen report: its title, who froze it when, and the report exactly as it was then. */
export interface FrozenReport extends FrozenReportSummary {
	boardId: number;
	report: ReportModel;
}

/**
 * Freezes the report of a period: the whole report goes into one row as it stands now, so later
 * moves, edits and archiving leave the published report as it was. Leadership and admins; the
 * route checks who.
 */
export function freezeReport(
	db: Db,
	actor: Actor,
	boardId: number,
	input: FreezeReportInput,
	now = new Date()
): { id: number } {
	return commitChange(db, () => {
		const report = buildReport(db, boardId, input, now);
		if (!report) throw new DomainError('not_found');
		return db
			.insert(reports)
			.values({
				boardId,
				title: input.title,
				fromDate: input.from,
				toDate: input.to,
				snapshot: report,
				frozenBy: actor.id,
				frozenAt: now
			})
			.returning({ id: reports.id })
			.get();
	});
}

const summaryColumns = {
	id: reports.id,
	title: reports.title,
	from: reports.fromDate,
	to: reports.toDate,
	frozenAt: reports.frozenAt,
	frozenBy: users.name
};

/** A board's frozen reports, newest first. */
export function listFrozenReports(db: Conn, boardId: number, limit = 200): FrozenReportSummary[] {
	return db
		.select(summaryColumns)
		.from(reports)
		.leftJoin(users, eq(users.id, reports.frozenBy))
		.where(eq(reports.boardId, boardId))
		.orderBy(desc(reports.frozenAt), desc(reports.id))
		.limit(limit)
		.all()
		.map((r) => ({ ...r, frozenAt: r.frozenAt.toISOString() }));
}

/** One frozen report with its snapshot, or undefined. */
export function getFrozenReport(db: Conn, id: number): FrozenReport | undefined {
	const row = db
		.select({ ...summaryColumns, boardId: reports.boardId, snapshot: reports.snapshot })
		.from(reports)
		.leftJoin(users, eq(users.id, reports.frozenBy))
		.where(eq(reports.id, id))
		.get();
	if (!row) return undefined;
	const { snapshot, ...rest } = row;
	return { ...rest, frozenAt: rest.frozenAt.toISOString(), report: snapshot as ReportModel };
}
