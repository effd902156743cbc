import { describe, expect, it } from 'vitest';
import { people, type Sender } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { cardOf, type ConnectorCall } from '../support/fake-connector.js';
import { phishingForm } from '../support/incident-samples.js';
import { useTestApp } from '../support/test-app.js';

const { lars, sara, olof, anna, karin } = people;

/** 2026-11-30 10:00 in Stockholm. */
const clock = { now: () => new Date('2026-11-30T09:00:00Z') };

/**
 * What a phone's lock screen and the activity feed show of a card: the activity's
 * `summary` (without one, Teams says only that the bot "sent a card").
 */
const summaries = (calls: ConnectorCall[]) =>
  calls.filter((c) => cardOf(c) !== undefined).map((c) => c.body.summary);

for (const engine of engines) {
  describe(`a proactive card says what it is about before it is opened (${engine.name})`, () => {
    const app = useTestApp({ engine, clock, introduce: [lars, sara, olof, anna, karin] });

    async function inbox(who: Sender) {
      return summaries(await app().inboxOf(who));
    }

    it('names the incident by its number, never by what the reporter wrote', async () => {
      const [form] = await app().as(anna).say('incident');
      await app()
        .as(anna)
        .click(form!, 'Skicka rapporten', { ...phishingForm, severity: 'hog' });
      const [incident] = await app().query.incidentsOf(anna);
      for (const coordinator of [lars, sara]) {
        const got = await inbox(coordinator);
        expect(got, coordinator.name).toEqual([`Ny incident att hantera: ${incident!.number}`]);
      }
      expect(JSON.stringify(await inbox(lars))).not.toContain(phishingForm.title);
    });

    it('says the same in the message text, which some phones show instead of the summary', async () => {
      const [form] = await app().as(anna).say('incident');
      await app().as(anna).click(form!, 'Skicka rapporten', phishingForm);
      const [answer] = await app().as(anna).say('får jag använda dropbx');
      await app().as(anna).click(cardOf(answer!)!, 'Fråga IT-säkerhetssamordnaren');
      const cards = (await app().inboxOf(lars)).filter((c) => cardOf(c) !== undefined);
      expect(cards.map((c) => c.body.text)).toEqual([
        expect.stringMatching(/^Ny incident att hantera: INC-2026-\d{4}$/),
        'Fråga från Anna Andersson till IT-säkerhetssamordnaren',
      ]);
    });

    it('names the kind of request an approver is to decide', async () => {
      const [form] = await app().as(anna).say('begär godkännande');
      await app().as(anna).click(form!, 'Skicka begäran', {
        type: 'driftgodkannande',
        subject: 'system:ekonomi',
        title: 'Nya versionen',
        justification: 'Underlaget är granskat.',
      });
      expect(await inbox(olof)).toEqual(['Begäran att besluta: Driftgodkännande']);
    });

    it('tells the coordinator who sent a question', async () => {
      const [answer] = await app().as(anna).say('får jag använda dropbx');
      await app().as(anna).click(cardOf(answer!)!, 'Fråga IT-säkerhetssamordnaren');
      expect(await inbox(lars)).toEqual(['Fråga från Anna Andersson till IT-säkerhetssamordnaren']);
    });
  });
}
