import type { IncidentFeatureDeps } from './index.js';
import { randomUUID } from 'node:crypto';
import { CardFactory } from 'botbuilder';
import { localParts } from '../platform/calendar.js';
import { incidentStringsFor } from './incident.strings.js';
import { incidentFormCard } from './incident-form.card.js';
import type { Command } from '../platform/teams/command.js';

/** Opens the report form; its submission token makes a double-clicked submit count once. */
export const incidentCommand: Command<IncidentFeatureDeps> = {
  id: 'incident',
  names: ['incident', 'report incident', 'rapportera incident'],
  async handle(ctx) {
    const { org, clock } = ctx.deps;
    const now = localParts(clock.now(), org.organisation.timezone);
    const card = incidentFormCard(
      incidentStringsFor(ctx.actor.locale, org.organisation.authorities),
      org,
      randomUUID(),
      {
        discoveredDate: now.date,
        discoveredTime: now.time,
      },
    );
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  },
};
