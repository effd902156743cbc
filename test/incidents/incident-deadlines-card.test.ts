import { describe, expect, it } from 'vitest';
import { incidentCard } from '../../src/incidents/incident.card.js';
import { incidentStringsFor } from '../../src/incidents/incident.strings.js';
import { exampleOrg, sampleIncident } from '../support/incident-samples.js';

/** The deadline rows of the card, in order: the clock's title, its line and the style it sits in. */
function deadlines(now: string, locale: 'sv' | 'en' = 'sv') {
  const card = incidentCard(incidentStringsFor(locale), exampleOrg, {
    incident: sampleIncident(),
    notes: [],
    history: [],
    viewerAadObjectId: exampleOrg.personById('lars')!.aadObjectId,
    roles: ['sakerhetssamordnare'],
    refreshUserIds: [],
    now: new Date(now),
  });
  type Item = { text?: string; style?: string; items?: Item[] };
  const rows: { title: string; state: string; style: string }[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const [title, box] = (node as Item).items ?? [];
    const state = box?.items?.[0]?.text;
    if (title?.text && box?.style && state && /senast|by /.test(state))
      rows.push({ title: title.text, state, style: box.style });
    Object.values(node).forEach(visit);
  };
  visit(card);
  return rows;
}

// The sample incident: IMY due Wednesday 2 December 09:00, the CSIRT early warning
// due Monday 30 November 09:00 (Stockholm), both open; the IMY clock is listed first.
describe('the deadlines on the incident card', () => {
  it('lists the nearest first, with the time left, and marks only the near one', () => {
    expect(deadlines('2026-11-30T03:00:00Z')).toEqual([
      {
        title: expect.stringContaining('CSIRT'),
        state: 'senast 2026-11-30 09:00 (5 h kvar) · Inte gjord',
        style: 'attention',
      },
      {
        title: expect.stringContaining('IMY'),
        state: 'senast 2026-12-02 09:00 (2 dagar kvar) · Inte gjord',
        style: 'default',
      },
    ]);
  });

  it('says how late an overdue one is, and leaves a far one unmarked', () => {
    const [csirt, imy] = deadlines('2026-11-30T11:00:00Z', 'en');
    expect(csirt).toMatchObject({
      state: expect.stringContaining('(3 h overdue)'),
      style: 'attention',
    });
    expect(imy).toMatchObject({ state: expect.stringContaining('(45 h left)'), style: 'default' });
  });
});
