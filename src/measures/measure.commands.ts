import { randomUUID } from 'node:crypto';
import { CardFactory } from 'botbuilder';
import { localParts } from '../platform/calendar.js';
import type { Command } from '../platform/teams/command.js';
import type { HandlerContext } from '../platform/teams/handler-context.js';
import { mayCreateMeasures } from './domain/measure.service.js';
import type { MeasureFeatureDeps } from './index.js';
import { measureFormCard } from './measure-form.card.js';
import { measureListCard } from './measure-list.card.js';
import { measureStringsFor } from './measure.strings.js';

/** Today in the organisation's time zone (YYYY-MM-DD). */
export const todayOf = (ctx: HandlerContext<MeasureFeatureDeps>): string =>
  localParts(ctx.deps.clock.now(), ctx.deps.org.organisation.timezone).date;

/** `ny åtgärd`: the form, for those who decide measures. */
export const newMeasureCommand: Command<MeasureFeatureDeps> = {
  id: 'new-measure',
  names: ['ny åtgärd', 'new measure'],
  async handle(ctx) {
    const strings = measureStringsFor(ctx.actor.locale);
    if (!mayCreateMeasures(ctx.actor.person, ctx.deps.org)) {
      await ctx.turn.sendActivity(strings.onlyDeciders);
      return;
    }
    const card = measureFormCard(strings, ctx.deps.org, todayOf(ctx), randomUUID(), {});
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  },
};

/** Measures a list shows at most per section; the card budget may show fewer. */
const LIST_LIMIT = 200;

/** `åtgärder`: my measures; for the säkerhetssamordnare and the kommunchef every open one too. */
export const measuresCommand: Command<MeasureFeatureDeps> = {
  id: 'measures',
  names: ['åtgärder', 'measures'],
  async handle(ctx) {
    const strings = measureStringsFor(ctx.actor.locale);
    const { measures, org, clock } = ctx.deps.measures;
    const person = ctx.actor.person;
    const mine = person ? await measures.listByOwner(person.id, LIST_LIMIT) : [];
    const seesAll =
      ctx.actor.roles.includes('sakerhetssamordnare') || ctx.actor.roles.includes('kommunchef');
    const allOpen = seesAll ? await measures.listOpen() : undefined;
    const card = measureListCard(
      strings,
      org,
      clock.now(),
      mine,
      allOpen,
      ctx.actor.strings.listMore,
    );
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  },
};
