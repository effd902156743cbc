import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { people, personalConversationId, type Sender } from '../support/activities.js';
import { cardProblems } from '../support/card-validator.js';
import { engines } from '../support/engines.js';
import { cardOf, textOf, type ConnectorCall } from '../support/fake-connector.js';
import { buttonTitles } from '../support/teams-client.js';
import { startTestApp, type InvokeAnswer, type TestApp } from '../support/test-app.js';

const { karin, lars, sara, dina, olof, maria, anna, erik } = people;
const everyone = [karin, lars, sara, dina, olof, maria, anna, erik];

/** What the bot promises: every activity it sends stays under 24 KB (Teams refuses about 28 KB). */
const BUDGET_BYTES = 24 * 1024;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

let now = new Date('2026-11-30T09:00:00Z');
const clock = { now: () => now };

/** 4 000 characters, the most the form takes, with å, ä and ö (two bytes each in UTF-8). */
const longDescription = (() => {
  const sentence =
    'Skärmarna på vårdcentralen visar ett meddelande om lösensumma och filerna går inte att öppna. ';
  let text = 'BÖRJAN. ';
  while (text.length < 3990) text += sentence;
  return `${text.slice(0, 3994)} SLUT.`;
})();

/** Note `i`: 2 000 characters (the field's limit), with a marker at each end. */
const longNote = (i: number) => {
  const head = `Anteckning ${i} början: `;
  const tail = ` anteckning ${i} slut.`;
  const filler = 'Åtgärd: kontot spärrat, lösenordet bytt och loggarna sparade. ';
  let body = '';
  while (head.length + body.length + tail.length < 2000) body += filler;
  return head + body.slice(0, 2000 - head.length - tail.length) + tail;
};

const NOTES = 20;

for (const engine of engines) {
  describe(`incident cards within Teams' size limit (${engine.name})`, () => {
    let app: TestApp;
    beforeEach(async () => {
      now = new Date('2026-11-30T09:00:00Z');
      app = await startTestApp({
        engine,
        clock,
        env: { INCIDENT_DEADLINE_CHECK_SECONDS: '86400' },
      });
      await app.introduce(...everyone);
    });
    afterEach(async () => {
      await app?.stop();
    });

    /** Anna reports a serious personal-data incident on the journal system, described at length. */
    async function reportLongIncident(): Promise<string> {
      const [form] = await app.as(anna).say('incident');
      const receipt = await app.as(anna).click(form!, 'Skicka rapporten', {
        title: 'Journalsystemet krypterat',
        category: 'skadlig-kod',
        system: 'vard',
        discoveredDate: '2026-11-30',
        discoveredTime: '09:00',
        description: longDescription,
        personalData: 'ja',
        severity: 'kritisk',
      });
      const number = /INC-2026-\d{4}/.exec(JSON.stringify(receipt.value))?.[0];
      expect(number).toBeDefined();
      return number!;
    }

    async function latestCardOf(person: Sender, button: string): Promise<ConnectorCall> {
      const inbox = await app.inboxOf(person);
      const call = inbox.filter((c) => textOf(c).includes(`"title":"${button}"`)).at(-1);
      expect(call, `${person.name} has a card with "${button}"`).toBeDefined();
      return call!;
    }

    /** Lars writes 20 long notes a minute apart, each saved from the card the previous save gave him. */
    async function addLongNotes(): Promise<InvokeAnswer> {
      let card: ConnectorCall | InvokeAnswer = await latestCardOf(lars, 'Spara ändringar');
      let answer: InvokeAnswer | undefined;
      for (let i = 1; i <= NOTES; i++) {
        now = new Date(now.getTime() + 60_000);
        answer = await app.as(lars).click(card, 'Spara ändringar', { triageNote: longNote(i) });
        expect(answer.type, `note ${i}`).toBe('application/vnd.microsoft.card.adaptive');
        expect(bytes(answer.value), `the card answering note ${i}`).toBeLessThan(BUDGET_BYTES);
        card = answer;
      }
      return answer!;
    }

    it('keeps every card about an incident with a 4 000-character description and 20 long notes under 24 KB, and shows all of it under "Visa hela ärendet"', async () => {
      const number = await reportLongIncident();
      const afterNotes = await addLongNotes();
      expect(cardProblems(afterNotes.value)).toEqual([]);
      // The half-time reminder of the IMY clock (72 h from 08:00 UTC) goes out as a card to each.
      now = new Date('2026-12-01T20:30:00Z');
      await app.running.remindIncidentDeadlines();
      await app.running.sender.drain();

      const sent = app.connector.calls.filter(
        (c) => /\/activities/.test(c.path) && (c.method === 'POST' || c.method === 'PUT'),
      );
      expect(sent.filter((c) => c.status !== 200).map((c) => `${c.status} ${c.path}`)).toEqual([]);
      for (const call of sent)
        expect(bytes(call.body), `${call.method} ${call.path}`).toBeLessThan(BUDGET_BYTES);
      const reminders = [dina, lars, sara].map((p) =>
        app.connector
          .deliveredTo(personalConversationId(p))
          .find((c) => textOf(c).includes('halva tiden')),
      );
      expect(reminders.every(Boolean), 'the half-time reminders arrived').toBe(true);

      // The card shows excerpts: the latest notes, the start of the description.
      const card = afterNotes.value as Record<string, unknown>;
      const shown = JSON.stringify(card);
      expect(shown).toContain(longNote(NOTES).slice(0, 40));
      expect(shown).not.toContain(longNote(1).slice(0, 40));
      expect(shown).toContain('BÖRJAN.');
      expect(shown).not.toContain('SLUT.');
      expect(shown).toContain('…');
      expect(buttonTitles(card)).toContain('Visa hela ärendet');

      // "Visa hela ärendet" brings the whole incident as a new message, a page at a time.
      app.connector.reset();
      const opened = await app.as(lars).click(afterNotes, 'Visa hela ärendet');
      expect(opened.type).toBe('application/vnd.microsoft.activity.message');
      const [first] = await app.inboxOf(lars);
      expect(first, 'the first page arrived').toBeDefined();
      const pages: Record<string, unknown>[] = [cardOf(first!)!];
      for (let page: ConnectorCall | InvokeAnswer = first!; ;) {
        const current = pages.at(-1)!;
        if (!buttonTitles(current).includes('Nästa sida')) break;
        expect(pages.length, 'pages come to an end').toBeLessThan(20);
        const next = await app.as(lars).click(page, 'Nästa sida');
        expect(next.type).toBe('application/vnd.microsoft.card.adaptive');
        pages.push(next.value as Record<string, unknown>);
        page = next;
      }
      expect(pages.length).toBeGreaterThan(1);
      for (const [i, page] of pages.entries()) {
        expect(cardProblems(page), `page ${i + 1}`).toEqual([]);
        expect(bytes({ type: 'message', attachments: [{ content: page }] })).toBeLessThan(
          BUDGET_BYTES,
        );
        expect(JSON.stringify(page)).toContain(`Sida ${i + 1} av ${pages.length}`);
        expect(JSON.stringify(page)).toContain(number);
      }
      const all = pages.map((p) => JSON.stringify(p)).join('\n');
      expect(all).toContain(JSON.stringify(longDescription).slice(1, -1));
      for (let i = 1; i <= NOTES; i++)
        expect(all, `note ${i} in full`).toContain(JSON.stringify(longNote(i)).slice(1, -1));
      expect(all, 'the whole history').toContain('rapporterade incidenten');
    }, 90_000); // 20 clicks on a large card: 20 s with two copies of the suite at once.

    it('shows the whole incident only to those who may see the incident, whatever the card data says', async () => {
      const number = await reportLongIncident();
      const stored = await app.query.incidentNumbered(number);
      for (const outsider of [erik, olof]) {
        const answer = await app.invoke(outsider, 'incident.full', {
          incidentId: stored!.id,
          page: 1,
        });
        expect(answer.value, outsider.name).toMatch(/inte|not/i);
        expect(JSON.stringify(answer.value)).not.toContain('BÖRJAN.');
      }
      expect(await app.inboxOf(erik)).toEqual([]);
      // The reporter may see her own incident, page by page like anyone who may see it.
      app.connector.reset();
      await app.invoke(anna, 'incident.full', { incidentId: stored!.id, page: 1 });
      const [page] = await app.inboxOf(anna);
      expect(JSON.stringify(cardOf(page!))).toContain('BÖRJAN.');
    });
  });
}
