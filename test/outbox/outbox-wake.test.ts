import { afterEach, describe, expect, it } from 'vitest';
import { people, personalConversationId } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { lars, anna } = people;

/** What reached the chat, waited for well within the sender's (long) poll interval. */
const arrival = (app: TestApp, conversationId: string) =>
  app.connector.waitFor(() => {
    const calls = app.connector.deliveredTo(conversationId);
    return calls.length > 0 && calls;
  }, 10_000);

for (const engine of engines) {
  describe(`the outbox sender after a unit of work (${engine.name})`, () => {
    let app: TestApp | undefined;
    afterEach(async () => {
      await app?.stop();
      app = undefined;
    });

    it('When an incident report commits, then the coordinator’s card goes out at once, not at the next poll', async () => {
      app = await startTestApp({
        engine,
        clock: { now: () => new Date('2026-11-30T09:00:00Z') },
        env: { OUTBOX_POLL_INTERVAL_MS: '60000' },
      });
      await app.introduce(lars, anna);
      const [form] = await app.as(anna).say('incident');
      const answer = await app.as(anna).click(form!, 'Skicka rapporten', {
        title: 'Okänd minnessticka i mötesrummet',
        category: 'ovrigt',
        system: 'vet-ej',
        discoveredDate: '2026-11-30',
        discoveredTime: '09:30',
        description: 'Låg på bordet efter mötet.',
        personalData: 'nej',
        severity: 'lag',
      });
      expect(JSON.stringify(answer.value)).toContain('INC-2026-0001');
      const [card] = await arrival(app, personalConversationId(lars));
      expect(JSON.stringify(card!.body)).toContain('Okänd minnessticka i mötesrummet');
    });
  });
}
