import type { RulesFeatureDeps } from './index.js';
import { askRules } from './domain/rules-question.service.js';
import { questionCard, rulesStrings } from './rules.views.js';
import type { Command } from '../platform/teams/command.js';

/** Anything that is not a command: a question about the Användare rules. */
export const questionCommand: Command<RulesFeatureDeps> = {
  id: 'question',
  names: [],
  shared: true,
  async handle(ctx) {
    // The bot has already removed an @mention of itself from the text.
    const text = (ctx.turn.activity.text ?? '').trim();
    const { actor, deps: services } = ctx;
    if (text === '' || !actor.aadObjectId) {
      await ctx.turn.sendActivity(rulesStrings(ctx).emptyQuestion);
      return;
    }
    const { question } = await askRules(
      services.rules,
      {
        aadObjectId: actor.aadObjectId,
        name: actor.name,
        tenantId: actor.tenantId ?? services.org.organisation.tenantId,
        locale: actor.locale,
      },
      text,
      services.clock.now(),
    );
    await ctx.turn.sendActivity({ attachments: [await questionCard(ctx, question)] });
  },
};
