import type { Actor, HandlerContext } from '../platform/teams/handler-context.js';
import type { OrgDirectory } from '../org/domain/org.directory.js';
import { helpCard, helpCardData } from './help.card.js';
import type { Command } from '../platform/teams/command.js';

export function roleNames(actor: Actor, org: OrgDirectory): string[] {
  const { roles: r } = actor.strings;
  const names = actor.roles.map((role) => r[role]);
  if (actor.person) {
    const systems = org.systemsOwnedBy(actor.person.id).map((s) => s.name);
    if (systems.length > 0) names.push(r.systemOwner(systems.join(', ')));
  }
  return names;
}

export function renderHelpCard(ctx: HandlerContext) {
  const { actor, services } = ctx;
  return helpCard(
    helpCardData(
      actor.strings,
      services.org.organisation.organisation,
      actor.name,
      roleNames(actor, services.org),
    ),
  );
}

export const helpCommand: Command = {
  id: 'help',
  names: ['hjälp', 'help'],
  async handle(ctx) {
    await ctx.turn.sendActivity({ attachments: [renderHelpCard(ctx)] });
  },
};
