import type { Incident } from './domain/incident.js';
import { formatLocal } from '../platform/calendar.js';
import type { IncidentStrings } from './incident.strings.js';
import { userText } from '../platform/teams/render.js';
import { listCard } from '../platform/teams/list.card.js';

export interface IncidentListSection {
  heading: string;
  incidents: Incident[];
}

/** `mina incidenter`: the person's own reports and, for those who handle incidents, the open ones. */
export function incidentListCard(
  strings: IncidentStrings,
  timeZone: string,
  sections: IncidentListSection[],
  more: (hidden: number) => string,
) {
  return listCard({
    more,
    heading: strings.list.title,
    none: strings.list.none,
    openTitle: strings.list.open,
    openVerb: 'incident.open',
    sections: sections.map((s) => ({
      heading: s.heading,
      items: s.incidents.map((i) => ({
        data: { incidentId: i.id },
        title: `${i.number} · ${userText(i.title)}`,
        subtitle: `${strings.statuses[i.status]} · ${strings.severities[i.severity]} · ${formatLocal(i.createdAt, timeZone)}`,
      })),
    })),
  });
}
