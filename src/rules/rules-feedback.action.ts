import type { RulesFeatureDeps } from './index.js';
import { z } from 'zod';
import { giveFeedback, MAX_COMMENT_LENGTH } from './domain/rules-question.service.js';
import { questionCard, rulesStrings } from './rules.views.js';
import { cardResponse, cardActionsOf, refusal } from '../platform/teams/card-action.js';
import { askerRefusal } from './rules-refusals.js';

const cardAction = cardActionsOf<RulesFeatureDeps>();

/** "Hjälpte svaret? Ja / Nej", and the optional comment after a "Nej". */
export const rulesFeedbackAction = cardAction({
  verb: 'rules.feedback',
  // The asker's own question, asked where everyone could read it.
  shared: true,
  data: z.object({
    questionId: z.uuid(),
    helpful: z.boolean(),
    comment: z.string().max(MAX_COMMENT_LENGTH).optional(),
  }),
  async handle(ctx, data) {
    const outcome = await giveFeedback(
      ctx.deps.rules,
      {
        questionId: data.questionId,
        aadObjectId: ctx.actor.aadObjectId,
        helpful: data.helpful,
        comment: data.comment,
      },
      ctx.deps.clock.now(),
    );
    const s = rulesStrings(ctx);
    if (outcome.kind === 'no-answer-to-rate')
      return refusal('invalid-data', ctx.actor.strings.invalidAction);
    if (outcome.kind !== 'saved') return refusal(outcome.kind, askerRefusal(s, outcome.kind));
    const card = await questionCard(ctx, outcome.question);
    return cardResponse(card.content as Record<string, unknown>);
  },
});
