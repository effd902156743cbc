import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardAction,
  message,
  people,
  personalConversationId,
  type Sender,
} from '../support/activities.js';
import { postgresEngine, postgresServerUrl, type TestDatabase } from '../support/engines.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { cardOf, FakeConnector, textOf } from '../support/fake-connector.js';
import { phishingForm } from '../support/incident-samples.js';
import { pressButton } from '../support/teams-client.js';

const { anna, erik, per, maria, lars, sara, olof } = people;

/** Two `npm start` processes on one PostgreSQL database, answering on one connector. */
describe.skipIf(!postgresServerUrl)(
  'two bot processes on one PostgreSQL database (skipped without TEST_DATABASE_URL: needs a PostgreSQL server)',
  () => {
    let database: TestDatabase;
    let connector: FakeConnector;
    const instances: BotProcess[] = [];

    const start = () => startBotProcess({ LOG_LEVEL: 'warn', DATABASE_URL: database.url });

    beforeAll(async () => {
      database = await postgresEngine.create();
      connector = await new FakeConnector().start();
      // Both migrate at once: one waits for the other's lock.
      instances.push(...(await Promise.all([start(), start()])));
    }, 120_000);
    afterAll(async () => {
      for (const { child } of instances) child.kill('SIGKILL');
      await connector?.stop();
      await database?.drop();
    });

    const post = async (instance: number, body: unknown) => {
      const response = await fetch(`${instances[instance]!.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.text() };
    };
    const opts = () => ({ serviceUrl: connector.url });
    /** Both senders have delivered everything: no outbox row waits or is being sent. */
    const idle = async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await expect
          .poll(
            async () =>
              (
                await client.query<{ n: string }>(
                  "select count(*) as n from outbox where status in ('pending', 'sending')",
                )
              ).rows[0]!.n,
            { timeout: 30_000 },
          )
          .toBe('0');
      } finally {
        await client.end();
      }
    };

    it('numbers incidents reported on both at once gap-free, and each coordinator gets each card once', async () => {
      const reporters: Sender[] = [anna, erik, per, maria];
      for (const [i, who] of [...reporters, lars, sara, olof].entries())
        expect((await post(i % 2, message(who, 'hjälp', opts()))).status).toBe(200);
      const reports = reporters.flatMap((who, i) =>
        [0, 1].map((n) =>
          post(
            (i + n) % 2,
            cardAction(
              who,
              'incident.submit',
              { ...phishingForm, submissionId: crypto.randomUUID() },
              opts(),
            ),
          ),
        ),
      );
      const answers = await Promise.all(reports);
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      const numbers = answers.map((a) => /INC-\d{4}-\d{4}/.exec(a.body)?.[0]).sort();
      expect(numbers).toEqual(
        Array.from({ length: 8 }, (_, i) => `INC-${numbers[0]!.slice(4, 8)}-000${i + 1}`),
      );
      await idle();
      for (const coordinator of [lars, sara]) {
        const cards = connector
          .deliveredTo(personalConversationId(coordinator))
          .map((c) => /INC-\d{4}-\d{4}/.exec(textOf(c))?.[0])
          .filter((n) => n !== undefined);
        expect(cards.sort(), coordinator.name).toEqual(numbers);
      }
    }, 120_000);

    it('decides an approval clicked on both at the same moment once', async () => {
      const requested = await post(0, message(lars, 'begär godkännande', opts()));
      expect(requested.status).toBe(200);
      const form = cardOf(connector.deliveredTo(personalConversationId(lars)).at(-1)!)!;
      const submit = pressButton(form, 'Skicka begäran', {
        type: 'driftgodkannande',
        subject: 'system:ekonomi',
        title: 'Ny integration',
        justification: 'Underlaget är granskat.',
      });
      const answer = await post(1, cardAction(lars, submit.verb!, submit.data, opts()));
      const approvalId = /"approvalId":"([0-9a-f-]{36})"/.exec(answer.body)![1]!;
      await idle();
      const card = connector
        .deliveredTo(personalConversationId(olof))
        .filter((c) => textOf(c).includes(approvalId))
        .at(-1)!;
      const approve = pressButton(cardOf(card)!, 'Godkänn');
      const clicks = await Promise.all(
        [0, 1].map((i) => post(i, cardAction(olof, approve.verb!, approve.data, opts()))),
      );
      expect(clicks.map((c) => c.status)).toEqual([200, 200]);
      await idle();
      // The requester hears of the decision once, whichever instance decided it.
      const told = connector
        .deliveredTo(personalConversationId(lars))
        .filter((c) => textOf(c).includes(approvalId) && textOf(c).includes('är godkänd'));
      expect(told).toHaveLength(1);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ action: string }>(
          "select action from audit_log where object_id = $1 and action <> 'action.refused' order by at",
          [approvalId],
        );
        expect(rows.map((r) => r.action)).toEqual([
          'approval.requested',
          'approval.approved-step',
          'register.changed',
        ]);
        const status = await client.query('select status from approval where id = $1', [
          approvalId,
        ]);
        expect(status.rows).toEqual([{ status: 'approved' }]);
      } finally {
        await client.end();
      }
      for (const { output } of instances) expect(output()).not.toMatch(/\bat .+:\d+:\d+/);
    }, 120_000);
  },
);
