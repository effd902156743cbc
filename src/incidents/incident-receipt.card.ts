import { concernsKommunchef, involvesPersonalData } from './domain/incident.access.js';
import type { Incident } from './domain/incident.js';
import type { OrgDirectory } from '../org/index.js';
import type { IncidentStrings } from './incident.strings.js';
import { userText, renderCardJson } from '../platform/teams/render.js';

/** What the reporter sees after sending: the number, what happens next and what to do now. */
export function incidentReceiptCard(
  strings: IncidentStrings,
  org: OrgDirectory,
  incident: Incident,
  notice = '',
) {
  const informed = [
    involvesPersonalData(incident) ? strings.receipt.dsoInformed : '',
    concernsKommunchef(incident, org) ? strings.receipt.kommunchefInformed : '',
  ]
    .filter(Boolean)
    .join(' ');
  const system = incident.systemId ? org.systemById(incident.systemId)?.name : undefined;
  const f = strings.card.facts;
  return renderCardJson('incidents/incident-receipt', {
    notice,
    heading: strings.receipt.title(incident.number),
    thanks: strings.receipt.thanks,
    facts: [
      { title: f.category, value: strings.categories[incident.category] },
      { title: f.severity, value: strings.severities[incident.severity] },
      { title: f.system, value: userText(system ?? strings.card.unknownSystem) },
      { title: f.status, value: strings.statuses[incident.status] },
    ],
    nextSteps: strings.receipt.nextSteps,
    informed,
    adviceHeading: strings.receipt.adviceHeading,
    advice: strings.advice[incident.category],
    listButton: strings.receipt.listButton,
  });
}
