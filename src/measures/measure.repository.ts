import { randomUUID } from 'node:crypto';
import { atomically, type Executor } from '../platform/db/executor.js';
import type { Measure, MeasureOrigin, MeasureStatus } from './domain/measure.js';
import type { MeasureChange, MeasureRepository, NewMeasure } from './domain/measure.service.js';
import type { MeasureRow, MeasureTable } from './measure.table.js';

function originOf(row: MeasureRow): MeasureOrigin {
  if (row.origin_kind === 'incident' && row.origin_ref)
    return { kind: 'incident', incidentNumber: row.origin_ref };
  if (row.origin_kind === 'control' && row.origin_ref)
    return { kind: 'control', controlId: row.origin_ref };
  if (row.origin_kind === 'exception' && row.origin_ref)
    return { kind: 'exception', approvalId: row.origin_ref };
  if (row.origin_kind === 'approval' && row.origin_ref)
    return { kind: 'approval', approvalId: row.origin_ref };
  if (row.origin_kind === 'threat-analysis' && row.origin_ref)
    return { kind: 'threat-analysis', systemId: row.origin_ref };
  return { kind: 'manual' };
}

const originRef = (origin: MeasureOrigin): string | null =>
  origin.kind === 'incident'
    ? origin.incidentNumber
    : origin.kind === 'control'
      ? origin.controlId
      : origin.kind === 'threat-analysis'
        ? origin.systemId
        : origin.kind === 'exception' || origin.kind === 'approval'
          ? origin.approvalId
          : null;

export function measureFromRow(row: MeasureRow): Measure {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    ownerId: row.owner_id,
    dueDate: row.due_date,
    systemId: row.system_id,
    origin: originOf(row),
    status: row.status as MeasureStatus,
    createdByAadObjectId: row.created_by_aad_object_id,
    createdByName: row.created_by_name,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    doneAt: row.done_at ? new Date(row.done_at) : null,
    doneComment: row.done_comment,
    extension:
      row.extension_due_date && row.extension_requested_at
        ? {
            dueDate: row.extension_due_date,
            reason: row.extension_reason ?? '',
            requestedAt: new Date(row.extension_requested_at),
          }
        : null,
    extensions: Number(row.extensions),
    version: Number(row.version),
  };
}

/** The columns a change writes, from the measure as it is. */
function changedColumns(
  current: Measure,
  change: MeasureChange,
  now: string,
): Partial<MeasureTable> {
  const noExtension = {
    extension_due_date: null,
    extension_reason: null,
    extension_requested_at: null,
  };
  switch (change.kind) {
    case 'start':
      return { status: 'started' };
    case 'done':
      return { status: 'done', done_at: now, done_comment: change.comment, ...noExtension };
    case 'request-extension':
      return {
        extension_due_date: change.dueDate,
        extension_reason: change.reason,
        extension_requested_at: now,
      };
    case 'extension-approved':
      return {
        due_date: current.extension?.dueDate ?? current.dueDate,
        extensions: current.extensions + 1,
        ...noExtension,
      };
    case 'extension-rejected':
      return noExtension;
  }
}

/** `db` is the database or the caller's transaction (one unit of work). */
export function createMeasureRepository(db: Executor): MeasureRepository {
  async function get(id: string, executor: Executor = db): Promise<Measure | undefined> {
    const row = await executor
      .selectFrom('measure')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? measureFromRow(row) : undefined;
  }

  async function bySubmission(creator: string, submissionId: string) {
    const row = await db
      .selectFrom('measure')
      .selectAll()
      .where('created_by_aad_object_id', '=', creator)
      .where('submission_id', '=', submissionId)
      .executeTakeFirst();
    return row ? measureFromRow(row) : undefined;
  }

  return {
    async create(measure: NewMeasure, at: Date) {
      const creator = measure.createdByAadObjectId.toLowerCase();
      const existing = await bySubmission(creator, measure.submissionId);
      if (existing) return { measure: existing, created: false };
      const id = randomUUID();
      const now = at.toISOString();
      try {
        await atomically(db, (trx) =>
          trx
            .insertInto('measure')
            .values({
              id,
              title: measure.title,
              description: measure.description,
              owner_id: measure.ownerId,
              due_date: measure.dueDate,
              system_id: measure.systemId,
              origin_kind: measure.origin.kind,
              origin_ref: originRef(measure.origin),
              status: 'open',
              created_by_aad_object_id: creator,
              created_by_name: measure.createdByName,
              submission_id: measure.submissionId,
              created_at: now,
              updated_at: now,
              done_at: null,
              done_comment: null,
              extension_due_date: null,
              extension_reason: null,
              extension_requested_at: null,
              extensions: 0,
              version: 1,
            })
            .execute(),
        );
      } catch (error) {
        const winner = await bySubmission(creator, measure.submissionId);
        if (winner) return { measure: winner, created: false };
        throw error;
      }
      const created = await get(id);
      if (!created) throw new Error('measure vanished after insert');
      return { measure: created, created: true };
    },

    get: (id) => get(id),

    async change(id, expectedVersion, change, at) {
      const current = await get(id);
      if (!current || current.version !== expectedVersion) return 'stale';
      const now = at.toISOString();
      // The version check in the WHERE clause is what makes one of two simultaneous clicks lose.
      const result = await db
        .updateTable('measure')
        .set({
          ...changedColumns(current, change, now),
          version: expectedVersion + 1,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return 'stale';
      return (await get(id)) ?? 'stale';
    },

    async listOpen() {
      const rows = await db
        .selectFrom('measure')
        .selectAll()
        .where('status', '!=', 'done')
        .orderBy('due_date')
        .orderBy('created_at')
        .execute();
      return rows.map(measureFromRow);
    },

    async listByOwner(ownerId, limit) {
      const rows = await db
        .selectFrom('measure')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .orderBy('status', 'desc')
        .orderBy('due_date')
        .limit(limit)
        .execute();
      return rows.map(measureFromRow);
    },

    async listForPeriod(from, to) {
      const rows = await db
        .selectFrom('measure')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([
              eb('created_at', '>=', from.toISOString()),
              eb('created_at', '<', to.toISOString()),
            ]),
            eb.and([
              eb('created_at', '<', from.toISOString()),
              eb.or([eb('done_at', 'is', null), eb('done_at', '>=', from.toISOString())]),
            ]),
          ]),
        )
        .orderBy('created_at')
        .execute();
      return rows.map(measureFromRow);
    },
  };
}
