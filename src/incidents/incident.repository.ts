import { randomUUID } from 'node:crypto';
import {
  REPORT_KINDS,
  formatIncidentNumber,
  type AuthorityReport,
  type Category,
  type Incident,
  type IncidentNote,
  type PersonalData,
  type ReportKind,
  type ReportStatus,
  type Severity,
  type Status,
} from './domain/incident.js';
import type { IncidentChange, IncidentRepository, NewIncident } from './domain/incident.service.js';
import type { IncidentReportRow, IncidentRow } from './incident.table.js';
import { atomically, type Executor } from '../platform/db/executor.js';

export function incidentRowToIncident(row: IncidentRow, reports: IncidentReportRow[]): Incident {
  return {
    id: row.id,
    number: row.number,
    reporterAadObjectId: row.reporter_aad_object_id,
    reporterName: row.reporter_name,
    title: row.title,
    category: row.category as Category,
    systemId: row.system_id,
    discoveredAt: new Date(row.discovered_at),
    startedAt: row.started_at ? new Date(row.started_at) : null,
    endedAt: row.ended_at ? new Date(row.ended_at) : null,
    supplier: row.supplier,
    description: row.description,
    personalData: row.personal_data as PersonalData,
    severity: row.severity as Severity,
    status: row.status as Status,
    assigneeAadObjectId: row.assignee_aad_object_id,
    assigneeName: row.assignee_name,
    version: Number(row.version),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    reports: reports
      .map((r) => ({
        kind: r.kind as ReportKind,
        dueAt: new Date(r.due_at),
        status: r.status as ReportStatus,
        decidedBy: r.decided_by,
        decidedAt: r.decided_at ? new Date(r.decided_at) : null,
        reason: r.reason,
      }))
      .sort(
        (a, b) =>
          a.dueAt.getTime() - b.dueAt.getTime() ||
          REPORT_KINDS.indexOf(a.kind) - REPORT_KINDS.indexOf(b.kind),
      ),
  };
}

const reportRow = (incidentId: string, report: AuthorityReport) => ({
  incident_id: incidentId,
  kind: report.kind,
  due_at: report.dueAt.toISOString(),
  status: report.status,
  decided_by: report.decidedBy,
  decided_at: report.decidedAt?.toISOString() ?? null,
  reason: report.reason,
});

async function load(db: Executor, rows: IncidentRow[]): Promise<Incident[]> {
  if (rows.length === 0) return [];
  const reports = await db
    .selectFrom('incident_report')
    .selectAll()
    .where(
      'incident_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((row) =>
    incidentRowToIncident(
      row,
      reports.filter((r) => r.incident_id === row.id),
    ),
  );
}

async function findBySubmission(
  db: Executor,
  reporter: string,
  submissionId: string,
): Promise<Incident | undefined> {
  const row = await db
    .selectFrom('incident')
    .selectAll()
    .where('reporter_aad_object_id', '=', reporter)
    .where('submission_id', '=', submissionId)
    .executeTakeFirst();
  return row ? (await load(db, [row]))[0] : undefined;
}

/** `db` is the database or the caller's transaction (one unit of work). */
export function createIncidentRepository(db: Executor): IncidentRepository {
  async function get(id: string, executor: Executor = db): Promise<Incident | undefined> {
    const row = await executor
      .selectFrom('incident')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? (await load(executor, [row]))[0] : undefined;
  }

  return {
    async create(incident: NewIncident, at: Date) {
      const existing = await findBySubmission(
        db,
        incident.reporterAadObjectId,
        incident.submissionId,
      );
      if (existing) return { incident: existing, created: false };
      try {
        const created = await atomically(db, async (trx) => {
          // The counter row is locked until commit; a rolled-back insert gives its number back.
          const { last_sequence: sequence } = await trx
            .insertInto('incident_counter')
            .values({ year: incident.year, last_sequence: 1 })
            .onConflict((oc) =>
              oc.column('year').doUpdateSet((eb) => ({
                last_sequence: eb('incident_counter.last_sequence', '+', 1),
              })),
            )
            .returning('last_sequence')
            .executeTakeFirstOrThrow();
          const id = randomUUID();
          const now = at.toISOString();
          await trx
            .insertInto('incident')
            .values({
              id,
              number: formatIncidentNumber(incident.year, Number(sequence)),
              year: incident.year,
              sequence: Number(sequence),
              tenant_id: incident.tenantId,
              reporter_aad_object_id: incident.reporterAadObjectId,
              reporter_name: incident.reporterName,
              submission_id: incident.submissionId,
              title: incident.title,
              category: incident.category,
              system_id: incident.systemId,
              discovered_at: incident.discoveredAt.toISOString(),
              started_at: incident.startedAt?.toISOString() ?? null,
              ended_at: null,
              supplier: incident.supplier,
              description: incident.description,
              personal_data: incident.personalData,
              severity: incident.severity,
              status: 'ny',
              assignee_aad_object_id: null,
              assignee_name: null,
              version: 1,
              created_at: now,
              updated_at: now,
            })
            .execute();
          if (incident.reports.length > 0) {
            await trx
              .insertInto('incident_report')
              .values(incident.reports.map((r) => reportRow(id, r)))
              .execute();
          }
          return get(id, trx);
        });
        if (!created) throw new Error('incident vanished inside its own transaction');
        return { incident: created, created: true };
      } catch (error) {
        // Two copies of one submit raced; the loser's insert rolled back (number included).
        const winner = await findBySubmission(
          db,
          incident.reporterAadObjectId,
          incident.submissionId,
        );
        if (winner) return { incident: winner, created: false };
        throw error;
      }
    },

    get: (id) => get(id),

    async update(id: string, expectedVersion: number, change: IncidentChange, at: Date) {
      return atomically(db, async (trx) => {
        const now = at.toISOString();
        const result = await trx
          .updateTable('incident')
          .set((eb) => ({
            version: eb('version', '+', 1),
            updated_at: now,
            ...(change.status ? { status: change.status } : {}),
            ...(change.severity ? { severity: change.severity } : {}),
            ...(change.category ? { category: change.category } : {}),
            ...(change.endedAt ? { ended_at: change.endedAt.toISOString() } : {}),
            ...(change.assignee
              ? {
                  assignee_aad_object_id: change.assignee.aadObjectId,
                  assignee_name: change.assignee.name,
                }
              : {}),
          }))
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return 'stale' as const;
        for (const report of change.reports ?? []) {
          await trx
            .updateTable('incident_report')
            .set({
              status: report.status,
              decided_by: report.by,
              decided_at: now,
              reason: report.reason ?? null,
            })
            .where('incident_id', '=', id)
            .where('kind', '=', report.kind)
            .execute();
        }
        for (const clock of change.clocks ?? []) {
          await trx
            .insertInto('incident_report')
            .values({
              incident_id: id,
              kind: clock.kind,
              due_at: clock.dueAt.toISOString(),
              status: clock.status,
              decided_by: null,
              decided_at: null,
              reason: null,
            })
            .onConflict((oc) =>
              oc
                .columns(['incident_id', 'kind'])
                .doUpdateSet({ due_at: clock.dueAt.toISOString(), status: clock.status }),
            )
            .execute();
        }
        if (change.addReports?.length) {
          await trx
            .insertInto('incident_report')
            .values(change.addReports.map((r) => reportRow(id, r)))
            .onConflict((oc) => oc.columns(['incident_id', 'kind']).doNothing())
            .execute();
        }
        if (change.note) {
          await trx
            .insertInto('incident_note')
            .values({
              id: randomUUID(),
              incident_id: id,
              author_aad_object_id: change.note.authorAadObjectId,
              author_name: change.note.authorName,
              text: change.note.text,
              created_at: now,
            })
            .execute();
        }
        const updated = await get(id, trx);
        if (!updated) throw new Error('incident vanished inside its own transaction');
        return updated;
      });
    },

    async notes(id: string): Promise<IncidentNote[]> {
      const rows = await db
        .selectFrom('incident_note')
        .selectAll()
        .where('incident_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        authorAadObjectId: r.author_aad_object_id,
        authorName: r.author_name,
        text: r.text,
        createdAt: new Date(r.created_at),
      }));
    },

    bySubmission: (reporter, submissionId) => findBySubmission(db, reporter, submissionId),

    async countReportedSince(reporter: string, since: Date) {
      const row = await db
        .selectFrom('incident')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('reporter_aad_object_id', '=', reporter)
        .where('created_at', '>=', since.toISOString())
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async listByReporter(aadObjectId: string, limit: number) {
      const rows = await db
        .selectFrom('incident')
        .selectAll()
        .where('reporter_aad_object_id', '=', aadObjectId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return load(db, rows);
    },

    async listOfYear(year: number) {
      const rows = await db
        .selectFrom('incident')
        .selectAll()
        .where('year', '=', year)
        .orderBy('sequence')
        .execute();
      return load(db, rows);
    },

    /** Category and time of each incident reported in the year (the tab's chart). */
    async reportedInYear(year: number) {
      const rows = await db
        .selectFrom('incident')
        .select(['category', 'created_at'])
        .where('year', '=', year)
        .execute();
      return rows.map((r) => ({
        category: r.category as Category,
        reportedAt: new Date(r.created_at),
      }));
    },

    async listOpen(limit: number) {
      const rows = await db
        .selectFrom('incident')
        .selectAll()
        .where('status', '!=', 'avslutad')
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return load(db, rows);
    },

    async listWithPendingReports() {
      const rows = await db
        .selectFrom('incident')
        .selectAll()
        .where(
          'id',
          'in',
          db.selectFrom('incident_report').select('incident_id').where('status', '=', 'pending'),
        )
        .execute();
      return load(db, rows);
    },
  };
}
