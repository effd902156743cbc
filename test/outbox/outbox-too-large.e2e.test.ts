import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { people, personalConversationId, type Sender } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { cardOf, textOf, type ConnectorCall } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { karin, lars, sara, dina, olof, maria, anna, erik } = people;
const everyone = [karin, lars, sara, dina, olof, maria, anna, erik];

let now = new Date('2026-11-30T09:00:00Z');
const clock = { now: () => now };

/** Small enough that every card is refused and every short text passes. */
const CARDS_REFUSED_BYTES = 2500;

const kritisk = {
  title: 'Journalsystemet **krypterat**',
  category: 'skadlig-kod',
  system: 'vard',
  discoveredDate: '2026-11-30',
  discoveredTime: '09:00',
  description: 'Skärmarna visar ett meddelande om lösensumma.',
  personalData: 'ja',
  severity: 'kritisk',
};

for (const engine of engines) {
  describe(`a message Teams finds too large (413) (${engine.name})`, () => {
    let app: TestApp;
    beforeEach(async () => {
      now = new Date('2026-11-30T09:00:00Z');
      app = await startTestApp({
        engine,
        clock,
        env: { INCIDENT_DEADLINE_CHECK_SECONDS: '86400', OUTBOX_MAX_ATTEMPTS: '3' },
      });
      await app.introduce(...everyone);
    });
    afterEach(async () => {
      await app?.stop();
    });

    const inbox = (p: Sender): ConnectorCall[] =>
      app.connector.deliveredTo(personalConversationId(p));
    const refusedCards = () => app.connector.calls.filter((c) => c.status === 413);

    async function report(): Promise<{ number: string; id: string }> {
      const [form] = await app.as(anna).say('incident');
      app.connector.limitMessageSize(CARDS_REFUSED_BYTES);
      const receipt = await app.as(anna).click(form!, 'Skicka rapporten', kritisk);
      const number = /INC-2026-\d{4}/.exec(JSON.stringify(receipt.value))![0];
      const stored = await app.query.incidentNumbered(number);
      return { number, id: stored!.id };
    }

    it('When Teams refuses the routing cards and the deadline reminders as too large, then each recipient gets a short text that says what it was and how to open it, and no message counts as failed', async () => {
      const { number, id } = await report();
      await app.running.sender.drain();
      expect(refusedCards().length, 'Teams refused the cards').toBeGreaterThan(0);
      for (const p of [lars, sara, maria, dina, karin]) {
        const texts = inbox(p).filter((c) => !cardOf(c));
        expect(texts, p.name).toHaveLength(1);
        const text = textOf(texts[0]!);
        expect(text, p.name).toContain(number);
        expect(text, p.name).toContain('för stort för Teams');
        expect(text, p.name).toContain('mina incidenter');
        // The reporter's title is not in a text Teams reads as markdown.
        expect(text, p.name).not.toContain('**');
        const row = await app.query.outboxRow(`incident:${id}:routed:${p.aadObjectId}`);
        expect(row, p.name).toMatchObject({ status: 'sent', sent_as_fallback: 1 });
        expect(row!.last_error, p.name).toContain('413');
      }
      expect(textOf(inbox(lars).find((c) => !cardOf(c))!)).toBe(
        `Kortet om ${number} blev för stort för Teams och kunde inte visas. Skriv "mina incidenter" och öppna ${number} där.`,
      );

      // The legal clock's reminder is not dropped: it arrives as text, with what it reminds of.
      app.connector.reset();
      app.connector.limitMessageSize(CARDS_REFUSED_BYTES);
      now = new Date('2026-12-01T20:30:00Z');
      await app.running.remindIncidentDeadlines();
      await app.running.sender.drain();
      const reminder = inbox(dina)
        .map(textOf)
        .find((t) => t.includes('halva tiden'));
      expect(reminder, 'the DSO got the half-time reminder').toBeDefined();
      expect(reminder).toContain('Anmälan till IMY');
      expect(reminder).toContain(number);
      expect(reminder).toContain('mina incidenter');
      expect(reminder).toMatch(
        /^Påminnelse INC-2026-\d{4}: halva tiden har gått för "Anmälan till IMY/,
      );
      const counts = await app.running.outbox.countByStatus();
      expect(counts.failed).toBe(0);

      // "mina incidenter" as the text says: the list, and the card it opens, fit again.
      app.connector.reset();
      const [list] = await app.as(dina).say('mina incidenter');
      expect(textOf(list!)).toContain(number);
      await app.as(dina).click(list!, { title: 'Visa', near: number });
      const [card] = await app.inboxOf(dina);
      expect(cardOf(card!), 'the incident card').toBeDefined();
    });

    it('When a card without a text of its own is refused, then the outbox writes one from what the message is, with no markup from the title', async () => {
      app.connector.limitMessageSize(CARDS_REFUSED_BYTES);
      const card = {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'x'.repeat(3000), wrap: true }],
      };
      await app.notify({
        dedupeKey: 'approval:test:too-large',
        recipientAadObjectId: olof.aadObjectId,
        tenantId: '00000000-0000-0000-0000-000000000001',
        activity: {
          type: 'message',
          summary: 'Godkännande: **Nytt** [lönesystem](https://evil.example)',
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
        },
        deadline: {
          at: new Date('2026-12-07T09:00:00Z'),
          purpose: 'approval',
          subject: '**Nytt** [lönesystem](https://evil.example)',
        },
      });
      const [text] = await app.inboxOf(olof);
      expect(cardOf(text!)).toBeUndefined();
      expect(text!.body.text).toBe(
        'Meddelandet om Nytt lönesystem(https://evil.example) blev för stort för Teams. Det gällde: Godkännande: Nytt lönesystem(https://evil.example). Skriv "godkännanden" för att se det som väntar på dig.',
      );
      expect(await app.query.outboxRow('approval:test:too-large')).toMatchObject({
        status: 'sent',
        sent_as_fallback: 1,
      });
    });

    it('When Teams refuses a card the bot answers with in the chat, then the person gets a short text instead of silence', async () => {
      app.connector.limitMessageSize(CARDS_REFUSED_BYTES);
      const replies = await app.as(erik).say('incident');
      expect(refusedCards()).toHaveLength(1);
      expect(replies).toHaveLength(1);
      expect(cardOf(replies[0]!)).toBeUndefined();
      expect(textOf(replies[0]!)).toContain('för stort för Teams');

      app.connector.reset();
      app.connector.limitMessageSize(CARDS_REFUSED_BYTES);
      const [english] = await app.as(erik).say('help', { locale: 'en-GB' });
      expect(textOf(english!)).toContain('too large for Teams');
    });
  });
}
