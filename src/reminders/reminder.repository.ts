import type { Kysely } from 'kysely';
import type { Executor } from '../platform/db/executor.js';
import type {
  AwarenessRepository,
  ThreatReview,
  ThreatReviewRepository,
} from './domain/reminder-answers.js';
import { occurrenceDedupeKey, occurrenceKey, type Recipient } from './domain/reminder.js';
import type { OccurrenceRepository, StaffDirectory } from './domain/reminder.service.js';
import type { Database } from '../platform/db/database.js';
import type { ThreatReviewRow } from './reminder.table.js';

const CHUNK = 200;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function createOccurrenceRepository(db: Executor): OccurrenceRepository {
  return {
    async recorded(occurrences) {
      // One query per reminder and date: a handful per run, however many recipients.
      const groups = new Map<string, { reminderId: string; localDate: string }>();
      for (const o of occurrences)
        groups.set(`${o.reminderId}|${o.localDate}`, {
          reminderId: o.reminderId,
          localDate: o.localDate,
        });
      const keys = new Set<string>();
      for (const { reminderId, localDate } of groups.values()) {
        const rows = await db
          .selectFrom('reminder_occurrence')
          .select('recipient_key')
          .where('reminder_id', '=', reminderId)
          .where('local_date', '=', localDate)
          .execute();
        for (const r of rows)
          keys.add(occurrenceKey({ reminderId, localDate, recipient: { key: r.recipient_key } }));
      }
      return keys;
    },

    async record(sent, at) {
      const recordedAt = at.toISOString();
      for (const part of chunks(sent)) {
        await db
          .insertInto('reminder_occurrence')
          .values(
            part.map(({ occurrence: o, late }) => ({
              reminder_id: o.reminderId,
              recipient_key: o.recipient.key,
              local_date: o.localDate,
              kind: o.subject.kind,
              recipient_aad_object_id: o.recipient.aadObjectId,
              due_at: o.dueAt.toISOString(),
              send_at: o.sendAt.toISOString(),
              late: late ? 1 : 0,
              dedupe_key: occurrenceDedupeKey(o),
              recorded_at: recordedAt,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['reminder_id', 'recipient_key', 'local_date']).doNothing(),
          )
          .execute();
      }
    },

    async exists(reminderId, localDate, recipientKey) {
      let query = db
        .selectFrom('reminder_occurrence')
        .select('reminder_id')
        .where('reminder_id', '=', reminderId)
        .where('local_date', '=', localDate);
      if (recipientKey !== undefined) query = query.where('recipient_key', '=', recipientKey);
      return (await query.executeTakeFirst()) !== undefined;
    },
  };
}

/** The people the bot has met in Teams (the org file's people are added by the service). */
export function createStaffDirectory(db: Kysely<Database>): StaffDirectory {
  return {
    async list(): Promise<Recipient[]> {
      const rows = await db
        .selectFrom('person')
        .select(['aad_object_id', 'person_id', 'name'])
        .orderBy('aad_object_id')
        .execute();
      return rows.map((r) => ({
        key: r.person_id ?? r.aad_object_id,
        aadObjectId: r.aad_object_id,
        name: r.name,
      }));
    },
  };
}

function reviewFromRow(row: ThreatReviewRow): ThreatReview {
  return {
    systemId: row.system_id,
    checkpoint: row.checkpoint,
    confirmedByAadObjectId: row.confirmed_by,
    confirmedByName: row.confirmed_by_name,
    comment: row.comment,
    confirmedAt: new Date(row.confirmed_at),
    changes:
      row.threats !== null || row.vulnerabilities !== null || row.consequences !== null
        ? {
            threats: row.threats ?? '',
            vulnerabilities: row.vulnerabilities ?? '',
            consequences: row.consequences ?? '',
          }
        : null,
    measureId: row.measure_id,
  };
}

export function createThreatReviewRepository(db: Executor): ThreatReviewRepository {
  return {
    async confirm(review) {
      const result = await db
        .insertInto('threat_review')
        .values({
          system_id: review.systemId,
          checkpoint: review.checkpoint,
          confirmed_by: review.confirmedByAadObjectId,
          confirmed_by_name: review.confirmedByName,
          comment: review.comment,
          confirmed_at: review.confirmedAt.toISOString(),
          threats: review.changes?.threats ?? null,
          vulnerabilities: review.changes?.vulnerabilities ?? null,
          consequences: review.changes?.consequences ?? null,
          measure_id: review.measureId,
        })
        .onConflict((oc) => oc.columns(['system_id', 'checkpoint']).doNothing())
        .executeTakeFirst();
      const created = Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
      const stored = await db
        .selectFrom('threat_review')
        .selectAll()
        .where('system_id', '=', review.systemId)
        .where('checkpoint', '=', review.checkpoint)
        .executeTakeFirstOrThrow();
      return { created, review: reviewFromRow(stored) };
    },
    async attachMeasure(systemId, checkpoint, measureId) {
      await db
        .updateTable('threat_review')
        .set({ measure_id: measureId })
        .where('system_id', '=', systemId)
        .where('checkpoint', '=', checkpoint)
        .execute();
    },
    async latest(systemId) {
      const row = await db
        .selectFrom('threat_review')
        .selectAll()
        .where('system_id', '=', systemId)
        .orderBy('confirmed_at', 'desc')
        .executeTakeFirst();
      return row ? reviewFromRow(row) : undefined;
    },
    async inYear(year) {
      const rows = await db
        .selectFrom('threat_review')
        .selectAll()
        .where('checkpoint', '>=', `${year}-01-01`)
        .where('checkpoint', '<=', `${year}-12-31`)
        .execute();
      return rows.map(reviewFromRow);
    },
  };
}

export function createAwarenessRepository(db: Executor): AwarenessRepository {
  return {
    async acknowledge(campaign, aadObjectId, recipientKey, at) {
      const result = await db
        .insertInto('awareness_ack')
        .values({
          campaign,
          aad_object_id: aadObjectId,
          recipient_key: recipientKey,
          acknowledged_at: at.toISOString(),
        })
        .onConflict((oc) => oc.columns(['campaign', 'aad_object_id']).doNothing())
        .executeTakeFirst();
      const row = await db
        .selectFrom('awareness_ack')
        .select('acknowledged_at')
        .where('campaign', '=', campaign)
        .where('aad_object_id', '=', aadObjectId)
        .executeTakeFirstOrThrow();
      const created = Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
      return { created, at: new Date(row.acknowledged_at) };
    },
    async latestCampaign() {
      const row = await db
        .selectFrom('reminder_occurrence')
        .select((eb) => eb.fn.max('local_date').as('campaign'))
        .where('reminder_id', '=', 'awareness')
        .executeTakeFirst();
      return row?.campaign ?? undefined;
    },
    async share(campaign) {
      const count = (table: 'reminder_occurrence' | 'awareness_ack') =>
        table === 'reminder_occurrence'
          ? db
              .selectFrom('reminder_occurrence')
              .select((eb) => eb.fn.countAll<string | number>().as('n'))
              .where('reminder_id', '=', 'awareness')
              .where('local_date', '=', campaign)
              .executeTakeFirstOrThrow()
          : db
              .selectFrom('awareness_ack')
              .select((eb) => eb.fn.countAll<string | number>().as('n'))
              .where('campaign', '=', campaign)
              .executeTakeFirstOrThrow();
      const [sent, acknowledged] = await Promise.all([
        count('reminder_occurrence'),
        count('awareness_ack'),
      ]);
      return { campaign, recipients: Number(sent.n), acknowledged: Number(acknowledged.n) };
    },
  };
}

/** What the annual report counts from other features' tables. */
export function createReportQueries(db: Kysely<Database>) {
  // A day of margin on each side; the report keeps only the year's local dates.
  const bounds = (year: number) => [`${year - 1}-12-31`, `${year + 1}-01-02`] as const;
  return {
    async incidentsInYear(year: number) {
      const [from, to] = bounds(year);
      const rows = await db
        .selectFrom('incident')
        .select(['category', 'created_at'])
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .execute();
      return rows.map((r) => ({ category: r.category, reportedAt: new Date(r.created_at) }));
    },
    async notReportedInYear(year: number) {
      const [from, to] = bounds(year);
      const rows = await db
        .selectFrom('incident_report')
        .innerJoin('incident', 'incident.id', 'incident_report.incident_id')
        .select([
          'incident.number',
          'incident_report.kind',
          'incident_report.decided_by',
          'incident_report.decided_at',
          'incident_report.reason',
        ])
        .where('incident_report.status', '=', 'not-required')
        .where('incident_report.decided_at', '>=', from)
        .where('incident_report.decided_at', '<', to)
        .execute();
      return rows.flatMap((r) =>
        r.decided_at
          ? [
              {
                number: r.number,
                kind: r.kind,
                decidedBy: r.decided_by,
                decidedAt: new Date(r.decided_at),
                reason: r.reason,
              },
            ]
          : [],
      );
    },
    async measuresOfYear(year: number) {
      const [from, to] = bounds(year);
      const rows = await db
        .selectFrom('measure')
        .select(['title', 'owner_id', 'due_date', 'origin_kind', 'created_at', 'done_at'])
        .where('created_at', '<', to)
        .where((eb) => eb.or([eb('done_at', 'is', null), eb('done_at', '>=', from)]))
        .execute();
      return rows.map((r) => ({
        title: r.title,
        ownerId: r.owner_id,
        dueDate: r.due_date,
        origin: r.origin_kind,
        createdAt: new Date(r.created_at),
        doneAt: r.done_at ? new Date(r.done_at) : null,
      }));
    },
    async controlResultsOfYear(year: number) {
      const rows = await db
        .selectFrom('control_result')
        .select(['control_id', 'due_date', 'outcome'])
        .where('due_date', '>=', `${year}-01-01`)
        .where('due_date', '<=', `${year}-12-31`)
        .execute();
      return rows.map((r) => ({
        controlId: r.control_id,
        dueDate: r.due_date,
        outcome: r.outcome,
      }));
    },
    async approvalsDecidedInYear(year: number) {
      const rows = await db
        .selectFrom('approval')
        .select(['type', 'status'])
        .where('status', 'in', ['approved', 'rejected'])
        .where('updated_at', '>=', `${year}-01-01`)
        .where('updated_at', '<', `${year + 1}-01-01`)
        .execute();
      const decided: { type: string; status: 'approved' | 'rejected' }[] = [];
      for (const r of rows)
        if (r.status === 'approved' || r.status === 'rejected')
          decided.push({ type: r.type, status: r.status });
      return decided;
    },
  };
}
