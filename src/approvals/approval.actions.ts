import { pickedPersonId } from '../org/index.js';
import { aadObjectId } from '../platform/identity.js';
import type { ApprovalFeatureDeps } from './index.js';
import { randomUUID } from 'node:crypto';
import { CardFactory } from 'botbuilder';
import { z } from 'zod';
import {
  decideStep,
  delegateStep,
  requestApproval,
  withdrawApproval,
  type ApprovalActionResult,
} from './domain/approval.service.js';
import type { Approval } from './domain/approval.js';
import { parseSubject, validateApprovalForm } from './domain/approval.validation.js';
import { APPROVAL_TYPES } from './domain/approval.js';
import { localParts } from '../platform/calendar.js';
import { approvalStringsFor, type ApprovalStrings } from './approval.strings.js';
import { approvalFormCard } from './approval-form.card.js';
import type { HandlerContext } from '../platform/teams/handler-context.js';
import { approvalCardFor } from './approval.notifier.js';
import {
  cardResponse,
  cardActionsOf,
  messageResponse,
  refusal,
  type CardAction,
} from '../platform/teams/card-action.js';
import type { Notice } from '../platform/teams/render.js';

const cardAction = cardActionsOf<ApprovalFeatureDeps>();

const formText = z.string().max(20_000).optional();
const approvalRef = z.object({ approvalId: z.string().uuid() });
const stepRef = approvalRef.extend({ step: z.coerce.number().int().min(0).max(20) });

const strings = (ctx: HandlerContext<ApprovalFeatureDeps>): ApprovalStrings =>
  approvalStringsFor(ctx.actor.locale);

async function cardFor(
  ctx: HandlerContext<ApprovalFeatureDeps>,
  approval: Approval,
  notice?: Notice,
) {
  const { deps: services } = ctx;
  return approvalCardFor(
    { org: services.org, people: services.people, audit: services.audit, clock: services.clock },
    approval,
    ctx.actor.aadObjectId ?? '',
    ctx.turn.activity.locale ?? null,
    notice,
  );
}

async function answer(ctx: HandlerContext<ApprovalFeatureDeps>, result: ApprovalActionResult) {
  const s = strings(ctx);
  switch (result.kind) {
    case 'ok':
      return cardResponse(await cardFor(ctx, result.approval));
    case 'already-decided':
      return cardResponse(
        await cardFor(ctx, result.approval, { text: s.alreadyDecided, style: 'warning' }),
      );
    case 'not-yet':
      return cardResponse(
        await cardFor(ctx, result.approval, { text: s.notYet, style: 'warning' }),
      );
    case 'forbidden':
      return refusal('forbidden', s.forbidden);
    case 'not-found':
      return refusal('not-found', s.notFound);
    case 'invalid': {
      const text = {
        'comment-required': s.commentRequired,
        'comment-too-long': s.commentTooLong,
        'unknown-person': s.unknownPerson,
        'self-delegation': s.selfDelegation,
        'requester-delegation': s.requesterDelegation,
        'conditions-required': s.conditions.required,
        'conditions-too-many': s.conditions.tooMany,
        'conditions-date': s.conditions.date,
        'conditions-not-last': s.conditions.notLast,
      }[result.reason];
      return refusal(result.reason, text);
    }
  }
}

const submit = cardAction({
  verb: 'approval.submit',
  data: z.object({
    submissionId: z.string().uuid(),
    type: formText,
    subject: formText,
    proposedOwner: formText,
    title: formText,
    justification: formText,
    link: formText,
    validUntil: formText,
  }),
  async handle(ctx, sent) {
    const s = strings(ctx);
    const { aadObjectId, tenantId, name } = ctx.actor;
    if (!aadObjectId || !tenantId) return refusal('forbidden', s.forbidden);
    const { org, clock } = ctx.deps;
    const data = sent.proposedOwner
      ? { ...sent, proposedOwner: pickedPersonId(org.organisation, sent.proposedOwner) }
      : sent;
    const today = localParts(clock.now(), org.organisation.timezone).date;
    const year = Number(today.slice(0, 4));
    const result = validateApprovalForm(data, org, year, today);
    if (!result.ok) {
      return cardResponse(approvalFormCard(s, org, year, data.submissionId, data, result.errors));
    }
    const requested = await requestApproval(
      ctx.deps.approvals,
      { aadObjectId, tenantId, name },
      data.submissionId,
      result.value,
    );
    if (requested.kind === 'only-requester') {
      return cardResponse(
        approvalFormCard(s, org, year, data.submissionId, data, { type: 'onlyRequester' }),
      );
    }
    const { approval } = requested;
    // The form becomes the requester's view of the request, which refreshes as it is decided.
    return cardResponse(await cardFor(ctx, approval, { text: s.card.receipt, style: 'good' }));
  },
});

/** From a reminder: the request form, with the type and subject already chosen, as a new message. */
const start = cardAction({
  verb: 'approval.start',
  data: z.object({
    type: z.enum(APPROVAL_TYPES).optional(),
    subject: z.string().max(200).optional(),
  }),
  async handle(ctx, data) {
    const { org, clock } = ctx.deps;
    const year = Number(localParts(clock.now(), org.organisation.timezone).date.slice(0, 4));
    const subject =
      data.subject && parseSubject(data.subject, org, year) ? data.subject : undefined;
    const card = approvalFormCard(strings(ctx), org, year, randomUUID(), {
      type: data.type,
      subject,
    });
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    return messageResponse(ctx.actor.strings.commandStarted);
  },
});

// An actor without an id (never from Teams) is nobody: the empty id matches no approver.
const actor = (ctx: HandlerContext<ApprovalFeatureDeps>) => ({
  aadObjectId: ctx.actor.aadObjectId ?? aadObjectId(''),
  name: ctx.actor.name,
});

const decide = cardAction({
  verb: 'approval.decide',
  data: stepRef.extend({
    decision: z.enum(['approved', 'rejected']),
    comment: z.string().max(20_000).optional(),
    withConditions: z.literal('yes').optional(),
    conditions: z.string().max(20_000).optional(),
    conditionsDue: z.string().max(100).optional(),
  }),
  async handle(ctx, data) {
    if (!ctx.actor.aadObjectId) return refusal('forbidden', strings(ctx).forbidden);
    return answer(
      ctx,
      await decideStep(
        ctx.deps.approvals,
        actor(ctx),
        data.approvalId,
        data.step,
        data.decision,
        data.comment,
        data.withConditions
          ? { lines: (data.conditions ?? '').split('\n'), dueDate: data.conditionsDue ?? '' }
          : undefined,
      ),
    );
  },
});

const delegate = cardAction({
  verb: 'approval.delegate',
  data: stepRef.extend({ delegateTo: z.string().max(100).optional() }),
  async handle(ctx, data) {
    if (!ctx.actor.aadObjectId) return refusal('forbidden', strings(ctx).forbidden);
    return answer(
      ctx,
      await delegateStep(
        ctx.deps.approvals,
        actor(ctx),
        data.approvalId,
        data.step,
        pickedPersonId(ctx.deps.org.organisation, data.delegateTo ?? ''),
      ),
    );
  },
});

const withdraw = cardAction({
  verb: 'approval.withdraw',
  data: approvalRef,
  async handle(ctx, data) {
    if (!ctx.actor.aadObjectId) return refusal('forbidden', strings(ctx).forbidden);
    return answer(ctx, await withdrawApproval(ctx.deps.approvals, actor(ctx), data.approvalId));
  },
});

/** Only the requester and the people in the chain see a request. */
async function visible(
  ctx: HandlerContext<ApprovalFeatureDeps>,
  approvalId: string,
): Promise<Approval | 'forbidden' | 'not-found'> {
  const approval = await ctx.deps.approvals.approvals.get(approvalId);
  if (!approval) return 'not-found';
  const aad = ctx.actor.aadObjectId ?? '';
  const person = ctx.deps.org.personByAadObjectId(aad);
  const inChain = approval.steps.some(
    (s) => (person && s.approverIds.includes(person.id)) || s.delegate?.aadObjectId === aad,
  );
  return inChain || approval.requesterAadObjectId === aad ? approval : 'forbidden';
}

const refresh = cardAction({
  verb: 'approval.refresh',
  data: approvalRef,
  async handle(ctx, data) {
    const approval = await visible(ctx, data.approvalId);
    if (approval === 'forbidden') return refusal('forbidden', strings(ctx).forbidden);
    if (approval === 'not-found') return refusal('not-found', strings(ctx).notFound);
    return cardResponse(await cardFor(ctx, approval));
  },
});

const open = cardAction({
  verb: 'approval.open',
  data: approvalRef,
  async handle(ctx, data) {
    const approval = await visible(ctx, data.approvalId);
    if (approval === 'forbidden') return refusal('forbidden', strings(ctx).forbidden);
    if (approval === 'not-found') return refusal('not-found', strings(ctx).notFound);
    await ctx.turn.sendActivity({
      attachments: [CardFactory.adaptiveCard(await cardFor(ctx, approval))],
    });
    return messageResponse(ctx.actor.strings.commandStarted);
  },
});

export const approvalActions: CardAction<ApprovalFeatureDeps>[] = [
  start,
  submit,
  decide,
  delegate,
  withdraw,
  refresh,
  open,
];
