import { afterEach, describe, expect, it } from 'vitest';
import { message, people, personalConversationId, type Sender } from '../support/activities.js';
import { cardProblems } from '../support/card-validator.js';
import { engines } from '../support/engines.js';
import { cardOf, textOf, type ConnectorCall } from '../support/fake-connector.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app.js';

const { karin, lars, sara, dina, olof, maria, per, anna, erik, stranger } = people;
const everyone = [karin, lars, sara, dina, olof, maria, per, anna, erik, stranger];

/** A controlled clock, set per step. */
let now = new Date('2026-11-30T09:00:00Z');
const clock = { now: () => now };

for (const engine of engines) {
  describe(`reminders (${engine.name})`, () => {
    const apps: TestApp[] = [];
    afterEach(async () => {
      for (const app of apps.splice(0).reverse()) await app.stop();
    });

    async function start(options: TestAppOptions = {}): Promise<TestApp> {
      now = new Date('2026-01-05T09:00:00Z');
      const app = await startTestApp({ engine, clock, ...options });
      apps.push(app);
      if (!options.database) {
        // Everyone has the app and has written once, so the bot knows their chats.
        await app.introduce(...everyone);
      }
      return app;
    }

    async function runAt(app: TestApp, iso: string) {
      now = new Date(iso);
      const result = await app.running.runDueReminders();
      await app.running.sender.drain();
      return result;
    }

    const received = (app: TestApp, p: Sender): ConnectorCall[] =>
      app.connector.deliveredTo(personalConversationId(p));
    const cardsTo = (app: TestApp, p: Sender, text: string) =>
      received(app, p).filter((c) => textOf(c).includes(text));

    /** Hand-made click data: for forged requests only, which no Teams client sends. */
    const forge = (app: TestApp, p: Sender, verb: string, data: unknown) =>
      app.invoke(p, verb, data);

    async function say(app: TestApp, p: Sender, text: string, locale = 'sv-SE') {
      app.connector.reset();
      await app.post(message(p, text, { serviceUrl: app.connector.url, locale }));
      return received(app, p).map(textOf).join('\n');
    }

    async function occurrenceRows(app: TestApp, reminderId: string) {
      return app.running.db.kysely
        .selectFrom('reminder_occurrence')
        .selectAll()
        .where('reminder_id', '=', reminderId)
        .orderBy('recipient_key')
        .execute();
    }

    it('sends the planning reminder once to the kommunchef and the coordinators, also after a restart, with the approval button', async () => {
      const app = await start();
      await runAt(app, '2026-09-01T06:00:00Z'); // Tuesday 08:00 in Stockholm
      for (const p of [karin, lars, sara]) {
        const cards = cardsTo(app, p, 'Dags att förbereda årliga mål för 2027');
        expect(cards).toHaveLength(1);
        const card = cardOf(cards[0]!)!;
        expect(cardProblems(card)).toEqual([]);
        expect(JSON.stringify(card)).toContain(
          '"verb":"approval.start","data":{"type":"arliga-mal","subject":"year:2027"}',
        );
        expect(textOf(cards[0]!)).not.toContain('Försenad');
      }
      expect(cardsTo(app, anna, 'årliga mål')).toHaveLength(0);

      await app.stopBot();
      await app.restartBot();
      for (const minute of ['06:01', '06:30', '09:00'])
        await runAt(app, `2026-09-01T${minute}:00Z`);
      for (const p of [karin, lars, sara])
        expect(cardsTo(app, p, 'Dags att förbereda årliga mål')).toHaveLength(1);
      expect((await occurrenceRows(app, 'planning')).map((r) => r.recipient_key)).toEqual([
        'karin',
        'lars',
        'sara',
      ]);
    });

    it('sends a reminder missed during downtime once, marked late, not once per missed tick', async () => {
      const app = await start();
      await app.stopBot(); // down from before 1 September 08:00 until the 3rd
      now = new Date('2026-09-03T08:15:00Z');
      await app.restartBot();
      await runAt(app, '2026-09-03T08:15:00Z');
      await runAt(app, '2026-09-03T08:16:00Z');
      await runAt(app, '2026-09-04T08:00:00Z');
      const cards = cardsTo(app, karin, 'Dags att förbereda årliga mål för 2027');
      expect(cards).toHaveLength(1);
      expect(textOf(cards[0]!)).toContain(
        'Försenad påminnelse: den skulle ha kommit 2026-09-01 08:00',
      );
      const rows = await occurrenceRows(app, 'planning');
      expect(rows.map((r) => [r.recipient_key, r.local_date, Number(r.late)])).toEqual([
        ['karin', '2026-09-01', 1],
        ['lars', '2026-09-01', 1],
        ['sara', '2026-09-01', 1],
      ]);
    });

    it('repairs a crash between enqueueing and recording without sending twice', async () => {
      const app = await start();
      await runAt(app, '2026-09-01T06:00:00Z');
      // As if the process died after the outbox insert but before the occurrence was recorded.
      await app.running.db.kysely.deleteFrom('reminder_occurrence').execute();
      await runAt(app, '2026-09-01T06:05:00Z');
      expect(cardsTo(app, lars, 'Dags att förbereda årliga mål')).toHaveLength(1);
      expect(await occurrenceRows(app, 'planning')).toHaveLength(3);
    });

    it('waits for the send window: a reminder due on a Sunday goes out on Monday at 08:00', async () => {
      const app = await start();
      await runAt(app, '2026-03-01T07:00:00Z'); // Sunday 1 March 08:00: threat analysis due
      expect(cardsTo(app, maria, 'Dags att se över hotbilden')).toHaveLength(0);
      await runAt(app, '2026-03-02T06:59:00Z'); // Monday 07:59
      expect(cardsTo(app, maria, 'Dags att se över hotbilden')).toHaveLength(0);
      await runAt(app, '2026-03-02T07:00:00Z'); // Monday 08:00
      const cards = cardsTo(app, maria, 'Dags att se över hotbilden');
      expect(cards).toHaveLength(1);
      expect(textOf(cards[0]!)).not.toContain('Försenad');
      expect(cardsTo(app, per, 'Dags att se över hotbilden')).toHaveLength(1);
      expect(cardsTo(app, olof, 'hotbilden')).toHaveLength(0); // owns no samhällsviktigt system
    });

    it('delivers an 08:00 reminder once at 08:00 local time on the days the clocks change', async () => {
      const app = await start({
        env: { REMINDER_THREAT_ANALYSIS_CRON: '0 8 * * *', REMINDER_SEND_DAYS: '1-7' },
      });
      const ticksAround = async (localDate: string, from: string) => {
        // The day before was sent on time, then a tick every minute from ten before to ten after.
        const start = new Date(from).getTime();
        await runAt(app, new Date(start - 86_400_000 + 90 * 60_000).toISOString());
        app.connector.reset();
        for (let minute = 0; minute <= 20; minute++)
          await runAt(app, new Date(start + minute * 60_000).toISOString());
        return app.running.db.kysely
          .selectFrom('outbox')
          .select(['created_at', 'next_attempt_at'])
          .where('dedupe_key', '=', `reminder:threat-analysis:vard:maria:${localDate}`)
          .execute();
      };
      expect(await ticksAround('2026-03-29', '2026-03-29T05:50:00Z')).toEqual([
        { created_at: '2026-03-29T06:00:00.000Z', next_attempt_at: '2026-03-29T06:00:00.000Z' },
      ]);
      expect(cardsTo(app, maria, 'Dags att se över hotbilden')).toHaveLength(1);
      expect(await ticksAround('2026-10-25', '2026-10-25T06:50:00Z')).toEqual([
        { created_at: '2026-10-25T07:00:00.000Z', next_attempt_at: '2026-10-25T07:00:00.000Z' },
      ]);
      expect(cardsTo(app, maria, 'Dags att se över hotbilden')).toHaveLength(1);
    });

    it('reminds the owner 30 days before and on the revision date, and tells the kommunchef when it is overdue', async () => {
      const app = await start();
      const plan = 'Systemsäkerhetsplan – Verksamhetssystem för vård och omsorg';
      // Approved 2025-09-15, every 12 months: due 2026-09-15. 30 days before is Sunday 16 August.
      await runAt(app, '2026-08-17T06:00:00Z');
      expect(cardsTo(app, maria, 'Revidering om 30 dagar')).toHaveLength(1);
      await runAt(app, '2026-09-15T06:00:00Z');
      const due = cardsTo(app, maria, 'Dags att revidera');
      expect(due).toHaveLength(1);
      expect(textOf(due[0]!)).toContain(plan);
      expect(cardsTo(app, karin, plan)).toHaveLength(0);
      await runAt(app, '2026-09-16T06:00:00Z');
      const overdue = cardsTo(app, karin, plan);
      expect(overdue).toHaveLength(1);
      expect(textOf(overdue[0]!)).toContain('Revideringen är försenad');
      expect(textOf(overdue[0]!)).toContain(
        '"verb":"approval.start","data":{"type":"systemsakerhetsplan","subject":"system:vard"}',
      );
      // The policy itself has been overdue since 2014: told once, not every day.
      await runAt(app, '2026-09-17T06:00:00Z');
      expect(cardsTo(app, karin, 'IT-säkerhetspolicy ska').length).toBeLessThanOrEqual(1);
      expect(cardsTo(app, karin, plan)).toHaveLength(1);
    });

    it('holds a late reminder found during quiet hours until the window opens, then sends it once', async () => {
      const app = await start();
      // The IT-säkerhetspolicy has been overdue for years; the bot finds out on a Sunday night.
      const night = await runAt(app, '2026-01-11T02:00:00Z');
      expect(night.sent).toBe(0);
      expect(cardsTo(app, karin, 'IT-säkerhetspolicy')).toHaveLength(0);
      const morning = await runAt(app, '2026-01-12T07:00:00Z'); // Monday 08:00 in Stockholm
      expect(morning.late).toBeGreaterThan(0);
      const sent = cardsTo(app, karin, 'IT-säkerhetspolicy').length;
      expect(sent).toBeGreaterThan(0);
      await runAt(app, '2026-01-12T09:00:00Z');
      expect(cardsTo(app, karin, 'IT-säkerhetspolicy')).toHaveLength(sent);
    });

    it('stops the revision reminders of a plan once its revision is approved', async () => {
      const app = await start();
      const plan = 'Systemsäkerhetsplan – Verksamhetssystem för vård och omsorg';
      await runAt(app, '2026-08-17T06:00:00Z');
      expect(cardsTo(app, maria, 'Revidering om 30 dagar')).toHaveLength(1);
      now = new Date('2026-08-20T08:00:00Z');
      const [reminder] = cardsTo(app, maria, 'Revidering om 30 dagar');
      await app.as(maria).click(reminder!, 'Begär godkännande av reviderat dokument');
      const form = (await app.inboxOf(maria)).filter((c) => textOf(c).includes('approval.submit'));
      expect(JSON.stringify(cardOf(form.at(-1)!))).toContain('"value":"system:vard"');
      const requested = await app.as(maria).click(form.at(-1)!, 'Skicka begäran', {
        title: 'Reviderad plan 2026',
        justification: 'Hotbild och åtgärder uppdaterade.',
      });
      const approvalId = /"approvalId":"([0-9a-f-]{36})"/.exec(
        JSON.stringify(requested.value),
      )![1]!;
      // Maria owns the plan and the system: nobody decides their own request, so the kommunchef does.
      const toDecide = (await app.inboxOf(karin)).filter((c) => textOf(c).includes(approvalId));
      await app.as(karin).click(toDecide.at(-1)!, 'Godkänn');
      expect((await app.query.register()).documentById('ssp-vard')?.approvedAt).toBe('2026-08-20');
      app.connector.reset();
      await runAt(app, '2026-09-15T06:00:00Z');
      await runAt(app, '2026-09-16T06:00:00Z');
      expect(cardsTo(app, maria, plan)).toHaveLength(0);
      expect(cardsTo(app, karin, plan)).toHaveLength(0);
    });

    it('stores the answer to a goal follow-up card; only the responsible person may answer; a double click is harmless', async () => {
      const app = await start();
      await runAt(app, '2026-04-08T06:00:00Z'); // a week before the follow-up on 15 April
      const [call] = cardsTo(app, lars, 'Uppföljning av årligt mål');
      expect(call).toBeDefined();
      const card = cardOf(call!)!;
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card)).toContain('Alla medarbetare har gått grundutbildningen');
      const data = { goalId: 'mal-2026-utbildning', checkpoint: '2026-04-15' };

      // Anna got no such card: her click can only be forged.
      const refused = await forge(app, anna, 'goal.followUp', { ...data, status: 'genomford' });
      expect(refused.value).toContain('Du har inte behörighet');

      const answer = { status: 'pagar', comment: 'Hälften av förvaltningarna klara' };
      now = new Date('2026-04-09T10:00:00Z');
      const saved = await app.as(lars).click(call!, 'Skicka uppföljning', answer);
      expect(saved.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(saved.value)).toContain('Uppföljningen är sparad med status Pågår');
      expect(cardProblems(saved.value)).toEqual([]);
      await app.as(lars).click(call!, 'Skicka uppföljning', answer);
      const stored = await app.running.db.kysely.selectFrom('goal_follow_up').selectAll().execute();
      expect(stored.map((r) => [r.goal_id, r.checkpoint, r.status, r.comment])).toEqual([
        ['mal-2026-utbildning', '2026-04-15', 'pagar', 'Hälften av förvaltningarna klara'],
      ]);

      const forged = await forge(app, lars, 'goal.followUp', {
        ...data,
        ...answer,
        checkpoint: '2026-05-01',
      });
      expect(forged.value).toContain('hör inte till målet');

      const karinSees = await say(app, karin, 'mål');
      expect(karinSees).toContain('Årliga mål 2026');
      expect(karinSees).toContain('Pågår');
      expect(karinSees).toContain('Hälften av förvaltningarna klara');
      const annaSees = await say(app, anna, 'mål');
      expect(annaSees).toContain('Pågår');
      expect(annaSees).not.toContain('Hälften av förvaltningarna');
    });

    it('stores the acknowledgement of the yearly rules message and shows the share to the coordinators', async () => {
      const app = await start();
      await runAt(app, '2027-02-01T08:00:00Z'); // Monday 09:00
      for (const p of everyone)
        expect(cardsTo(app, p, 'Jag har läst och förstått')).toHaveLength(1);
      const [annasCard] = cardsTo(app, anna, 'Jag har läst och förstått');
      const card = cardOf(annasCard!)!;
      expect(cardProblems(card)).toEqual([]);
      for (const area of ['Informationsklassning', 'Distansarbete', 'Säkerhetskopiering'])
        expect(JSON.stringify(card)).toContain(area);

      const first = await app.as(anna).click(annasCard!, 'Jag har läst och förstått');
      expect(JSON.stringify(first.value)).toContain('Din bekräftelse är sparad');
      const again = await app.as(anna).click(annasCard!, 'Jag har läst och förstått');
      expect(JSON.stringify(again.value)).toContain('Du bekräftade redan');
      const [strangersCard] = cardsTo(app, stranger, 'Jag har läst och förstått');
      await app.as(stranger).click(strangersCard!, 'Jag har läst och förstått');
      const wrong = await forge(app, erik, 'awareness.acknowledge', { campaign: '2026-02-02' });
      expect(wrong.value).toContain('inte adresserat till dig');

      const acks = await app.running.db.kysely.selectFrom('awareness_ack').selectAll().execute();
      expect(acks.map((a) => a.recipient_key).sort()).toEqual([stranger.aadObjectId, 'anna']);

      const share = await say(app, lars, 'kvittenser');
      expect(share).toContain('Kvittenser');
      expect(share).toContain('"value":"10"');
      expect(share).toContain('"value":"2"');
      expect(share).toContain('20,0\u00a0%');
      expect(await say(app, anna, 'kvittenser')).toContain('Du har inte behörighet');
    });

    it('lets the owner of a samhällsviktigt system confirm the threat review once', async () => {
      const app = await start();
      await runAt(app, '2026-09-01T06:00:00Z');
      const [mariasCard] = cardsTo(app, maria, 'Hotbilden är genomgången');
      expect(mariasCard).toBeDefined();
      // Per owns another system: a click of his on the card of vård can only be forged.
      const data = { systemId: 'vard', checkpoint: '2026-09-01', comment: 'Ny leverantör' };
      expect((await forge(app, per, 'threat.confirm', data)).value).toContain('bara systemägaren');
      now = new Date('2026-09-02T07:30:00Z');
      const typed = { comment: 'Ny leverantör' };
      const confirmed = await app.as(maria).click(mariasCard!, 'Hotbilden är genomgången', typed);
      expect(JSON.stringify(confirmed.value)).toContain('Bekräftat 2026-09-02 09:30 av Maria Holm');
      const again = await app.as(maria).click(mariasCard!, 'Hotbilden är genomgången', typed);
      expect(JSON.stringify(again.value)).toContain('Redan bekräftat');
      const rows = await app.running.db.kysely.selectFrom('threat_review').selectAll().execute();
      expect(rows.map((r) => [r.system_id, r.checkpoint, r.comment])).toEqual([
        ['vard', '2026-09-01', 'Ny leverantör'],
      ]);
    });

    it('sends the kommunchef the annual follow-up report card', async () => {
      const app = await start();
      await runAt(app, '2026-12-01T07:00:00Z');
      const [report] = cardsTo(app, karin, 'Årlig uppföljning av IT-säkerhetsarbetet 2026');
      expect(report).toBeDefined();
      expect(cardProblems(cardOf(report!)!)).toEqual([]);
      const text = textOf(report!);
      for (const part of ['Årliga mål', 'Försenade revideringar', 'Incidenter per kategori'])
        expect(text).toContain(part);
      expect(cardsTo(app, lars, 'Årlig uppföljning')).toHaveLength(0);
    });

    it('lists a person’s upcoming reminders with `påminnelser`, in English too', async () => {
      const app = await start();
      now = new Date('2026-08-20T10:00:00Z');
      const karinSees = await say(app, karin, 'påminnelser');
      expect(karinSees).toContain('Dina kommande påminnelser');
      expect(karinSees).toContain('Förbered årliga mål för 2027');
      expect(karinSees).toContain('2026-09-01 08:00');
      const annaSees = await say(app, anna, 'reminders', 'en-US');
      expect(annaSees).toContain('Yearly review of the IT security rules');
      expect(annaSees).not.toContain('annual goals');
    });

    if (engine.name === 'postgres') {
      it('sends each occurrence once when two instances run the reminders at the same time', async () => {
        const first = await start();
        const second = await startTestApp({
          engine,
          clock,
          database: first.database,
          connector: first.connector,
        });
        apps.push(second);
        now = new Date('2027-02-01T08:00:00Z');
        for (let round = 0; round < 3; round++)
          await Promise.all([first.running.runDueReminders(), second.running.runDueReminders()]);
        await first.running.sender.drain();
        await second.running.sender.drain();
        for (const p of everyone)
          expect(cardsTo(first, p, 'Jag har läst och förstått')).toHaveLength(1);
        expect(await occurrenceRows(first, 'awareness')).toHaveLength(everyone.length);
      });
    }
  });
}
