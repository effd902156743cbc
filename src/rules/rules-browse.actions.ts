import { z } from 'zod';
import { AREA_IDS } from './domain/rule.js';
import {
  rulesAreaCard,
  rulesAreaCardData,
  rulesAreasCard,
  rulesAreasCardData,
} from './rules.cards.js';
import { browsedRuleCard, rulesStrings } from './rules.views.js';
import { cardResponse, defineCardAction, messageResponse } from '../platform/teams/card-action.js';

/** Browsing the instruction happens in place: the card turns into the next view. */

export const rulesAreasAction = defineCardAction({
  verb: 'rules.areas',
  data: z.object({}),
  async handle(ctx) {
    const card = rulesAreasCard(
      rulesAreasCardData(rulesStrings(ctx), ctx.services.rules.knowledgeBase),
    );
    return cardResponse(card.content as Record<string, unknown>);
  },
});

export const rulesAreaAction = defineCardAction({
  verb: 'rules.area',
  data: z.object({ areaId: z.enum(AREA_IDS) }),
  async handle(ctx, data) {
    const card = rulesAreaCard(
      rulesAreaCardData(rulesStrings(ctx), ctx.services.rules.knowledgeBase, data.areaId),
    );
    return cardResponse(card.content as Record<string, unknown>);
  },
});

/** A rule: in place while browsing; as a new message from an answer, whose feedback buttons stay. */
export const rulesShowAction = defineCardAction({
  verb: 'rules.show',
  data: z.object({ ruleId: z.string().min(1).max(50), inPlace: z.boolean().optional() }),
  async handle(ctx, data) {
    const s = rulesStrings(ctx);
    const rule = ctx.services.rules.knowledgeBase.rule(data.ruleId);
    if (!rule) return messageResponse(s.unknownRule);
    const card = browsedRuleCard(ctx, rule, data.inPlace === true);
    if (data.inPlace) return cardResponse(card.content as Record<string, unknown>);
    await ctx.turn.sendActivity({ attachments: [card] });
    return messageResponse(s.ruleBelow);
  },
});
