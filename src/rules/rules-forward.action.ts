import type { RulesFeatureDeps } from './index.js';
import { z } from 'zod';
import { forwardQuestion } from './domain/rules-question.service.js';
import { questionCard, rulesStrings } from './rules.views.js';
import { cardResponse, cardActionsOf, refusal } from '../platform/teams/card-action.js';
import { askerRefusal } from './rules-refusals.js';

const cardAction = cardActionsOf<RulesFeatureDeps>();

/**
 * "Fråga IT-säkerhetssamordnaren": the service queues one card to every säkerhetssamordnare
 * in the same transaction that marks the question forwarded.
 */
export const rulesForwardAction = cardAction({
  verb: 'rules.forward',
  // The coordinator's reply comes to the asker's personal chat.
  shared: true,
  data: z.object({ questionId: z.uuid() }),
  async handle(ctx, data) {
    const { deps: services } = ctx;
    const outcome = await forwardQuestion(
      services.rules,
      { questionId: data.questionId, aadObjectId: ctx.actor.aadObjectId },
      services.clock.now(),
    );
    if (outcome.kind !== 'forwarded')
      return refusal(outcome.kind, askerRefusal(rulesStrings(ctx), outcome.kind));
    const { question } = outcome;
    const card = await questionCard(ctx, question);
    return cardResponse(card.content as Record<string, unknown>);
  },
});
