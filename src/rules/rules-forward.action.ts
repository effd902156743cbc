import type { RulesFeatureDeps } from './index.js';
import { z } from 'zod';
import { forwardQuestion } from './domain/rules-question.service.js';
import { localeFrom } from '../platform/strings.js';
import { coordinatorCard, questionCard, rulesStrings } from './rules.views.js';
import { cardResponse, cardActionsOf, messageResponse } from '../platform/teams/card-action.js';
import { askerRefusal } from './rules-refusals.js';

const cardAction = cardActionsOf<RulesFeatureDeps>();

/** "Fråga IT-säkerhetssamordnaren": one card to every säkerhetssamordnare, through the outbox. */
export const rulesForwardAction = cardAction({
  verb: 'rules.forward',
  data: z.object({ questionId: z.uuid() }),
  async handle(ctx, data) {
    const { deps: services } = ctx;
    const outcome = await forwardQuestion(
      services.rules,
      { questionId: data.questionId, aadObjectId: ctx.actor.aadObjectId },
      services.clock.now(),
    );
    if (outcome.kind !== 'forwarded')
      return messageResponse(askerRefusal(rulesStrings(ctx), outcome.kind));
    const { question } = outcome;
    // Queued on every click: the dedupe key keeps it to one card per coordinator, and a
    // click after a crash between marking and queueing still gets the cards out.
    for (const coordinator of outcome.coordinators) {
      const aad = coordinator.aadObjectId.toLowerCase();
      const locale = localeFrom((await services.people.find(aad))?.locale);
      const card = await coordinatorCard(services.rules, question, locale);
      await services.notify({
        dedupeKey: `rules-question:${question.id}:coordinator:${aad}`,
        recipientAadObjectId: aad,
        tenantId: question.tenantId,
        activity: { type: 'message', attachments: [card] },
      });
    }
    const card = await questionCard(ctx, question);
    return cardResponse(card.content as Record<string, unknown>);
  },
});
