import type { ApprovalFeatureDeps } from './index.js';
import { randomUUID } from 'node:crypto';
import { CardFactory } from 'botbuilder';
import { currentStep, type Approval } from './domain/approval.js';
import { mayDecide, type ApprovalDeps } from './domain/approval.service.js';
import { localParts } from '../platform/calendar.js';
import { approvalStringsFor } from './approval.strings.js';
import { approvalFormCard } from './approval-form.card.js';
import { approvalListCard } from './approval-list.card.js';
import type { Command } from '../platform/teams/command.js';

/** `begär godkännande`: the request form. */
export const requestApprovalCommand: Command<ApprovalFeatureDeps> = {
  id: 'request-approval',
  names: ['begär godkännande', 'request approval'],
  async handle(ctx) {
    const { org, clock } = ctx.deps;
    const year = Number(localParts(clock.now(), org.organisation.timezone).date.slice(0, 4));
    const card = approvalFormCard(
      approvalStringsFor(ctx.actor.locale),
      org,
      year,
      randomUUID(),
      {},
    );
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  },
};

/** What waits for the person's decision, and what they have requested (newest first). */
export async function approvalsOf(
  deps: ApprovalDeps,
  aad: string,
): Promise<{ waiting: Approval[]; mine: Approval[] }> {
  const { approvals, org } = deps;
  const waiting = (await approvals.listPending()).filter((a) => {
    const step = currentStep(a);
    return step !== undefined && mayDecide(a, step, aad, org);
  });
  const mine = aad ? await approvals.listByRequester(aad, 200) : [];
  return { waiting, mine };
}

/** `godkännanden`: what waits for the person's decision, and what they have requested. */
export const approvalsCommand: Command<ApprovalFeatureDeps> = {
  id: 'approvals',
  names: ['godkännanden', 'approvals'],
  async handle(ctx) {
    const strings = approvalStringsFor(ctx.actor.locale);
    const { org } = ctx.deps.approvals;
    const { waiting, mine } = await approvalsOf(ctx.deps.approvals, ctx.actor.aadObjectId ?? '');
    const card = approvalListCard(strings, org, waiting, mine, ctx.actor.strings.listMore);
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  },
};
