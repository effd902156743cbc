import type { Core } from '../composition.js';
import {
  handlerDeps,
  serviceDeps,
  notifierDeps,
  type CoreTransaction,
  type HandlerCore,
} from '../unit-of-work.js';
import { approvalOverview } from './approval.overview.js';
import { defineFeature } from '../platform/teams/feature.js';
import {
  remindPendingApprovals,
  type ApprovalDeps,
  type ApprovalStore,
} from './domain/approval.service.js';
import { approvalActions } from './approval.actions.js';
import { peopleSearch } from './approval.search.js';
import { approvalsCommand, requestApprovalCommand } from './approval.commands.js';
import { createApprovalNotifier } from './approval.notifier.js';
import { createApprovalRepository } from './approval.repository.js';
import { measureDecider } from '../measures/index.js';

export type { ApprovalTables } from './approval.table.js';

export type { ApprovalType } from './domain/approval.js';
export { approvalStringsFor, type ApprovalStrings } from './approval.strings.js';
export {
  createExceptionSource,
  createRegisterRepository,
  type ApprovedException,
  type RegisterRepository,
} from './approval.repository.js';

/** What the approval handlers are given when the feature is built. */
export interface ApprovalFeatureDeps extends HandlerCore {
  readonly approvals: ApprovalDeps;
}

export function createApprovalDeps(core: Core): ApprovalDeps {
  const store = (tx: CoreTransaction): ApprovalStore => ({
    approvals: createApprovalRepository(tx.db),
    measures: measureDecider(tx, core.clock),
    audit: tx.audit,
    register: tx.register,
    notifier: createApprovalNotifier(notifierDeps(tx, { clock: core.clock })),
  });
  // Object.assign, not a spread: a spread would copy `org` once instead of reading it live.
  return Object.assign(serviceDeps(core, store), { limits: core.config.approvals });
}

/** Approvals routed to systemägare and kommunchef, decided on cards and applied to the register. */
export const approvals = defineFeature<Core, ApprovalFeatureDeps>({
  name: 'approvals',
  commands: [requestApprovalCommand, approvalsCommand],
  cardActions: approvalActions,
  searches: [peopleSearch],
  deps: (core) => handlerDeps(core, { approvals: createApprovalDeps(core) }),
  overview: (deps) => approvalOverview(deps.approvals),
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
