import { describe, expect, it } from 'vitest';
import { approvalCard } from '../../src/approvals/approval.card.js';
import { approvalStringsFor } from '../../src/approvals/approval.strings.js';
import { incidentCard } from '../../src/incidents/incident.card.js';
import { incidentStringsFor } from '../../src/incidents/incident.strings.js';
import { rulesStringsFor } from '../../src/rules/rules.strings.js';
import { awarenessStatusCard } from '../../src/reminders/reminder.cards.js';
import { reminderStringsFor } from '../../src/reminders/reminder.strings.js';
import { rulesCoordinatorCard, rulesCoordinatorCardData } from '../../src/rules/rules.cards.js';
import type { CardJson } from '../../src/platform/teams/render.js';
import { sampleApproval } from '../support/approval-samples.js';
import { everyCard } from '../support/card-samples.js';
import { cardTexts, markdownTexts, plainTexts } from '../support/card-text.js';
import { exampleOrg, sampleIncident } from '../support/incident-samples.js';
import { sampleQuestion } from '../support/rules-samples.js';

/** The samples put markdown and HTML into every text that comes from people or the register. */
const MARKUP = ['evil.example', '**', '<b>', '_telefonnummer_'];

const shownAsText = (card: CardJson, text: string) =>
  plainTexts(card).some((t) => t.includes(text));

describe('text from people on cards', () => {
  it.each(everyCard)('%s: no markdown from people, and no backslash escape', (_name, build) => {
    const card = build();
    for (const text of markdownTexts(card)) {
      for (const markup of MARKUP) expect(text).not.toContain(markup);
      expect(text).not.toMatch(/\\[\p{P}\p{S}]/u);
    }
    for (const text of plainTexts(card)) expect(text).not.toMatch(/\\[\p{P}\p{S}]/u);
  });

  it('the incident card shows title, description, names and notes as written, line breaks kept', () => {
    const card = incidentCard(incidentStringsFor('sv'), exampleOrg, {
      incident: sampleIncident({
        title: 'IT-säkerhetspolicy 2026-12-01 (utkast)!',
        description: 'Rad 1. Se #3 + <b>\n- Rad 2\n1. Rad 3',
        reporterName: 'Anna-Karin Öberg',
      }),
      notes: [
        {
          authorAadObjectId: 'x',
          authorName: 'Per-Olof Ek',
          text: 'Kontaktat IT.\nVäntar på svar.',
          createdAt: new Date('2026-11-29T09:00:00Z'),
        },
      ],
      history: [],
      viewerAadObjectId: '00000000-0000-0000-0000-0000000000a2',
      roles: ['sakerhetssamordnare'],
      refreshUserIds: [],
      now: new Date('2026-11-29T10:00:00Z'),
    });
    for (const text of [
      'IT-säkerhetspolicy 2026-12-01 (utkast)!',
      'Rad 1. Se #3 + <b>\n- Rad 2\n1. Rad 3',
      'Anna-Karin Öberg',
      'Per-Olof Ek',
      'Kontaktat IT.\nVäntar på svar.',
    ])
      expect(shownAsText(card, text), text).toBe(true);
  });

  it('labels and choice titles are never escaped', () => {
    const s = rulesStringsFor('sv');
    const card = rulesCoordinatorCard(
      rulesCoordinatorCardData(s, sampleQuestion({ askerName: 'Anna-Karin Öberg' }), {
        askerTitle: 'IT-chef',
        matchedRule: undefined,
        feedback: undefined,
        notice: undefined,
        formatTime: (at) => at.toISOString(),
      }),
    ).content as CardJson;
    const label = cardTexts(card).find((t) => t.where === 'Input.Text.label');
    expect(label?.text).toContain('Anna-Karin Öberg');
    const approval = approvalCard(approvalStringsFor('sv'), exampleOrg, {
      approval: sampleApproval(),
      history: [],
      viewerAadObjectId: '00000000-0000-0000-0000-0000000000a1',
      refreshUserIds: [],
    });
    const choices = cardTexts(approval).filter((t) => t.where === 'Input.ChoiceSet.choice');
    // Lars requested it, so he is not offered as a delegate; the other coordinator is.
    expect(choices.map((c) => c.text)).toContain('Sara Nyström (IT-säkerhetssamordnare)');
    expect(choices.map((c) => c.text)).not.toContain('Lars Berg (IT-säkerhetssamordnare)');
  });

  it("the approval notice does not render a requester's title as markdown", () => {
    const s = approvalStringsFor('sv');
    const title = '**Brådskande** [se här](https://evil.example)';
    const card = approvalCard(s, exampleOrg, {
      approval: sampleApproval({ title, status: 'approved' }),
      history: [],
      viewerAadObjectId: '00000000-0000-0000-0000-0000000000a2',
      refreshUserIds: [],
      notice: { text: s.concluded.approved(title), style: 'good' },
    });
    expect(shownAsText(card, s.concluded.approved(title))).toBe(true);
    for (const text of markdownTexts(card)) expect(text).not.toContain('evil.example');
  });

  it('writes numbers as Swedes do (5 000, 84,2 %), and as English does in English', () => {
    const share = { campaign: '2026-02-02', recipients: 5000, acknowledged: 4210 };
    const sv = JSON.stringify(awarenessStatusCard(reminderStringsFor('sv'), share));
    for (const text of ['"5\u00a0000"', '"4\u00a0210"', '"84,2\u00a0%"'])
      expect(sv, text).toContain(text);
    const en = JSON.stringify(awarenessStatusCard(reminderStringsFor('en'), share));
    for (const text of ['"5,000"', '"4,210"', '"84.2%"']) expect(en, text).toContain(text);
  });
});
