import type { RulesFeatureDeps } from './index.js';
import { z } from 'zod';
import { AREA_IDS } from './domain/rule.js';
import {
  rulesAreaCard,
  rulesAreaCardData,
  rulesAreasCard,
  rulesAreasCardData,
} from './rules.cards.js';
import { browsedRuleCard, rulesStrings } from './rules.views.js';
import {
  cardResponse,
  cardActionsOf,
  messageResponse,
  refusal,
} from '../platform/teams/card-action.js';

const cardAction = cardActionsOf<RulesFeatureDeps>();

/** Browsing the instruction happens in place: the card turns into the next view. */

export const rulesAreasAction = cardAction({
  verb: 'rules.areas',
  shared: true,
  data: z.object({}),
  async handle(ctx) {
    const card = rulesAreasCard(
      rulesAreasCardData(rulesStrings(ctx), ctx.deps.rules.knowledgeBase),
    );
    return cardResponse(card.content as Record<string, unknown>);
  },
});

export const rulesAreaAction = cardAction({
  verb: 'rules.area',
  shared: true,
  data: z.object({ areaId: z.enum(AREA_IDS) }),
  async handle(ctx, data) {
    const card = rulesAreaCard(
      rulesAreaCardData(rulesStrings(ctx), ctx.deps.rules.knowledgeBase, data.areaId),
    );
    return cardResponse(card.content as Record<string, unknown>);
  },
});

/** A rule: in place while browsing; as a new message from an answer, whose feedback buttons stay. */
export const rulesShowAction = cardAction({
  verb: 'rules.show',
  shared: true,
  data: z.object({ ruleId: z.string().min(1).max(50), inPlace: z.boolean().optional() }),
  async handle(ctx, data) {
    const s = rulesStrings(ctx);
    const rule = ctx.deps.rules.knowledgeBase.rule(data.ruleId);
    if (!rule) return refusal('not-found', s.unknownRule);
    const card = browsedRuleCard(ctx, rule, data.inPlace === true);
    if (data.inPlace) return cardResponse(card.content as Record<string, unknown>);
    await ctx.turn.sendActivity({ attachments: [card] });
    return messageResponse(s.ruleBelow);
  },
});
