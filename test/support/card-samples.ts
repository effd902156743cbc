import { helpCard, helpCardData } from '../../src/help/help.card.js';
import { incidentFormCard } from '../../src/incidents/incident-form.card.js';
import { incidentListCard } from '../../src/incidents/incident-list.card.js';
import { incidentReceiptCard } from '../../src/incidents/incident-receipt.card.js';
import { incidentCard } from '../../src/incidents/incident.card.js';
import { fullIncidentCard } from '../../src/incidents/incident-full.card.js';
import { incidentStringsFor } from '../../src/incidents/incident.strings.js';
import { stringsFor } from '../../src/platform/strings.js';
import { renderCardJson, type CardJson } from '../../src/platform/teams/render.js';
import { approvalCardSamples } from './approval-samples.js';
import { exampleOrg, sampleIncident } from './incident-samples.js';
import { extraReminderCards, reminderCardSamples } from './reminder-samples.js';
import { extraMeasureCards, measureCardSamples } from './measure-samples.js';
import { rulesCardSamples, rulesCardVariants } from './rules-samples.js';

const sv = incidentStringsFor('sv');

export const helpData = helpCardData(stringsFor('sv'), 'Sjövik kommun', 'Anna Andersson', [
  'kommunchef',
]);

/** A rendered sample of every template in src/<feature>/cards/, by template name. */
export const cardSamples: Record<string, () => CardJson> = {
  help: () => helpCard(helpData).content as CardJson,
  'incident-form': () =>
    incidentFormCard(
      sv,
      exampleOrg,
      '6f1c1e9a-1111-4222-8333-444455556666',
      { title: 'x'.repeat(130) },
      {
        title: 'tooLong',
        discoveredDate: 'inFuture',
      },
    ),
  'incident-receipt': () =>
    incidentReceiptCard(sv, exampleOrg, sampleIncident(), 'Redan rapporterad'),
  incident: () =>
    incidentCard(sv, exampleOrg, {
      incident: sampleIncident(),
      notes: [
        {
          authorAadObjectId: 'x',
          authorName: 'Lars Berg',
          text: 'Kontaktat <b>IT</b>',
          createdAt: new Date('2026-11-29T09:00:00Z'),
        },
      ],
      history: [
        {
          at: new Date('2026-11-29T08:05:00Z'),
          actor: 'system',
          action: 'incident.reported',
          objectType: 'incident',
          objectId: 'x',
        },
      ],
      viewerAadObjectId: '00000000-0000-0000-0000-0000000000a1',
      roles: ['kommunchef', 'sakerhetssamordnare'],
      refreshUserIds: ['29:karin'],
      now: new Date('2026-11-29T10:00:00Z'),
      notice: { text: 'Påminnelse', style: 'attention' },
    }),
  // The middle page of a long incident: notes, and both page buttons.
  'incident-full': () =>
    fullIncidentCard(
      sv,
      exampleOrg,
      {
        incident: sampleIncident({ description: 'Lång beskrivning. '.repeat(220) }),
        notes: Array.from({ length: 20 }, (_, i) => ({
          authorAadObjectId: 'x',
          authorName: 'Lars Berg',
          text: `Anteckning ${i + 1}: ${'kontot spärrat, lösenordet bytt. '.repeat(60)}`,
          createdAt: new Date(Date.UTC(2026, 10, 29, 9, i)),
        })),
        history: [
          {
            at: new Date('2026-11-29T08:05:00Z'),
            actor: 'system',
            action: 'incident.reported',
            objectType: 'incident',
            objectId: 'x',
          },
        ],
      },
      2,
    ),
  list: () =>
    incidentListCard(
      sv,
      'Europe/Stockholm',
      [
        { heading: 'Dina rapporter', incidents: [sampleIncident()] },
        { heading: 'Att hantera', incidents: [] },
      ],
      stringsFor('sv').listMore,
    ),
  'personal-only': () =>
    renderCardJson('platform/teams/personal-only', {
      text: stringsFor('sv').sharedChat.personalOnlyCard,
    }),
  ...rulesCardSamples,
  ...reminderCardSamples,
  ...approvalCardSamples,
  ...measureCardSamples,
};

/** Every template's sample and the variants of the rules and reminder cards, by name. */
export const everyCard: [string, () => CardJson][] = [
  ...Object.entries(cardSamples),
  ...Object.entries(rulesCardVariants()).map(([name, card]): [string, () => CardJson] => [
    name,
    () => card,
  ]),
  ...Object.entries(extraReminderCards),
  ...Object.entries(extraMeasureCards),
];
