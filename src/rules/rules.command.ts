import type { RulesFeatureDeps } from './index.js';
import { rulesAreasCard, rulesAreasCardData } from './rules.cards.js';
import { rulesStrings } from './rules.views.js';
import type { Command } from '../platform/teams/command.js';

/** `regler`: the five areas of the IT-säkerhetsinstruktion Användare, each a button. */
export const rulesCommand: Command<RulesFeatureDeps> = {
  id: 'rules',
  names: ['regler', 'rules'],
  shared: true,
  async handle(ctx) {
    const card = rulesAreasCard(
      rulesAreasCardData(rulesStrings(ctx), ctx.deps.rules.knowledgeBase),
    );
    await ctx.turn.sendActivity({ attachments: [card] });
  },
};
