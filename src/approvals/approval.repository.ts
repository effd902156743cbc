import { randomUUID } from 'node:crypto';
import type {
  Approval,
  ApprovalStatus,
  ApprovalSubject,
  ApprovalType,
  ApproverRole,
  Decision,
} from './domain/approval.js';
import type { ApprovalRepository, NewApproval, StepChange } from './domain/approval.service.js';
import type { OrgDirectory, RegisterChange } from '../org/index.js';
import type { ApprovalRow, ApprovalStepRow } from './approval.table.js';
import { sortableId } from '../platform/db/ids.js';
import { atomically, type Executor } from '../platform/db/executor.js';

function subjectOf(row: ApprovalRow): ApprovalSubject {
  if (row.subject_kind === 'system') return { kind: 'system', systemId: row.subject_id };
  if (row.subject_kind === 'document') return { kind: 'document', documentId: row.subject_id };
  return { kind: 'year', year: Number(row.subject_id) };
}

const subjectId = (subject: ApprovalSubject) =>
  subject.kind === 'system'
    ? subject.systemId
    : subject.kind === 'document'
      ? subject.documentId
      : String(subject.year);

export function approvalRowToApproval(row: ApprovalRow, steps: ApprovalStepRow[]): Approval {
  return {
    id: row.id,
    type: row.type as ApprovalType,
    subject: subjectOf(row),
    title: row.title,
    justification: row.justification,
    link: row.link,
    proposedOwnerId: row.proposed_owner_id,
    validUntil: row.valid_until,
    requesterAadObjectId: row.requester_aad_object_id,
    requesterName: row.requester_name,
    status: row.status as ApprovalStatus,
    currentStep: Number(row.current_step),
    version: Number(row.version),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    steps: steps
      .map((s) => ({
        index: Number(s.step_index),
        role: s.role as ApproverRole,
        approverIds: JSON.parse(s.approver_ids) as string[],
        delegate:
          s.delegate_aad_object_id && s.delegate_name && s.delegated_by
            ? {
                aadObjectId: s.delegate_aad_object_id,
                name: s.delegate_name,
                byAadObjectId: s.delegated_by,
              }
            : null,
        decision: s.decision as Decision | null,
        decidedByAadObjectId: s.decided_by_aad_object_id,
        decidedByName: s.decided_by_name,
        decidedAt: s.decided_at ? new Date(s.decided_at) : null,
        comment: s.comment,
        startedAt: s.started_at ? new Date(s.started_at) : null,
      }))
      .sort((a, b) => a.index - b.index),
  };
}

async function load(db: Executor, rows: ApprovalRow[]): Promise<Approval[]> {
  if (rows.length === 0) return [];
  const steps = await db
    .selectFrom('approval_step')
    .selectAll()
    .where(
      'approval_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((row) =>
    approvalRowToApproval(
      row,
      steps.filter((s) => s.approval_id === row.id),
    ),
  );
}

/** `db` is the database or the caller's transaction (one unit of work). */
export function createApprovalRepository(db: Executor): ApprovalRepository {
  async function get(id: string, executor: Executor = db): Promise<Approval | undefined> {
    const row = await executor
      .selectFrom('approval')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? (await load(executor, [row]))[0] : undefined;
  }

  async function bySubmission(
    requester: string,
    submissionId: string,
  ): Promise<Approval | undefined> {
    const row = await db
      .selectFrom('approval')
      .selectAll()
      .where('requester_aad_object_id', '=', requester)
      .where('submission_id', '=', submissionId)
      .executeTakeFirst();
    return row ? (await load(db, [row]))[0] : undefined;
  }

  return {
    async create(approval: NewApproval, at: Date) {
      const requester = approval.requesterAadObjectId.toLowerCase();
      const existing = await bySubmission(requester, approval.submissionId);
      if (existing) return { approval: existing, created: false };
      const id = randomUUID();
      const now = at.toISOString();
      try {
        await atomically(db, async (trx) => {
          await trx
            .insertInto('approval')
            .values({
              id,
              type: approval.type,
              subject_kind: approval.subject.kind,
              subject_id: subjectId(approval.subject),
              title: approval.title,
              justification: approval.justification,
              link: approval.link,
              proposed_owner_id: approval.proposedOwnerId,
              valid_until: approval.validUntil,
              requester_aad_object_id: requester,
              requester_name: approval.requesterName,
              tenant_id: approval.tenantId,
              submission_id: approval.submissionId,
              status: 'pending',
              current_step: 0,
              version: 1,
              created_at: now,
              updated_at: now,
            })
            .execute();
          await trx
            .insertInto('approval_step')
            .values(
              approval.steps.map((step, index) => ({
                approval_id: id,
                step_index: index,
                role: step.role,
                approver_ids: JSON.stringify(step.approverIds),
                delegate_aad_object_id: null,
                delegate_name: null,
                delegated_by: null,
                decision: null,
                decided_by_aad_object_id: null,
                decided_by_name: null,
                decided_at: null,
                comment: null,
                started_at: index === 0 ? now : null,
              })),
            )
            .execute();
        });
      } catch (error) {
        const winner = await bySubmission(requester, approval.submissionId);
        if (winner) return { approval: winner, created: false };
        throw error;
      }
      const created = await get(id);
      if (!created) throw new Error('approval vanished after insert');
      return { approval: created, created: true };
    },

    get: (id) => get(id),

    async change(id: string, expectedVersion: number, change: StepChange, at: Date) {
      return atomically(db, async (trx) => {
        const current = await get(id, trx);
        if (!current || current.version !== expectedVersion) return 'stale' as const;
        const now = at.toISOString();
        const stepIndex = current.currentStep;
        const isLast = stepIndex === current.steps.length - 1;
        let status: ApprovalStatus = current.status;
        let nextStep = stepIndex;
        if (change.kind === 'decide') {
          if (change.decision === 'rejected') status = 'rejected';
          else if (isLast) status = 'approved';
          else nextStep = stepIndex + 1;
        } else if (change.kind === 'withdraw') status = 'withdrawn';

        // The version check in the WHERE clause is what makes one of two simultaneous clicks lose.
        const result = await trx
          .updateTable('approval')
          .set({ status, current_step: nextStep, version: expectedVersion + 1, updated_at: now })
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return 'stale' as const;

        const step = trx
          .updateTable('approval_step')
          .where('approval_id', '=', id)
          .where('step_index', '=', stepIndex);
        if (change.kind === 'decide') {
          await step
            .set({
              decision: change.decision,
              decided_by_aad_object_id: change.byAadObjectId,
              decided_by_name: change.byName,
              decided_at: now,
              comment: change.comment,
            })
            .execute();
          if (nextStep !== stepIndex) {
            await trx
              .updateTable('approval_step')
              .set({ started_at: now })
              .where('approval_id', '=', id)
              .where('step_index', '=', nextStep)
              .execute();
          }
        } else if (change.kind === 'delegate') {
          await step
            .set({
              delegate_aad_object_id: change.delegate.aadObjectId,
              delegate_name: change.delegate.name,
              delegated_by: change.delegate.byAadObjectId,
            })
            .execute();
        }
        const updated = await get(id, trx);
        if (!updated) throw new Error('approval vanished inside its own transaction');
        return updated;
      });
    },

    async listPending() {
      const rows = await db
        .selectFrom('approval')
        .selectAll()
        .where('status', '=', 'pending')
        .orderBy('created_at')
        .execute();
      return load(db, rows);
    },

    async summariesSince(since: Date) {
      const rows = await db
        .selectFrom('approval')
        .select(['type', 'status', 'created_at', 'updated_at'])
        .where('created_at', '>=', since.toISOString())
        .execute();
      return rows.map((r) => ({
        type: r.type as ApprovalType,
        status: r.status as ApprovalStatus,
        createdAt: new Date(r.created_at),
        updatedAt: new Date(r.updated_at),
      }));
    },

    async listByRequester(aadObjectId: string, limit: number) {
      const rows = await db
        .selectFrom('approval')
        .selectAll()
        .where('requester_aad_object_id', '=', aadObjectId.toLowerCase())
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return load(db, rows);
    },
  };
}

export interface RegisterRepository {
  record(change: RegisterChange, at: Date): Promise<void>;
  all(): Promise<RegisterChange[]>;
}

export function createRegisterRepository(db: Executor): RegisterRepository {
  return {
    async record(change, at) {
      await db
        .insertInto('register_change')
        .values({
          id: sortableId(),
          approval_id: change.approvalId,
          kind: change.kind,
          change: JSON.stringify(change),
          at: at.toISOString(),
        })
        .onConflict((oc) => oc.column('approval_id').doNothing())
        .execute();
    },
    async all() {
      const rows = await db
        .selectFrom('register_change')
        .select('change')
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((r) => JSON.parse(r.change) as RegisterChange);
    },
  };
}

/** An approved exception (undantag) with its end date, and who answers for it. */
export interface ApprovedException {
  id: string;
  title: string;
  /** The owner of the system or document it concerns; the requester when it has none. */
  ownerId: string;
  validUntil: string;
  /** The subject as the request form names it (`system:<id>`, `document:<id>`). */
  subject: string;
}

/** The approved exceptions that carry an end date, for the reminders. */
export function createExceptionSource(db: Executor, org: () => OrgDirectory) {
  return {
    async listApproved(): Promise<ApprovedException[]> {
      const rows = await db
        .selectFrom('approval')
        .select([
          'id',
          'title',
          'subject_kind',
          'subject_id',
          'valid_until',
          'requester_aad_object_id',
        ])
        .where('type', '=', 'undantag')
        .where('status', '=', 'approved')
        .where('valid_until', 'is not', null)
        .orderBy('valid_until')
        .execute();
      const directory = org();
      return rows.flatMap((r) => {
        const ownerId =
          (r.subject_kind === 'system'
            ? directory.systemById(r.subject_id)?.owner
            : r.subject_kind === 'document'
              ? directory.documentById(r.subject_id)?.owner
              : undefined) ?? directory.personByAadObjectId(r.requester_aad_object_id)?.id;
        return ownerId && r.valid_until
          ? [
              {
                id: r.id,
                title: r.title,
                ownerId,
                validUntil: r.valid_until,
                subject: `${r.subject_kind}:${r.subject_id}`,
              },
            ]
          : [];
      });
    },
  };
}
