import { createHash } from 'node:crypto';
import type { OrgDirectory, PersonRepository } from '../org/index.js';
import { formatLocal } from '../platform/calendar.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import { localeFrom } from '../platform/strings.js';
import type { UnitOfWork } from '../platform/unit-of-work.js';
import type { CoreTransaction } from '../unit-of-work.js';
import {
  createOutboxRepository,
  type OutboxRepository,
  type UndeliveredMessage,
} from './outbox.repository.js';
import type { OutboxSender } from './outbox.sender.js';
import { outboxStringsFor, type OutboxStrings } from './outbox.strings.js';

/** A failed message is put back automatically at most this often; then a coordinator decides. */
export const MAX_AUTOMATIC_REQUEUES = 3;

export interface OutboxRecoveryDeps {
  outbox: OutboxRepository;
  people: PersonRepository;
  readonly org: OrgDirectory;
  /** The outbox's clock. */
  clock: Clock;
  log: Logger;
  sender: Pick<OutboxSender, 'wake'>;
  transaction: UnitOfWork<CoreTransaction>;
}

/** "Incidentkort INC-2026-0001": what a message was, in the coordinator's language. */
export function describeMessage(strings: OutboxStrings, message: UndeliveredMessage): string {
  const what = message.purpose ? strings.purposes[message.purpose] : strings.otherMessage;
  return message.subject ? `${what} ${message.subject}` : what;
}

export async function recipientName(
  deps: Pick<OutboxRecoveryDeps, 'org' | 'people'>,
  aadObjectId: string,
): Promise<string> {
  return (
    deps.org.personByAadObjectId(aadObjectId)?.name ||
    (await deps.people.find(aadObjectId))?.name ||
    aadObjectId
  );
}

/**
 * The periodic check. A message that failed for a cause that may clear (5xx, a timeout)
 * goes back in the queue once the connector has taken a later message; messages with a
 * deadline that could not be delivered are told to the coordinators, once.
 */
export async function recoverOutbox(
  deps: OutboxRecoveryDeps,
): Promise<{ requeued: number; reported: number }> {
  const now = deps.clock.now();
  let requeued = 0;
  const lastSent = await deps.outbox.lastSentAt();
  if (lastSent) {
    const rows = await deps.outbox.failedTransiently(lastSent, now, MAX_AUTOMATIC_REQUEUES, 200);
    for (const row of rows) if (await deps.outbox.requeue(row.id, now)) requeued++;
    if (requeued > 0) {
      deps.log.info({ requeued }, 'outbox: failed messages queued again, the connector answers');
      deps.sender.wake();
    }
  }
  const undelivered = await deps.outbox.undeliveredUnreported(50);
  if (undelivered.length > 0) await reportUndelivered(deps, undelivered);
  return { requeued, reported: undelivered.length };
}

async function reportUndelivered(
  deps: OutboxRecoveryDeps,
  undelivered: UndeliveredMessage[],
): Promise<void> {
  const now = deps.clock.now();
  const ids = undelivered.map((m) => m.id);
  // The same set of messages makes the same notice, also when two instances check at once.
  const batch = createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 16);
  const names = new Map<string, string>();
  for (const m of undelivered)
    names.set(m.recipientAadObjectId, await recipientName(deps, m.recipientAadObjectId));
  await deps.transaction(async (tx) => {
    const timeZone = tx.org.organisation.timezone;
    for (const coordinator of tx.org.sakerhetssamordnare()) {
      const known = await tx.people.find(coordinator.aadObjectId);
      const strings = outboxStringsFor(localeFrom(known?.locale));
      const text = strings.notice(
        undelivered.map((m) => ({
          what: describeMessage(strings, m),
          recipient: names.get(m.recipientAadObjectId) ?? m.recipientAadObjectId,
          deadline: m.deadlineAt ? formatLocal(m.deadlineAt, timeZone) : '',
          reason: m.status === 'unreachable' ? strings.statuses.unreachable : (m.reason ?? ''),
        })),
      );
      await tx.notify({
        dedupeKey: `outbox:undelivered:${batch}:${coordinator.aadObjectId}`,
        recipientAadObjectId: coordinator.aadObjectId,
        tenantId: tx.org.organisation.tenantId,
        activity: { type: 'message', text, textFormat: 'plain' },
      });
    }
    await createOutboxRepository(tx.db).markReported(ids, now);
    await tx.audit.record({
      at: now,
      actor: 'system',
      action: 'outbox.undelivered-reported',
      objectType: 'outbox',
      objectId: batch,
      details: { messages: ids.length },
    });
  });
}
