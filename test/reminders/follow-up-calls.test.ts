import { describe, expect, it } from 'vitest';
import { reminders as remindersTool } from '../../scripts/reminders.js';
import { people } from '../support/activities.js';
import { captureIo } from '../support/cli-io.js';
import { engines } from '../support/engines.js';
import { textOf } from '../support/fake-connector.js';
import { useTestApp } from '../support/test-app.js';
import { phishingForm } from '../support/incident-samples.js';

const { anna, olof } = people;
const clock = { now: () => new Date('2026-11-30T09:00:00Z') };

for (const engine of engines) {
  describe(`the annual follow-up report lists every decision not to report (${engine.name})`, () => {
    const app = useTestApp({ engine, clock, introduce: [anna, olof] });

    it('shows the incident, the report, who decided, when and why', async () => {
      const [form] = await app().as(anna).say('incident');
      const receipt = await app()
        .as(anna)
        .click(form!, 'Skicka rapporten', {
          ...phishingForm,
          title: 'Felskickat mejl',
          category: 'informationslacka',
          description: 'Ett mejl med en fakturalista gick till fel mottagare.',
          personalData: 'ja',
        });
      const number = /INC-2026-\d{4}/.exec(JSON.stringify(receipt.value))![0];
      const card = (await app().inboxOf(olof)).filter((c) => textOf(c).includes(number)).at(-1)!;
      await app()
        .as(olof)
        .click(
          card,
          { title: 'Spara motiveringen', near: 'Anmälan till IMY' },
          { 'reason-imy': 'Mottagaren raderade mejlet; osannolikt att det medför en risk.' },
        );

      const io = captureIo();
      const code = await remindersTool(['report', '--year', '2026'], {
        ...io,
        env: { DATABASE_URL: app().database.url, LOG_LEVEL: 'info' },
      });
      const { stdout } = io.result(code);
      expect(code).toBe(0);
      expect(stdout).toContain('## Beslut att inte anmäla');
      expect(stdout).toContain(
        `| ${number} | Anmälan till IMY (personuppgiftsincident), 72 timmar | Olof Strand | 2026-11-30 | Mottagaren raderade mejlet; osannolikt att det medför en risk. |`,
      );
    });
  });
}
