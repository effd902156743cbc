import type { ApprovalFeatureDeps } from './index.js';
import { randomUUID } from 'node:crypto';
import { CardFactory } from 'botbuilder';
import { currentStep } from './domain/approval.js';
import { mayDecide } from './domain/approval.service.js';
import { localParts } from '../platform/calendar.js';
import { approvalStringsFor } from './approval.strings.js';
import { approvalFormCard } from './approval-form.card.js';
import { subjectName } from './approval.card.js';
import { userText, renderCardJson } from '../platform/teams/render.js';
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

/** `godkännanden`: what waits for the person's decision, and what they have requested. */
export const approvalsCommand: Command<ApprovalFeatureDeps> = {
  id: 'approvals',
  names: ['godkännanden', 'approvals'],
  async handle(ctx) {
    const strings = approvalStringsFor(ctx.actor.locale);
    const aad = ctx.actor.aadObjectId ?? '';
    const { approvals, org } = ctx.deps.approvals;
    const waiting = (await approvals.listPending()).filter((a) => {
      const step = currentStep(a);
      return step !== undefined && mayDecide(step, aad, org);
    });
    const mine = aad ? await approvals.listByRequester(aad, 20) : [];
    const item = (a: (typeof mine)[number]) => ({
      data: { approvalId: a.id },
      title: userText(a.title),
      subtitle: `${strings.types[a.type]} · ${userText(subjectName(a, org, strings))} · ${strings.statuses[a.status]}`,
    });
    const card = renderCardJson('platform/teams/list', {
      heading: strings.list.title,
      none: strings.list.none,
      openTitle: strings.list.open,
      openVerb: 'approval.open',
      sections: [
        { heading: strings.list.waiting, items: waiting.map(item) },
        { heading: strings.list.mine, items: mine.map(item) },
      ],
    });
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  },
};
