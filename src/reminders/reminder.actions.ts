import type { ReminderFeatureDeps } from './index.js';
import { z } from 'zod';
import { GOAL_STATUSES } from './domain/goal.js';
import { answerFollowUp, FOLLOW_UP_COMMENT_MAX } from './domain/goal.service.js';
import {
  acknowledgeAwareness,
  confirmThreatReview,
  THREAT_COMMENT_MAX,
} from './domain/reminder-answers.js';
import { formatLocal } from '../platform/calendar.js';
import { reminderStringsFor } from './reminder.strings.js';
import { awarenessCard, goalFollowUpCard, threatAnalysisCard } from './reminder.cards.js';
import type { HandlerContext } from '../platform/teams/handler-context.js';
import {
  cardResponse,
  cardActionsOf,
  messageResponse,
  refusal,
  type CardAction,
} from '../platform/teams/card-action.js';

const cardAction = cardActionsOf<ReminderFeatureDeps>();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.string().min(1).max(100);
// Generous bound: the domain gives the precise answer ("at most 2000 characters").
const comment = z.string().max(20_000).optional();

function strings(ctx: HandlerContext<ReminderFeatureDeps>) {
  return reminderStringsFor(ctx.actor.locale);
}

/** The responsible person answers a goal's follow-up card; the answer is stored and shown on the card. */
const goalFollowUp = cardAction({
  verb: 'goal.followUp',
  data: z.object({
    goalId: id,
    checkpoint: isoDate,
    status: z.enum(GOAL_STATUSES),
    comment,
  }),
  async handle(ctx, data) {
    const s = strings(ctx);
    const { aadObjectId, name } = ctx.actor;
    if (!aadObjectId) return refusal('forbidden', s.goal.forbidden);
    const deps = ctx.deps.reminders.goals;
    const result = await answerFollowUp(
      deps,
      { aadObjectId, name },
      {
        goalId: data.goalId,
        checkpoint: data.checkpoint,
        status: data.status,
        comment: data.comment ?? '',
      },
    );
    switch (result.kind) {
      case 'forbidden':
        return refusal('forbidden', s.goal.forbidden);
      case 'not-found':
        return refusal('not-found', s.goal.notFound);
      case 'invalid':
        return messageResponse(
          result.reason === 'checkpoint'
            ? s.goal.badCheckpoint
            : s.goal.commentTooLong(FOLLOW_UP_COMMENT_MAX),
        );
      case 'saved': {
        const org = ctx.deps.org;
        return cardResponse(
          goalFollowUpCard(s, org, org.organisation.timezone, {
            goal: result.goal,
            latest: result.answer,
            checkpoint: data.checkpoint,
            checkpointKind: data.checkpoint === result.goal.deadline ? 'deadline' : 'follow-up',
            status: result.answer.status,
            comment: result.answer.comment ?? '',
            notice: { text: s.goal.saved(s.goalStatuses[result.answer.status]), style: 'good' },
          }),
        );
      }
    }
  },
});

/** The system owner confirms the threat picture was reviewed. */
const threatConfirm = cardAction({
  verb: 'threat.confirm',
  data: z.object({
    systemId: id,
    checkpoint: isoDate,
    comment,
    changed: z.literal('yes').optional(),
    threats: comment,
    vulnerabilities: comment,
    consequences: comment,
    measureTitle: comment,
    measureDue: z.string().max(100).optional(),
  }),
  async handle(ctx, data) {
    const s = strings(ctx);
    const { aadObjectId, name } = ctx.actor;
    if (!aadObjectId) return refusal('forbidden', s.threat.forbidden);
    const answers = ctx.deps.reminders.answers;
    const result = await confirmThreatReview(
      answers,
      { aadObjectId, name },
      {
        systemId: data.systemId,
        checkpoint: data.checkpoint,
        comment: data.comment ?? '',
        changes: data.changed
          ? {
              threats: data.threats ?? '',
              vulnerabilities: data.vulnerabilities ?? '',
              consequences: data.consequences ?? '',
            }
          : undefined,
        measure:
          data.changed && (data.measureTitle?.trim() || data.measureDue?.trim())
            ? { title: data.measureTitle ?? '', dueDate: data.measureDue ?? '' }
            : undefined,
      },
    );
    switch (result.kind) {
      case 'forbidden':
        return refusal('forbidden', s.threat.forbidden);
      case 'not-found':
        return refusal('not-found', s.threat.notFound);
      case 'invalid':
        return refusal(
          result.reason,
          {
            'comment-too-long': s.threat.commentTooLong(THREAT_COMMENT_MAX),
            'changes-required': s.threat.changesRequired,
            'measure-date': s.threat.measureDate,
            'measure-title': s.threat.measureTitle,
          }[result.reason],
        );
      case 'confirmed':
      case 'already-confirmed': {
        const tz = ctx.deps.org.organisation.timezone;
        const at = formatLocal(result.review.confirmedAt, tz);
        const by = result.review.confirmedByName;
        const text =
          result.kind === 'confirmed'
            ? s.threat.confirmed(at, by) +
              (result.review.measureId ? ` ${s.threat.measureCreated}` : '')
            : s.threat.alreadyConfirmed(at, by);
        return cardResponse(
          threatAnalysisCard(s, result.system, data.checkpoint, result.review, tz, {
            open: false,
            notice: { text, style: 'good' },
          }),
        );
      }
    }
  },
});

/** "Jag har läst och förstått": the clicker acknowledges for themselves. */
const acknowledge = cardAction({
  verb: 'awareness.acknowledge',
  data: z.object({ campaign: isoDate }),
  async handle(ctx, data) {
    const s = strings(ctx);
    const aad = ctx.actor.aadObjectId;
    if (!aad) return refusal('not-found', s.awareness.notFound);
    const result = await acknowledgeAwareness(ctx.deps.reminders.answers, aad, data.campaign);
    if (result.kind === 'not-found') return refusal('not-found', s.awareness.notFound);
    const at = formatLocal(result.at, ctx.deps.org.organisation.timezone);
    const text =
      result.kind === 'acknowledged'
        ? s.awareness.acknowledged(at)
        : s.awareness.alreadyAcknowledged(at);
    return cardResponse(
      awarenessCard(s, ctx.deps.knowledgeBase, data.campaign, {
        open: false,
        notice: { text, style: 'good' },
      }),
    );
  },
});

export const reminderActions: CardAction<ReminderFeatureDeps>[] = [
  goalFollowUp,
  threatConfirm,
  acknowledge,
];
