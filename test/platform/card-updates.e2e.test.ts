import { describe, expect, it } from 'vitest';
import { GROUP_CHAT, people, personalConversationId } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { cardOf, textOf, type ConnectorCall } from '../support/fake-connector.js';
import { useTestApp, type InvokeAnswer } from '../support/test-app.js';
import { phishingForm } from '../support/incident-samples.js';

const { lars, sara, olof, anna } = people;

let now = new Date('2026-11-30T09:00:00Z');
const clock = { now: () => now };

const phishing = phishingForm;

/**
 * A card answered by the invoke response alone changes only on the device that was
 * clicked (Teams replaces it for the one who interacted). The bot also replaces the
 * message itself, so the person's phone and desktop show the same card.
 */
for (const engine of engines) {
  describe(`cards on every device (${engine.name})`, () => {
    const app = useTestApp({ engine, clock, introduce: [lars, sara, olof, anna] });

    /** The updates the bot made to the message that held the clicked card. */
    const updatesOf = (message: ConnectorCall) =>
      app().connector.updated.filter(
        (u) => u.conversationId === message.conversationId && u.activityId === message.activityId,
      );

    function expectUpdatedTo(message: ConnectorCall, answer: InvokeAnswer) {
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      const updates = updatesOf(message);
      expect(updates).toHaveLength(1);
      expect(cardOf(updates[0]!)).toEqual(answer.value);
    }

    it('When Anna sends the incident form on one device, then the message turns into the receipt on all of them', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const [form] = await app().as(anna).say('incident');
      const receipt = await app().as(anna).click(form!, 'Skicka rapporten', phishing);
      expect(JSON.stringify(receipt.value)).toMatch(/INC-2026-\d{4}/);
      expectUpdatedTo(form!, receipt);
    });

    it('When Anna answers whether a rules answer helped, then the message shows her answer on every device', async () => {
      const [answer] = await app().as(anna).say('får jag använda usb-minne?');
      const thanked = await app().as(anna).click(answer!, 'Ja');
      expectUpdatedTo(answer!, thanked);
    });

    it('When Anna acknowledges the yearly rules message, then the message shows the acknowledgement on every device', async () => {
      now = new Date('2027-02-01T08:00:00Z'); // Monday 09:00
      await app().running.runDueReminders();
      const card = (await app().inboxOf(anna)).find((c) =>
        textOf(c).includes('Jag har läst och förstått'),
      );
      const acknowledged = await app().as(anna).click(card!, 'Jag har läst och förstått');
      expect(JSON.stringify(acknowledged.value)).toContain('Din bekräftelse är sparad');
      expectUpdatedTo(card!, acknowledged);
    });

    it('When Teams fails or does not answer the update, then the click is answered all the same', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const [answer] = await app().as(anna).say('får jag använda dropbox?');
      app().connector.fail(500, { path: new RegExp(`/activities/${answer!.activityId}$`) });
      const thanked = await app().as(anna).click(answer!, 'Ja');
      expect(thanked.type).toBe('application/vnd.microsoft.card.adaptive');

      const [form] = await app().as(anna).say('incident');
      app().connector.hang({ path: new RegExp(`/activities/${form!.activityId}$`) });
      const receipt = await app().as(anna).click(form!, 'Skicka rapporten', phishing);
      expect(JSON.stringify(receipt.value)).toMatch(/INC-2026-\d{4}/);
      expect(app().connector.hung.map((c) => c.method)).toEqual(['PUT']);
    });

    it('When Teams asks for a card as someone looks at it, then the message itself is left alone', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const [form] = await app().as(anna).say('incident');
      await app().as(anna).click(form!, 'Skicka rapporten', phishing);
      const triage = (await app().inboxOf(lars)).at(-1)!;
      const seen = await app().as(lars).refresh(triage);
      expect(seen.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(updatesOf(triage)).toEqual([]);
    });

    it('When someone browses the rules in a group chat, then the shared message is not changed for everyone', async () => {
      const [areas] = await app()
        .as(anna)
        .say('regler', { conversationType: 'groupChat', conversationId: GROUP_CHAT.id });
      const area = await app().as(anna).click(areas!, 'Distansarbete');
      expect(area.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(app().connector.updated).toEqual([]);
      // The same click in the personal chat does update the message there.
      const [personal] = await app().as(anna).say('regler');
      expect(personal!.conversationId).toBe(personalConversationId(anna));
      expectUpdatedTo(personal!, await app().as(anna).click(personal!, 'Distansarbete'));
    });
  });
}
