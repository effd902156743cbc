import type { Core } from '../composition.js';
import type { CoreTransaction } from '../unit-of-work.js';
import type { AuditRepository, OrgDirectory, PersonRepository } from '../org/index.js';
import type { Clock } from '../platform/clock.js';
import { defineFeature } from '../platform/teams/feature.js';
import {
  remindPendingApprovals,
  type ApprovalDeps,
  type ApprovalStore,
} from './domain/approval.service.js';
import { approvalActions } from './approval.actions.js';
import { approvalsCommand, requestApprovalCommand } from './approval.commands.js';
import { createApprovalNotifier } from './approval.notifier.js';
import { createApprovalRepository } from './approval.repository.js';

export type { ApprovalTables } from './approval.table.js';

export type { ApprovalType } from './domain/approval.js';
export { approvalStringsFor, type ApprovalStrings } from './approval.strings.js';
export { createRegisterRepository, type RegisterRepository } from './approval.repository.js';

/** What the approval handlers are given when the feature is built. */
export interface ApprovalFeatureDeps {
  readonly approvals: ApprovalDeps;
  readonly org: OrgDirectory;
  readonly clock: Clock;
  readonly people: PersonRepository;
  readonly audit: AuditRepository;
}

export function createApprovalDeps(core: Core): ApprovalDeps {
  const store = (tx: CoreTransaction): ApprovalStore => ({
    approvals: createApprovalRepository(tx.db),
    audit: tx.audit,
    register: tx.register,
    notifier: createApprovalNotifier({
      get org() {
        return tx.org;
      },
      people: tx.people,
      audit: tx.audit,
      clock: core.clock,
      notify: tx.notify,
    }),
  });
  return {
    ...store(core.direct),
    get org() {
      return core.register.current;
    },
    clock: core.clock,
    limits: core.config.approvals,
    unitOfWork: (work) => core.transaction((tx) => work(store(tx))),
  };
}

/** Approvals routed to systemägare and kommunchef, decided on cards and applied to the register. */
export const approvals = defineFeature<Core, ApprovalFeatureDeps>({
  name: 'approvals',
  commands: [requestApprovalCommand, approvalsCommand],
  cardActions: approvalActions,
  deps: (core) => ({
    approvals: createApprovalDeps(core),
    get org() {
      return core.register.current;
    },
    clock: core.clock,
    people: core.people,
    audit: core.audit,
  }),
  periodic: (deps, core) => [
    {
      name: 'approval reminders',
      everySeconds: core.config.approvals.checkSeconds,
      run: async () => {
        // Also picks up register changes another instance made.
        await core.register.reload();
        return remindPendingApprovals(deps.approvals);
      },
    },
  ],
});
