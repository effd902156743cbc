import type { OrgDirectory } from '../org/index.js';
import type { Command } from '../platform/teams/command.js';
import type { Actor } from '../platform/teams/handler-context.js';
import { isSharedConversation } from '../platform/teams/shared-chat.js';
import { helpCard, helpCardData, sharedHelpCardData } from './help.card.js';
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

/**
 * The help card. In a team channel or group chat everyone reads it: it shows what can
 * be done there and nothing of the person (no roles, no personal buttons).
 */
export const helpCommand: Command<HelpDeps> = {
  id: 'help',
  names: ['hjälp', 'help'],
  shared: true,
  async handle({ turn, actor, deps }) {
    const organisation = deps.org.organisation.organisation;
    const data = isSharedConversation(turn.activity)
      ? sharedHelpCardData(actor.strings, organisation, actor.name)
      : helpCardData(actor.strings, organisation, actor.name, roleNames(actor, deps.org));
    await turn.sendActivity({ attachments: [helpCard(data)] });
  },
};
