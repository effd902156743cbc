import type { RulesFeatureDeps } from './index.js';
import { z } from 'zod';
import {
  MAX_REPLY_LENGTH,
  questionForCoordinator,
  replyToQuestion,
} from './domain/rules-question.service.js';
import type { RulesQuestion } from './domain/rules-question.js';
import type { HandlerContext } from '../platform/teams/handler-context.js';
import { coordinatorCard, replyCard, rulesStrings } from './rules.views.js';
import { cardResponse, cardActionsOf, messageResponse } from '../platform/teams/card-action.js';
import { coordinatorRefusal } from './rules-refusals.js';

const cardAction = cardActionsOf<RulesFeatureDeps>();

async function deliverAnswer(
  ctx: HandlerContext<RulesFeatureDeps>,
  question: RulesQuestion,
): Promise<void> {
  // One delivery per question whoever clicks and however often.
  await ctx.deps.notify({
    dedupeKey: `rules-question:${question.id}:answer`,
    recipientAadObjectId: question.askerAadObjectId,
    tenantId: question.tenantId,
    activity: { type: 'message', attachments: [replyCard(question)] },
  });
}

/** A säkerhetssamordnare's reply on the card: the first one goes to the asker. */
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
      return messageResponse(coordinatorRefusal(s, outcome.kind));
    const { question } = outcome;
    await deliverAnswer(ctx, question);
    const mine = question.answer?.byAadObjectId === ctx.actor.aadObjectId?.toLowerCase();
    const card = await coordinatorCard(services.rules, question, ctx.actor.locale, (t) =>
      outcome.kind === 'answered' || mine
        ? t.answeredByYou(question.askerName)
        : t.alreadyAnswered(question.answer?.byName ?? ''),
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
      return messageResponse(coordinatorRefusal(rulesStrings(ctx), access.kind));
    const card = await coordinatorCard(ctx.deps.rules, access.question, ctx.actor.locale);
    return cardResponse(card.content as Record<string, unknown>);
  },
});
