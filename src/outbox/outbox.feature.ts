import type { Core } from '../composition.js';
import type { OrgDirectory, PersonRepository } from '../org/index.js';
import type { Clock } from '../platform/clock.js';
import { defineFeature } from '../platform/teams/feature.js';
import type { UnitOfWork } from '../platform/unit-of-work.js';
import type { CoreTransaction } from '../unit-of-work.js';
import { outboxActions, outboxCommand } from './outbox.commands.js';
import type { OutboxRepository } from './outbox.repository.js';
import { recoverOutbox } from './outbox.recovery.js';
import type { OutboxSender } from './outbox.sender.js';

export interface OutboxFeatureDeps {
  readonly org: OrgDirectory;
  outbox: OutboxRepository;
  people: PersonRepository;
  /** The outbox's clock: when a message was queued and retried. */
  clock: Clock;
  sender: Pick<OutboxSender, 'wake'>;
  transaction: UnitOfWork<CoreTransaction>;
}

/** The coordinators' view of the outbox, and the check that recovers it after an outage. */
export const outboxFeature = defineFeature<Core, OutboxFeatureDeps>({
  name: 'outbox',
  commands: [outboxCommand],
  cardActions: outboxActions,
  deps: (core) => ({
    get org() {
      return core.register.current;
    },
    outbox: core.outbox,
    people: core.people,
    clock: core.outboxClock,
    sender: core.sender,
    transaction: core.transaction,
  }),
  periodic: (deps, core) => [
    {
      name: 'outbox recovery',
      everySeconds: core.config.outbox.recoveryCheckSeconds,
      run: () => recoverOutbox({ ...deps, log: core.log }),
    },
  ],
});
