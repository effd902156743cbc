import type { Strings } from '../../i18n/strings.js';
import type { Command } from './command.js';

type Feature = keyof Strings['features'];

/** A command whose issue has not landed yet: it says so instead of pretending. */
export function comingSoon(id: string, names: string[], feature: Feature): Command {
  return {
    id,
    names,
    async handle(ctx) {
      const { strings } = ctx.actor;
      await ctx.turn.sendActivity(strings.comingSoon(strings.features[feature]));
    },
  };
}
