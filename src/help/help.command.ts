import type { OrgDirectory } from '../org/index.js';
import type { Command } from '../platform/teams/command.js';
import type { Actor } from '../platform/teams/handler-context.js';
import { helpCard, helpCardData } from './help.card.js';
import type { HelpDeps } from './index.js';

export function roleNames(actor: Actor, org: OrgDirectory): string[] {
  const { roles: r } = actor.strings;
  const names = actor.roles.map((role) => r[role]);
  if (actor.person) {
    const systems = org.systemsOwnedBy(actor.person.id).map((s) => s.name);
    if (systems.length > 0) names.push(r.systemOwner(systems.join(', ')));
  }
  return names;
}

export const helpCommand: Command<HelpDeps> = {
  id: 'help',
  names: ['hjälp', 'help'],
  async handle({ turn, actor, deps }) {
    const card = helpCard(
      helpCardData(
        actor.strings,
        deps.org.organisation.organisation,
        actor.name,
        roleNames(actor, deps.org),
      ),
    );
    await turn.sendActivity({ attachments: [card] });
  },
};
