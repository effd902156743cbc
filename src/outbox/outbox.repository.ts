import { randomUUID } from 'node:crypto';
import type { Executor } from '../platform/db/executor.js';
import type { ExpressionBuilder } from 'kysely';
import type { Database, OutboxPurpose, OutboxRow, OutboxStatus } from '../platform/db/database.js';

function isDue(eb: ExpressionBuilder<Database, 'outbox'>, nowIso: string) {
  return eb.or([
    eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', nowIso)]),
    // A sender that crashed mid-attempt left its lease behind.
    eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', nowIso)]),
  ]);
}

/** One message the bot sends on its own initiative, addressed to a person. */
export interface OutboxMessage {
  /** Unique per logical message, e.g. `incident:INC-2026-0001:notify:<aad>`. */
  dedupeKey: string;
  recipientAadObjectId: string;
  tenantId: string;
  /** A Bot Framework activity (text and/or attachments), JSON-serialisable. */
  activity: Record<string, unknown>;
  /** Earliest time to send; default now. */
  notBefore?: Date;
  /**
   * A message that must arrive by a deadline (incident routing, deadline reminders,
   * approvals) is retried until `at`, however long Teams is down; if it still could not
   * be delivered, the coordinators are told what it was (`purpose`, `subject`).
   */
  deadline?: { at: Date; purpose: OutboxPurpose; subject: string };
  /**
   * What to send instead when Teams refuses the activity as too large (413): a short
   * plain text that says what the message was and where to see it. Without it the
   * outbox writes one from `deadline` and the activity's `summary`.
   */
  fallbackText?: string;
}

/** A message that could not be delivered, as the coordinators see it. */
export interface UndeliveredMessage {
  id: string;
  recipientAadObjectId: string;
  status: 'failed' | 'unreachable';
  reason: string | null;
  purpose: OutboxPurpose | null;
  subject: string | null;
  deadlineAt: Date | null;
  createdAt: Date;
  failedAt: Date;
}

function toUndelivered(row: OutboxRow): UndeliveredMessage {
  return {
    id: row.id,
    recipientAadObjectId: row.recipient_aad_object_id,
    status: row.status === 'unreachable' ? 'unreachable' : 'failed',
    reason: row.last_error,
    purpose: row.purpose,
    subject: row.subject,
    deadlineAt: row.deadline_at ? new Date(row.deadline_at) : null,
    createdAt: new Date(row.created_at),
    failedAt: new Date(row.updated_at),
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;

export function createOutboxRepository(db: Executor) {
  return {
    /** Adds the message unless one with the same dedupe key exists. Returns true when added. */
    async enqueue(message: OutboxMessage, now: Date): Promise<boolean> {
      const nowIso = now.toISOString();
      const result = await db
        .insertInto('outbox')
        .values({
          id: randomUUID(),
          dedupe_key: message.dedupeKey,
          recipient_aad_object_id: message.recipientAadObjectId.toLowerCase(),
          tenant_id: message.tenantId,
          activity: JSON.stringify(message.activity),
          status: 'pending',
          attempts: 0,
          next_attempt_at: (message.notBefore ?? now).toISOString(),
          lease_until: null,
          last_error: null,
          created_at: nowIso,
          updated_at: nowIso,
          sent_at: null,
          deadline_at: message.deadline?.at.toISOString() ?? null,
          purpose: message.deadline?.purpose ?? null,
          subject: message.deadline?.subject.slice(0, 200) ?? null,
          transient_failure: null,
          requeues: 0,
          reported_at: null,
          fallback_text: message.fallbackText ?? null,
          sent_as_fallback: null,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },

    /**
     * Claims up to `limit` due messages for this sender. The conditional update makes
     * a row belong to exactly one sender, also with several instances on one database.
     */
    async claimDue(now: Date, leaseMs: number, limit: number): Promise<OutboxRow[]> {
      const nowIso = now.toISOString();
      const candidates = await db
        .selectFrom('outbox')
        .select('id')
        .where((eb) => isDue(eb, nowIso))
        .orderBy('next_attempt_at')
        .limit(limit)
        .execute();
      const claimed: OutboxRow[] = [];
      for (const { id } of candidates) {
        const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
        const row = await db
          .updateTable('outbox')
          .set((eb) => ({
            status: 'sending' as const,
            lease_until: leaseUntil,
            attempts: eb('attempts', '+', 1),
            updated_at: nowIso,
          }))
          .where('id', '=', id)
          .where((eb) => isDue(eb, nowIso))
          .returningAll()
          .executeTakeFirst();
        if (row) claimed.push(row);
      }
      return claimed;
    },

    async markSent(id: string, now: Date): Promise<void> {
      await finish(id, 'sent', null, now, { sent_at: now.toISOString() });
    },

    /** Sent, as the short text instead of the card Teams refused (`reason`: what it answered). */
    async markSentAsFallback(id: string, reason: string, now: Date): Promise<void> {
      await finish(id, 'sent', reason, now, { sent_at: now.toISOString(), sent_as_fallback: 1 });
    },

    async reschedule(id: string, at: Date, reason: string, now: Date): Promise<void> {
      await db
        .updateTable('outbox')
        .set({
          status: 'pending',
          next_attempt_at: at.toISOString(),
          lease_until: null,
          last_error: reason,
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .execute();
    },

    /** Extends the leases of messages this sender still holds (its heartbeat). */
    async renewLeases(ids: string[], leaseUntil: Date, now: Date): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable('outbox')
        .set({ lease_until: leaseUntil.toISOString(), updated_at: now.toISOString() })
        .where('id', 'in', ids)
        .where('status', '=', 'sending')
        .execute();
    },

    /**
     * Hands a claimed message back untried: the sender is stopping, or the chat is
     * paused by Teams and the message should wait in the database until `notBefore`.
     */
    async release(id: string, now: Date, notBefore?: Date): Promise<void> {
      await db
        .updateTable('outbox')
        .set((eb) => ({
          status: 'pending' as const,
          lease_until: null,
          attempts: eb('attempts', '-', 1),
          updated_at: now.toISOString(),
          ...(notBefore ? { next_attempt_at: notBefore.toISOString() } : {}),
        }))
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .execute();
    },

    /** `transient`: the cause may clear (5xx, timeout), so the periodic check may queue it again. */
    async markFailed(id: string, reason: string, now: Date, transient = false): Promise<void> {
      await db
        .updateTable('outbox')
        .set({
          status: 'failed',
          last_error: reason,
          lease_until: null,
          transient_failure: transient ? 1 : 0,
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .execute();
    },

    /** When the connector last took a message: proof that it answers again. */
    async lastSentAt(): Promise<Date | undefined> {
      const row = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.max('sent_at').as('last'))
        .where('status', '=', 'sent')
        .executeTakeFirst();
      return row?.last ? new Date(row.last) : undefined;
    },

    /**
     * Failed messages whose cause may have cleared: a transient failure before `before`,
     * not yet past their own deadline, and put back fewer than `maxRequeues` times.
     */
    async failedTransiently(
      before: Date,
      now: Date,
      maxRequeues: number,
      limit: number,
    ): Promise<OutboxRow[]> {
      return db
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'failed')
        .where('transient_failure', '=', 1)
        .where('updated_at', '<', before.toISOString())
        .where((eb) => eb.or([eb('requeues', 'is', null), eb('requeues', '<', maxRequeues)]))
        .where((eb) =>
          eb.or([eb('deadline_at', 'is', null), eb('deadline_at', '>', now.toISOString())]),
        )
        .orderBy('updated_at')
        .limit(limit)
        .execute();
    },

    /**
     * Puts a failed (or unreachable) message back in the queue with fresh attempts.
     * Returns false when it is in another state by now (sent, or queued already).
     */
    async requeue(id: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('outbox')
        .set((eb) => ({
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: now.toISOString(),
          lease_until: null,
          transient_failure: null,
          reported_at: null,
          requeues: eb(eb.fn.coalesce('requeues', eb.lit(0)), '+', 1),
          updated_at: now.toISOString(),
        }))
        .where('id', '=', id)
        .where('status', 'in', ['failed', 'unreachable'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Messages with a deadline that could not be delivered and that nobody was told about yet. */
    async undeliveredUnreported(limit: number): Promise<UndeliveredMessage[]> {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('status', 'in', ['failed', 'unreachable'])
        .where('deadline_at', 'is not', null)
        .where('reported_at', 'is', null)
        .orderBy('updated_at')
        .limit(limit)
        .execute();
      return rows.map(toUndelivered);
    },

    async markReported(ids: string[], now: Date): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable('outbox')
        .set({ reported_at: now.toISOString() })
        .where('id', 'in', ids)
        .execute();
    },

    /** What could not be delivered, the latest first (the coordinators' `utkorg`). */
    async undelivered(limit: number): Promise<UndeliveredMessage[]> {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('status', 'in', ['failed', 'unreachable'])
        .orderBy('updated_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toUndelivered);
    },

    /** The newest messages to one person, whatever their state (the local inbox view). */
    async listTo(aadObjectId: string, limit: number): Promise<OutboxRow[]> {
      return db
        .selectFrom('outbox')
        .selectAll()
        .where('recipient_aad_object_id', '=', aadObjectId.toLowerCase())
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    async findById(id: string): Promise<OutboxRow | undefined> {
      return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async markUnreachable(id: string, reason: string, now: Date): Promise<void> {
      await finish(id, 'unreachable', reason, now);
    },

    /** Time of the next pending message, to know how long the sender may sleep. */
    async nextDueAt(): Promise<Date | undefined> {
      const row = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.min('next_attempt_at').as('next'))
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return row?.next ? new Date(row.next) : undefined;
    },

    async oldestWaitingSince(): Promise<Date | undefined> {
      const row = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.min('created_at').as('oldest'))
        .where('status', 'in', ['pending', 'sending'])
        .executeTakeFirst();
      return row?.oldest ? new Date(row.oldest) : undefined;
    },

    async countByStatus(): Promise<Record<OutboxStatus, number>> {
      const rows = await db
        .selectFrom('outbox')
        .select((eb) => ['status', eb.fn.countAll<string | number>().as('n')])
        .groupBy('status')
        .execute();
      const counts: Record<OutboxStatus, number> = {
        pending: 0,
        sending: 0,
        sent: 0,
        failed: 0,
        unreachable: 0,
      };
      for (const r of rows) counts[r.status] = Number(r.n);
      return counts;
    },

    async findByDedupeKey(dedupeKey: string): Promise<OutboxRow | undefined> {
      return db
        .selectFrom('outbox')
        .selectAll()
        .where('dedupe_key', '=', dedupeKey)
        .executeTakeFirst();
    },
  };

  async function finish(
    id: string,
    status: OutboxStatus,
    reason: string | null,
    now: Date,
    extra: { sent_at?: string; sent_as_fallback?: number } = {},
  ): Promise<void> {
    await db
      .updateTable('outbox')
      .set({
        status,
        last_error: reason,
        lease_until: null,
        updated_at: now.toISOString(),
        ...extra,
      })
      .where('id', '=', id)
      .execute();
  }
}
