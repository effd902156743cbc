import type { RulesFeatureDeps } from './index.js';
import { z } from 'zod';
import {
  MAX_REPLY_LENGTH,
  questionForCoordinator,
  replyToQuestion,
} from './domain/rules-question.service.js';
import { coordinatorCard, rulesStrings } from './rules.views.js';
import { cardResponse, cardActionsOf, refusal } from '../platform/teams/card-action.js';
import { coordinatorRefusal } from './rules-refusals.js';

const cardAction = cardActionsOf<RulesFeatureDeps>();

/** A säkerhetssamordnare's reply on the card: the first one goes to the asker (queued by the service). */
export const rulesReplyAction = cardAction({
  verb: 'rules.reply',
  data: z.object({ questionId: z.uuid(), reply: z.string().max(MAX_REPLY_LENGTH).optional() }),
  async handle(ctx, data) {
    const { deps: services } = ctx;
    const outcome = await replyToQuestion(
      services.rules,
      { questionId: data.questionId, aadObjectId: ctx.actor.aadObjectId, reply: data.reply },
      services.clock.now(),
    );
    const s = rulesStrings(ctx);
    if (outcome.kind !== 'answered' && outcome.kind !== 'already-answered')
      return refusal(outcome.kind, coordinatorRefusal(s, outcome.kind));
    const { question } = outcome;
    const mine = question.answer?.byAadObjectId === ctx.actor.aadObjectId;
    const card = await coordinatorCard(services.rules, question, ctx.actor.locale, (t) =>
      outcome.kind === 'answered' || mine
        ? { text: t.answeredByYou(question.askerName), style: 'good' }
        : { text: t.alreadyAnswered(question.answer?.byName ?? ''), style: 'warning' },
    );
    return cardResponse(card.content as Record<string, unknown>);
  },
});

/** The card's refresh: every coordinator sees whether the question is still open. */
export const rulesQuestionViewAction = cardAction({
  verb: 'rules.question.view',
  data: z.object({ questionId: z.uuid() }),
  async handle(ctx, data) {
    const access = await questionForCoordinator(
      ctx.deps.rules,
      data.questionId,
      ctx.actor.aadObjectId,
    );
    if (access.kind !== 'ok')
      return refusal(access.kind, coordinatorRefusal(rulesStrings(ctx), access.kind));
    const card = await coordinatorCard(ctx.deps.rules, access.question, ctx.actor.locale);
    return cardResponse(card.content as Record<string, unknown>);
  },
});
