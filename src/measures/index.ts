import type { Core } from '../composition.js';
import { incidentForHandler } from '../incidents/index.js';
import type { Person } from '../org/index.js';
import { measureOverview } from './measure.overview.js';
import { defineFeature } from '../platform/teams/feature.js';
import {
  handlerDeps,
  notifierDeps,
  serviceDeps,
  type CoreTransaction,
  type HandlerCore,
} from '../unit-of-work.js';
import {
  mayCreateMeasures,
  type MeasureDeps,
  type MeasureStore,
} from './domain/measure.service.js';
import { measureActions } from './measure.actions.js';
import { controlActions } from './control.actions.js';
import { measuresCommand, newMeasureCommand } from './measure.commands.js';
import { createMeasureNotifier } from './measure.notifier.js';
import { createMeasureRepository } from './measure.repository.js';
import { createControlResultRepository } from './control.repository.js';

export type { MeasureTables } from './measure.table.js';
export type { Measure, MeasureOriginKind } from './domain/measure.js';
export { isOpen } from './domain/measure.js';
export type { MeasureRepository } from './domain/measure.service.js';
export { ownerAad } from './domain/measure.service.js';
export { createMeasureRepository } from './measure.repository.js';
export { createControlResultRepository } from './control.repository.js';
export type { ControlResult, ControlResultRepository } from './domain/control.js';
export { controlCardFor, measureCardFor } from './measure.notifier.js';
export {
  measureStringsFor,
  type MeasureStrings,
  type MeasureReminderStage,
} from './measure.strings.js';
export { ownerName } from './measure.card.js';
export { measureForEndedException } from './exception-expiry.js';
export { measureDecider, type DecidedMeasure } from './measure.decide.js';

/** What the measure handlers are given when the feature is built. */
export interface MeasureFeatureDeps extends HandlerCore {
  readonly measures: MeasureDeps;
  /** The incident a measure is decided from, for someone who handles it. */
  incidentFor(
    incidentId: string,
    viewerAadObjectId: string,
  ): Promise<{ number: string; systemId: string | null } | undefined>;
  mayCreate(person: Person | undefined): boolean;
}

export function createMeasureDeps(core: Core): MeasureDeps {
  const store = (tx: CoreTransaction): MeasureStore => ({
    measures: createMeasureRepository(tx.db),
    controls: createControlResultRepository(tx.db),
    audit: tx.audit,
    notifier: createMeasureNotifier(notifierDeps(tx, { clock: core.clock })),
  });
  return serviceDeps(core, store);
}

/** Decided measures (policy 5): given to an owner, reminded, escalated and closed on cards. */
export const measures = defineFeature<Core, MeasureFeatureDeps>({
  name: 'measures',
  commands: [newMeasureCommand, measuresCommand],
  cardActions: [...measureActions, ...controlActions],
  deps: (core) =>
    handlerDeps(core, {
      measures: createMeasureDeps(core),
      incidentFor: (id: string, viewer: string) => incidentForHandler(core, id, viewer),
      mayCreate: (person: Person | undefined) => mayCreateMeasures(person, core.register.current),
    }),
  overview: (deps) => measureOverview(deps.measures),
});
