import type { CoreTransaction } from '../unit-of-work.js';
import { addDays, parseDate } from '../platform/calendar.js';
import { MEASURE_LIMITS, SYSTEM_ACTOR, type Measure } from './domain/measure.js';
import { createMeasureRepository } from './measure.repository.js';

/** Days the owner has to correct what an ended exception allowed. */
export const ENDED_EXCEPTION_DAYS = 30;

/**
 * The measure an approved exception becomes the day after its last day: its owner is to
 * correct what it allowed, or ask for a new exception. Made once per exception and end
 * date, in the caller's transaction (with its audit event; the caller queues the card).
 */
export async function measureForEndedException(
  tx: Pick<CoreTransaction, 'db' | 'audit' | 'org'>,
  at: Date,
  exception: {
    approvalId: string;
    title: string;
    validUntil: string;
    ownerId: string;
    subject: string;
  },
  wording: {
    title: (title: string) => string;
    description: (title: string, date: string) => string;
  },
): Promise<Measure> {
  const [kind, id] = exception.subject.split(':', 2);
  const systemId = kind === 'system' && id && tx.org.systemById(id) ? id : null;
  const { measure, created } = await createMeasureRepository(tx.db).create(
    {
      title: wording.title(exception.title).slice(0, MEASURE_LIMITS.title),
      description: wording.description(exception.title, exception.validUntil),
      ownerId: exception.ownerId,
      dueDate: addDays(parseDate(exception.validUntil)!, 1 + ENDED_EXCEPTION_DAYS).toString(),
      systemId,
      origin: { kind: 'exception', approvalId: exception.approvalId },
      createdByAadObjectId: SYSTEM_ACTOR,
      createdByName: 'IT-säkerhet',
      submissionId: `exception:${exception.approvalId}:${exception.validUntil}`,
    },
    at,
  );
  if (created)
    await tx.audit.record({
      at,
      actor: SYSTEM_ACTOR,
      action: 'measure.created',
      objectType: 'measure',
      objectId: measure.id,
      details: { origin: 'exception' },
    });
  return measure;
}
