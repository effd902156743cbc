import { describe, expect, it } from 'vitest';
import { people, type Sender } from '../support/activities.js';
import { cardTexts } from '../support/card-text.js';
import { engines } from '../support/engines.js';
import { cardOf, textOf, type ConnectorCall } from '../support/fake-connector.js';
import { phishingForm } from '../support/incident-samples.js';
import { useTestApp, type InvokeAnswer } from '../support/test-app.js';

const { lars, sara, anna, erik } = people;

/** A clock the test moves: 2026-11-30 10:00 in Stockholm to start with. */
let now = new Date('2026-11-30T09:00:00Z');
const clock = { now: () => now };
const later = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};

const shown = (answer: InvokeAnswer): string =>
  typeof answer.value === 'string'
    ? answer.value
    : cardTexts(answer.value)
        .map((t) => t.text)
        .join('\n');

const texts = (calls: ConnectorCall[]) => calls.map(textOf);

for (const engine of engines) {
  describe(`limits per person and minute (${engine.name})`, () => {
    const app = useTestApp({ engine, clock, introduce: [lars, sara, anna, erik] });

    async function report(who: Sender, title: string) {
      const [form] = await app().as(who).say('incident');
      const answer = await app()
        .as(who)
        .click(form!, 'Skicka rapporten', { ...phishingForm, title });
      return { form: form!, answer };
    }

    it('takes five incident reports a minute from one person, keeps the sixth on its form, and tells the coordinators once', async () => {
      for (let i = 1; i <= 5; i++) {
        const { answer } = await report(anna, `Rapport ${i}`);
        expect(shown(answer)).toContain('INC-2026-');
        later(5);
      }
      const { form: sixth, answer } = await report(anna, 'Rapport 6');
      const card = shown(answer);
      expect(card).toContain('Du har skickat 5 incidentrapporter den senaste minuten');
      expect(card).toContain('ring IT-supporten');
      // The form comes back with what she wrote, so she can send it again in a minute.
      expect(JSON.stringify(answer.value)).toContain('"value":"Rapport 6"');
      expect(await app().query.incidentsOf(anna)).toHaveLength(5);

      // A seventh try in the same minute: refused again, the coordinators are not told twice.
      await report(anna, 'Rapport 7');
      for (const coordinator of [lars, sara]) {
        const told = texts(await app().inboxOf(coordinator)).filter((t) =>
          t.includes('incidentrapporter på en minut'),
        );
        expect(told, coordinator.name).toEqual([
          expect.stringContaining('Anna Andersson har skickat 5 incidentrapporter på en minut'),
        ]);
      }
      // Others are not held back by Anna's limit.
      expect(shown((await report(erik, 'Eriks rapport')).answer)).toContain('INC-2026-');

      // A minute later the same form goes through.
      later(61);
      const resent = await app()
        .as(anna)
        .click(sixth, 'Skicka rapporten', {
          ...phishingForm,
          title: 'Rapport 6',
        });
      expect(shown(resent)).toContain('INC-2026-');
      expect(await app().query.incidentsOf(anna)).toHaveLength(6);
      const refused = (await app().query.auditByActor(anna)).filter(
        (e) => e.action === 'action.refused',
      );
      expect(refused.map((e) => e.details)).toEqual([
        { verb: 'incident.submit', reason: 'limited' },
        { verb: 'incident.submit', reason: 'limited' },
      ]);
      const metrics = await (await fetch(`${app().running.url}/metrics`)).text();
      expect(metrics).toContain('itsak_limited_total{what="incident.submit"} 2');
    });

    it('answers a resent submit at the limit with its receipt, not the limit', async () => {
      later(3600);
      let last: Awaited<ReturnType<typeof report>> | undefined;
      for (let i = 1; i <= 5; i++) last = await report(erik, `Eriks ${i}`);
      const again = await app()
        .as(erik)
        .click(last!.form, 'Skicka rapporten', {
          ...phishingForm,
          title: 'Eriks 5',
        });
      expect(shown(again)).toContain('redan');
      expect(shown(again)).not.toContain('den senaste minuten');
    });

    it('forwards ten questions a minute from one person to the coordinators, and politely not the eleventh', async () => {
      later(3600);
      const cards: Record<string, unknown>[] = [];
      for (let i = 1; i <= 11; i++) {
        const [answer] = await app().as(erik).say(`får jag använda dropbx nummer ${i}`);
        cards.push(cardOf(answer!)!);
      }
      for (const card of cards.slice(0, 10)) {
        const forwarded = await app().as(erik).click(card, 'Fråga IT-säkerhetssamordnaren');
        expect(shown(forwarded)).toContain('Frågan är skickad till IT-säkerhetssamordnaren');
      }
      const eleventh = await app().as(erik).click(cards[10]!, 'Fråga IT-säkerhetssamordnaren');
      expect(shown(eleventh)).toContain(
        'Du har skickat 10 frågor till samordnaren den senaste minuten',
      );
      // Pressing one already forwarded again is no new question: not refused.
      const again = await app().as(erik).click(cards[0]!, 'Fråga IT-säkerhetssamordnaren');
      expect(shown(again)).toContain('Frågan är skickad till IT-säkerhetssamordnaren');

      const larsGot = await app().inboxOf(lars);
      expect(larsGot.filter((c) => cardOf(c) !== undefined)).toHaveLength(10);
      expect(
        texts(larsGot).filter((t) => t.includes('frågor till samordnaren på en minut')),
      ).toEqual([
        expect.stringContaining('Erik Persson har skickat 10 frågor till samordnaren på en minut'),
      ]);

      later(61);
      const afterwards = await app().as(erik).click(cards[10]!, 'Fråga IT-säkerhetssamordnaren');
      expect(shown(afterwards)).toContain('Frågan är skickad till IT-säkerhetssamordnaren');
    });
  });
}
