import type { IncidentFeatureDeps } from './index.js';
import { CardFactory } from 'botbuilder';
import { permissionsFor, rolesOnIncident } from './domain/incident.access.js';
import { incidentStringsFor } from './incident.strings.js';
import { incidentListCard, type IncidentListSection } from './incident-list.card.js';
import type { Command } from '../platform/teams/command.js';
import type { Incident } from './domain/incident.js';
import type { IncidentDeps } from './domain/incident.service.js';

/** Read to say how many more there are; the card shows the first that fit (list.card.ts). */
const LIST_LIMIT = 200;
/** Open incidents read to find those the person handles. */
const OPEN_READ_LIMIT = 200;

/**
 * The person's own reports (newest first) and, for someone in the organisation file,
 * the open incidents they may triage or add notes to.
 */
export async function incidentsOf(
  deps: IncidentDeps,
  aad: string,
  inOrganisation: boolean,
): Promise<{ mine: Incident[]; toHandle: Incident[] }> {
  const { incidents, org, clock } = deps;
  const now = clock.now();
  const mine = await incidents.listByReporter(aad, LIST_LIMIT);
  if (!inOrganisation) return { mine, toHandle: [] };
  const toHandle = (await incidents.listOpen(OPEN_READ_LIMIT))
    .filter((i) => {
      const can = permissionsFor(rolesOnIncident(i, aad, org, now));
      return can.triage || can.addNote;
    })
    .slice(0, LIST_LIMIT);
  return { mine, toHandle };
}

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
    const { org } = ctx.deps.incidents;
    const { mine, toHandle } = await incidentsOf(
      ctx.deps.incidents,
      aad,
      ctx.actor.person !== undefined,
    );
    const sections: IncidentListSection[] = [{ heading: strings.list.mine, incidents: mine }];
    if (toHandle.length > 0) sections.push({ heading: strings.list.toHandle, incidents: toHandle });
    const card = incidentListCard(
      strings,
      org.organisation.timezone,
      sections,
      ctx.actor.strings.listMore,
    );
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  },
};
