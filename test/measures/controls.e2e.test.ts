import { describe, expect, it } from 'vitest';
import { reminders as remindersTool } from '../../scripts/reminders.js';
import { captureIo } from '../support/cli-io.js';
import { people, type Sender } from '../support/activities.js';
import { cardProblems } from '../support/card-validator.js';
import { containerStyleOf } from '../support/card-text.js';
import { engines } from '../support/engines.js';
import { cardOf, summaryOf, textOf } from '../support/fake-connector.js';
import { buttonTitles } from '../support/teams-client.js';
import { drainedInboxOf, useTestApp, type InvokeAnswer } from '../support/test-app.js';

const { karin, lars, sara, olof, maria, per, anna } = people;
const everyone = [karin, lars, sara, olof, maria, per, anna];

let now = new Date('2026-11-30T07:00:00Z');
const clock = { now: () => now };

const json = (answer: InvokeAnswer) => JSON.stringify(answer.value);

for (const engine of engines) {
  // The example organisation's controls (config/org.example.yaml): Sara reviews physical
  // access every year from 30 November 2026; Per reviews the VA logs at each month's end.
  describe(`recurring controls (${engine.name})`, () => {
    const app = useTestApp({ engine, clock, introduce: everyone });

    /** Runs the reminders at `iso`; the control cards each person got, by summary. */
    async function runAt(iso: string): Promise<Map<Sender, string[]>> {
      now = new Date(iso);
      await app().running.sender.drain();
      app().connector.reset();
      await app().running.runDueReminders();
      const got = new Map<Sender, string[]>();
      for (const p of everyone) {
        const cards = (await drainedInboxOf(app(), p))
          .map(summaryOf)
          .filter((s) => s.startsWith('Kontroll'));
        if (cards.length > 0) got.set(p, cards);
      }
      return got;
    }

    const cardTo = async (who: Sender, summary: string) => {
      const card = (await drainedInboxOf(app(), who))
        .filter((c) => summaryOf(c) === summary)
        .at(-1);
      expect(card, `${who.name}: ${summary}`).toBeDefined();
      return card!;
    };

    it('asks the responsible person on the due date; a deviation becomes their measure and the coordinators are told', async () => {
      // Monday 30 November 2026, 08:00 in Stockholm.
      expect(await runAt('2026-11-30T07:00:00Z')).toEqual(
        new Map([
          [sara, ['Kontroll: Genomgång av tillträdesskydd']],
          [per, ['Kontroll: Granskning av loggar']],
        ]),
      );
      // Counted for operations: /metrics has the reminders sent, by kind.
      const metrics = await (await fetch(`${app().running.url}/metrics`)).text();
      const controls = /^itsak_reminders_sent_total\{kind="control",late="false"\} (\d+)$/m.exec(
        metrics,
      );
      expect(Number(controls?.[1]), metrics.slice(0, 400)).toBeGreaterThanOrEqual(2);
      const access = await cardTo(sara, 'Kontroll: Genomgång av tillträdesskydd');
      const card = cardOf(access)!;
      expect(cardProblems(card)).toEqual([]);
      expect(textOf(access)).toContain('IT-säkerhetsinstruktion Drift · Tillträdesskydd');
      expect(textOf(access)).toContain('Hela organisationen');
      expect(buttonTitles(card)).toEqual(['Utförd utan avvikelse', 'Skicka avvikelsen']);

      // Only the responsible person answers, whatever a card sends.
      for (const who of [anna, lars]) {
        const forged = await app().invoke(who, 'control.answer', {
          controlId: 'tilltradesskydd',
          dueDate: '2026-11-30',
          outcome: 'ok',
        });
        expect(json(forged), who.name).toContain('Du kan inte göra det här');
      }
      const done = await app().as(sara).click(access, 'Utförd utan avvikelse');
      expect(json(done)).toContain('Tack! Kontrollen är registrerad som utförd.');
      expect(json(done)).toContain('Utförd utan avvikelse 2026-11-30 av Sara Nyström.');
      expect(buttonTitles(done.value as Record<string, unknown>)).toEqual([]);

      // Per finds a deviation: it becomes a measure for him, due in 30 days.
      const logs = await cardTo(per, 'Kontroll: Granskning av loggar');
      const deviation = await app().as(per).click(logs, 'Skicka avvikelsen', {
        deviationText: 'Två inloggningar från okända adresser i natt.',
      });
      expect(json(deviation)).toContain('Tack! Avvikelsen är nu en åtgärd för dig');
      expect(buttonTitles(deviation.value as Record<string, unknown>)).toEqual(['Visa åtgärden']);
      for (const coordinator of [lars, sara]) {
        const told = await cardTo(coordinator, 'Åtgärda avvikelse: Granskning av loggar');
        expect(textOf(told)).toContain('Per Sjödin hittade en avvikelse vid en kontroll');
        expect(textOf(told)).toContain('Två inloggningar från okända adresser i natt.');
        expect(textOf(told)).toContain('2026-12-30');
        expect(textOf(told)).toContain('Kontroll: Granskning av loggar');
        expect(containerStyleOf(cardOf(told)!, 'Per Sjödin hittade')).toBe('warning');
      }
      const measureId = /"measureId":"([0-9a-f-]{36})"/.exec(json(deviation))![1];
      const shown = await app().as(per).click(deviation, 'Visa åtgärden');
      expect(shown.value).toBe('Svaret kommer i ett nytt meddelande.');
      const measureCard = (await drainedInboxOf(app(), per))
        .filter((c) => textOf(c).includes(measureId!))
        .at(-1)!;
      expect(buttonTitles(cardOf(measureCard)!)).toContain('Markera som genomförd');

      // Pressed again: the same answer, no second measure.
      const again = await app().as(per).click(logs, 'Utförd utan avvikelse');
      expect(json(again)).toContain('Kontrollen är redan besvarad för det här datumet.');
      expect(await app().query.measuresFrom('control')).toEqual([
        expect.objectContaining({
          title: 'Åtgärda avvikelse: Granskning av loggar',
          ownerId: 'per',
          dueDate: '2026-12-30',
          originRef: 'logggranskning-va',
        }),
      ]);

      // A week later: both answered, nobody is chased.
      expect(await runAt('2026-12-07T07:00:00Z')).toEqual(new Map());

      // The annual report counts them per instruction and system.
      const io = captureIo();
      const code = await remindersTool(['report', '--year', '2026', '--format', 'csv'], {
        ...io,
        env: { DATABASE_URL: app().database.url, LOG_LEVEL: 'info' },
      });
      const rows = io.result(code).stdout.trimEnd().split('\r\n');
      const accessRow =
        'kontroll,Genomgång av tillträdesskydd · hela organisationen (IT-säkerhetsinstruktion Drift · Tillträdesskydd)';
      const logsRow =
        'kontroll,Granskning av loggar · Styrsystem för vatten och avlopp (IT-säkerhetsinstruktion Drift · Loggning)';
      expect(rows).toEqual(
        expect.arrayContaining([
          `${accessRow},due,,,1`,
          `${accessRow},done,,,1`,
          `${accessRow},deviations,,,0`,
          `${logsRow},done,,,1`,
          `${logsRow},deviations,,,1`,
          'åtgärder,Kontroll,decided,,,1',
        ]),
      );
    });

    it('shows the annual report of the year so far to a coordinator who asks for it, and to nobody else', async () => {
      now = new Date('2026-12-08T09:00:00Z');
      await app().running.sender.drain();
      const [report] = await app().as(lars).say('årsrapport');
      expect(cardProblems(cardOf(report!)!)).toEqual([]);
      expect(textOf(report!)).toContain('Årlig uppföljning av IT-säkerhetsarbetet 2026');
      expect(textOf(report!)).toContain('Kontroller enligt instruktionerna');
      expect(textOf(report!)).toContain('Genomgång av tillträdesskydd · hela organisationen');
      expect(textOf(report!)).toContain('1 av 1 utförda');
      // Upcoming reminders list one's own controls, never the escalations of others'.
      const [perUpcoming] = await app().as(per).say('påminnelser');
      expect(textOf(perUpcoming!)).toContain('Kontroll: Granskning av loggar');
      const [larsUpcoming] = await app().as(lars).say('påminnelser');
      expect(textOf(larsUpcoming!)).not.toContain('Kontroll inte utförd');
      const [refused] = await app().as(anna).say('årsrapport');
      expect(textOf(refused!)).toContain(
        'Årsrapporten är för säkerhetssamordnarna och kommunchefen.',
      );
      expect(cardOf(refused!)).toBeUndefined();
    });

    it('goes to the coordinators a week after a due date nobody answered, once', async () => {
      expect(await runAt('2026-12-31T07:00:00Z')).toEqual(
        new Map([[per, ['Kontroll: Granskning av loggar']]]),
      );
      expect(await runAt('2027-01-07T07:00:00Z')).toEqual(
        new Map([
          [lars, ['Kontroll inte utförd: Granskning av loggar']],
          [sara, ['Kontroll inte utförd: Granskning av loggar']],
        ]),
      );
      const late = await cardTo(lars, 'Kontroll inte utförd: Granskning av loggar');
      expect(textOf(late)).toContain('Ansvarig: Per Sjödin.');
      expect(buttonTitles(cardOf(late)!)).toEqual([]);
      expect(await runAt('2027-01-07T09:00:00Z')).toEqual(new Map());
      // A date that is no due date of the control, or one far ahead, is refused.
      for (const dueDate of ['2027-01-15', '2027-06-30']) {
        const refused = await app().invoke(per, 'control.answer', {
          controlId: 'logggranskning-va',
          dueDate,
          outcome: 'ok',
        });
        expect(json(refused), dueDate).toContain(
          'Kontrollen finns inte, eller inte för det datumet.',
        );
      }
      // Olof's systems are not his to answer for: the access review of Maria's is hers.
      const notHis = await app().invoke(olof, 'control.answer', {
        controlId: 'behorighetsgenomgang:vard',
        dueDate: '2026-09-30',
        outcome: 'ok',
      });
      expect(json(notHis)).toContain('Du kan inte göra det här');
    });
  });
}
