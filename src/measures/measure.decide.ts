import type { CoreTransaction } from '../unit-of-work.js';
import type { Clock } from '../platform/clock.js';
import { notifierDeps } from '../unit-of-work.js';
import type { Measure } from './domain/measure.js';
import type { NewMeasureInput } from './domain/measure.validation.js';
import { createMeasureNotifier } from './measure.notifier.js';
import { createMeasureRepository } from './measure.repository.js';

export interface DecidedMeasure extends NewMeasureInput {
  /** Unique per decider: the same decision made again makes no second measure. */
  submissionId: string;
}

/**
 * Measures another feature decides (an approval's conditions), in that feature's
 * transaction: each with its audit event and its card to the owner, once.
 */
export function measureDecider(tx: CoreTransaction, clock: Clock) {
  const measures = createMeasureRepository(tx.db);
  const notifier = createMeasureNotifier(notifierDeps(tx, { clock }));
  return {
    async decide(
      measure: DecidedMeasure,
      by: { aadObjectId: string; name: string },
      at: Date,
    ): Promise<Measure> {
      const result = await measures.create(
        { ...measure, createdByAadObjectId: by.aadObjectId, createdByName: by.name },
        at,
      );
      if (result.created) {
        await tx.audit.record({
          at,
          actor: by.aadObjectId,
          action: 'measure.created',
          objectType: 'measure',
          objectId: result.measure.id,
          details: { origin: measure.origin.kind },
        });
        await notifier.assigned(result.measure);
      }
      return result.measure;
    },
  };
}
