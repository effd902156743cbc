import { describe, expect, it } from 'vitest';
import { approvalListCard } from '../../src/approvals/approval-list.card.js';
import { approvalStringsFor } from '../../src/approvals/approval.strings.js';
import { incidentListCard } from '../../src/incidents/incident-list.card.js';
import { incidentStringsFor } from '../../src/incidents/incident.strings.js';
import { stringsFor } from '../../src/platform/strings.js';
import {
  CARD_BUDGET_BYTES,
  cardBytes,
  excerpt,
  plainLine,
} from '../../src/platform/teams/card-budget.js';
import { listCard } from '../../src/platform/teams/list.card.js';
import { followUpReportCard, goalListCard } from '../../src/reminders/reminder.cards.js';
import { reminderStringsFor } from '../../src/reminders/reminder.strings.js';
import { sampleApproval } from '../support/approval-samples.js';
import { reportLabels } from '../../src/reminders/reminder.notifier.js';
import { sampleAnswer, sampleGoal, sampleReport } from '../support/reminder-samples.js';
import { cardSamples } from '../support/card-samples.js';
import { cardProblems } from '../support/card-validator.js';
import { exampleOrg, sampleIncident } from '../support/incident-samples.js';

const sv = stringsFor('sv');
/** A title as long as the forms take, with letters that are two bytes each. */
const longTitle = (i: number) => `${i} ${'Åtkomst för ö-kontoret '.repeat(6)}`.slice(0, 120);

describe('the card budget', () => {
  it('keeps every sample card under 24 KB', () => {
    for (const [name, sample] of Object.entries(cardSamples))
      expect(cardBytes(sample()), name).toBeLessThan(CARD_BUDGET_BYTES);
  });

  it('cuts a long text at a word with "…", and leaves a short one as it is', () => {
    expect(excerpt('kort text', 20)).toBe('kort text');
    const cut = excerpt('Skärmarna visar ett meddelande om lösensumma och filerna', 32);
    expect(cut).toBe('Skärmarna visar ett meddelande…');
    expect(cut.length).toBeLessThanOrEqual(32);
    expect(excerpt('abcdefghij', 5)).toBe('abcd…');
    expect(excerpt('😀😀😀😀', 4)).toBe('😀…');
  });

  it('makes a plain line of a title, with nothing Teams would read as markdown', () => {
    expect(plainLine('**Nytt** [system](https://x)\n`kod` <b>')).toBe(
      'Nytt system(https://x) kod b',
    );
  });

  it('shows as many incidents as fit, with the rest counted, for 200 open incidents with long titles', () => {
    const incidents = Array.from({ length: 200 }, (_, i) =>
      sampleIncident({
        id: `id-${i}`,
        number: `INC-2026-${String(i).padStart(4, '0')}`,
        title: longTitle(i),
      }),
    );
    const card = incidentListCard(
      incidentStringsFor('sv'),
      'Europe/Stockholm',
      [
        { heading: 'Dina rapporter', incidents: incidents.slice(0, 30) },
        { heading: 'Öppna incidenter att hantera', incidents },
      ],
      sv.listMore,
    );
    expect(cardBytes(card)).toBeLessThan(CARD_BUDGET_BYTES);
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    const shown = (text.match(/"verb":"incident.open"/g) ?? []).length;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThanOrEqual(40);
    const more = [...text.matchAll(/… och (\d+) till\./g)].map((m) => Number(m[1]));
    expect(more).toHaveLength(2);
    expect(more.reduce((a, b) => a + b, 0)).toBe(230 - shown);
  });

  it('caps the approvals waiting for a decision, however many there are', () => {
    const waiting = Array.from({ length: 300 }, (_, i) =>
      sampleApproval({ id: `a-${i}`, title: longTitle(i) }),
    );
    const card = approvalListCard(approvalStringsFor('sv'), exampleOrg, waiting, [], sv.listMore);
    expect(cardBytes(card)).toBeLessThan(CARD_BUDGET_BYTES);
    expect(JSON.stringify(card)).toMatch(/… och 2\d\d till\./);
  });

  it('caps the goal list and the annual follow-up report, however many goals there are', () => {
    const goals = Array.from({ length: 300 }, (_, i) => ({
      goal: { ...sampleGoal, id: `mal-${i}`, title: longTitle(i) },
      latest: { ...sampleAnswer, goalId: `mal-${i}`, comment: 'Halvvägs. '.repeat(40) },
    }));
    const list = goalListCard(reminderStringsFor('sv'), exampleOrg, 2026, goals, true);
    expect(cardBytes(list)).toBeLessThan(CARD_BUDGET_BYTES);
    expect(JSON.stringify(list)).toMatch(/… och 2\d\d till\./);
    expect(cardProblems(list)).toEqual([]);

    const report = followUpReportCard(
      reminderStringsFor('en'),
      {
        ...sampleReport,
        goals: goals.map(({ goal }) => ({ ...sampleReport.goals[0]!, title: goal.title })),
      },
      reportLabels('en'),
      'Europe/Stockholm',
    );
    expect(cardBytes(report)).toBeLessThan(CARD_BUDGET_BYTES);
    expect(JSON.stringify(report)).toMatch(/… and 2\d\d more\./);
    // The sections after the long one are still there, each with its heading.
    expect(JSON.stringify(report)).toContain('Yearly review of the rules');
  });

  it('counts entries that were not even read (the outbox names only the first 20)', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({
      data: { id: String(i) },
      title: `Incidentkort till Lars Berg ${i}`,
      subtitle: '2026-11-30 10:00 · HTTP 500 after 3 attempts',
    }));
    const card = listCard({
      heading: 'Utkorgen',
      none: 'Inget',
      openTitle: 'Skicka igen',
      openVerb: 'outbox.requeue',
      sections: [{ heading: '200 meddelanden', items, total: 200 }],
      more: stringsFor('en').listMore,
    });
    expect(JSON.stringify(card)).toContain('… and 180 more.');
  });
});
