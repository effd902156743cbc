import type { IncidentFeatureDeps } from './index.js';
import { CardFactory } from 'botbuilder';
import { permissionsFor, rolesOnIncident } from './domain/incident.access.js';
import { incidentStringsFor } from './incident.strings.js';
import { incidentListCard, type IncidentListSection } from './incident-list.card.js';
import type { Command } from '../platform/teams/command.js';

/** Read to say how many more there are; the card shows the first that fit (list.card.ts). */
const LIST_LIMIT = 200;

/** The person's own reports, and for those who handle incidents the open ones they may act on. */
export const myIncidentsCommand: Command<IncidentFeatureDeps> = {
  id: 'my-incidents',
  names: ['mina incidenter', 'my incidents'],
  async handle(ctx) {
    const strings = incidentStringsFor(ctx.actor.locale, ctx.deps.org.organisation.authorities);
    const aad = ctx.actor.aadObjectId;
    if (!aad) {
      await ctx.turn.sendActivity(strings.forbidden);
      return;
    }
    const { incidents, org, clock } = ctx.deps.incidents;
    const now = clock.now();
    const sections: IncidentListSection[] = [
      { heading: strings.list.mine, incidents: await incidents.listByReporter(aad, LIST_LIMIT) },
    ];
    if (ctx.actor.person) {
      const toHandle = (await incidents.listOpen(200))
        .filter((i) => {
          const can = permissionsFor(rolesOnIncident(i, aad, org, now));
          return can.triage || can.addNote;
        })
        .slice(0, LIST_LIMIT);
      if (toHandle.length > 0)
        sections.push({ heading: strings.list.toHandle, incidents: toHandle });
    }
    const card = incidentListCard(
      strings,
      org.organisation.timezone,
      sections,
      ctx.actor.strings.listMore,
    );
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  },
};
