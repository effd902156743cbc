import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/platform/paths.js';
import { helpCardData } from '../../src/help/help.card.js';
import { helpCard } from '../../src/help/help.card.js';
import { incidentFormCard } from '../../src/incidents/incident-form.card.js';
import { incidentListCard } from '../../src/incidents/incident-list.card.js';
import { incidentReceiptCard } from '../../src/incidents/incident-receipt.card.js';
import { incidentCard } from '../../src/incidents/incident.card.js';
import { plainText, renderCardJson, type CardJson } from '../../src/platform/teams/render.js';
import { incidentStringsFor } from '../../src/incidents/incident.strings.js';
import { stringsFor } from '../../src/platform/strings.js';
import { cardProblems } from '../support/card-validator.js';
import { exampleOrg, sampleIncident } from '../support/incident-samples.js';
import { rulesCardSamples } from '../support/rules-samples.js';
import { reminderCardSamples } from '../support/reminder-samples.js';
import { approvalCardSamples } from '../support/approval-samples.js';

const sv = incidentStringsFor('sv');
const helpData = helpCardData(stringsFor('sv'), 'Sjövik kommun', 'Anna Andersson', ['kommunchef']);

/** A rendered sample of every template; a new template without one fails the first test. */
const samples: Record<string, () => CardJson> = {
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
          createdAt: new Date(),
        },
      ],
      history: [
        {
          at: new Date(),
          actor: 'system',
          action: 'incident.reported',
          objectType: 'incident',
          objectId: 'x',
        },
      ],
      viewerAadObjectId: '00000000-0000-0000-0000-0000000000a1',
      roles: ['kommunchef', 'sakerhetssamordnare'],
      refreshUserIds: ['29:karin'],
      notice: 'Påminnelse',
    }),
  list: () =>
    incidentListCard(sv, 'Europe/Stockholm', [
      { heading: 'Dina rapporter', incidents: [sampleIncident()] },
      { heading: 'Att hantera', incidents: [] },
    ]),
  ...rulesCardSamples,
  ...reminderCardSamples,
  ...approvalCardSamples,
};

describe('card templates', () => {
  const templates = readdirSync(fromRoot('src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(path.dirname(file)) === 'cards' && file.endsWith('.json'))
    .map((file) => path.basename(file, '.json'));

  it('has sample data for every template in src/<feature>/cards/', () => {
    expect(templates.sort()).toEqual(Object.keys(samples).sort());
  });

  it.each(templates)(
    '%s renders to a card the official parser accepts without warnings',
    (name) => {
      const card = samples[name]!();
      expect(card.version).toBe('1.5');
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toContain('${');
    },
  );

  it('the validator does catch an unknown element and duplicate input ids', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Bogus' }, { type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }],
    });
    expect(problems.some((p) => p.includes('Bogus'))).toBe(true);
    expect(problems).toContain('duplicate input ids: a');
  });
});

describe('text from people on cards', () => {
  it('cannot become a link, an image or formatting', () => {
    expect(plainText('[x](https://evil.example) ![i](http://t/p.png) **b** _i_ <b>')).toBe(
      '\\[x\\]\\(https://evil\\.example\\) \\!\\[i\\]\\(http://t/p\\.png\\) \\*\\*b\\*\\* \\_i\\_ \\<b\\>',
    );
  });

  it('is inserted as text, never evaluated as a template expression', () => {
    const card = renderCardJson('help/help', { ...helpData, greeting: '${title} ${string(1+1)}' });
    expect(JSON.stringify(card)).toContain('${title} ${string(1+1)}');
  });

  it('drops control characters', () => {
    expect(plainText('a\u0000b\u0007c\nd')).toBe('abc\nd');
  });
});
