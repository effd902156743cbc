import { afterEach, describe, expect, it } from 'vitest';
import { people, personalConversationId, TENANT, type Sender } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app.js';

const { anna } = people;
const crowd: Sender[] = Array.from({ length: 5 }, (_, i) => ({
  aadObjectId: `20000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
  name: `Kollega ${i}`,
}));

function reminder(recipient: Sender, key: string) {
  return {
    dedupeKey: key,
    recipientAadObjectId: recipient.aadObjectId,
    tenantId: TENANT,
    activity: { type: 'message', text: 'Påminnelse: läs reglerna' },
  };
}

/** Rejects when `promise` has not settled within `ms`: a bound on something that must happen. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

for (const engine of engines) {
  describe(`the outbox when the connector stalls (${engine.name})`, () => {
    let app: TestApp | undefined;
    afterEach(async () => {
      await app?.stop();
      app = undefined;
    });

    async function start(options: TestAppOptions = {}): Promise<TestApp> {
      app = await startTestApp({ engine, ...options });
      return app;
    }

    const everyoneInTheCrowdGotOne = (app: TestApp) =>
      crowd.every((p) => app.connector.deliveredTo(personalConversationId(p)).length === 1);

    it('When the connector never answers for one chat, then everyone else gets their cards within seconds', async () => {
      // The call timeout is far longer than the test: the others must not wait for it.
      const app = await start({ outbox: { callTimeoutMs: 120_000, stopTimeoutMs: 500 } });
      await app.introduce(anna, ...crowd);
      app.connector.hang({ conversationId: personalConversationId(anna) });
      await app.notify(reminder(anna, 'hangs'));
      await app.connector.waitFor(() => app.connector.hung.length === 1);

      for (const [i, person] of crowd.entries()) await app.notify(reminder(person, `others-${i}`));
      await app.connector.waitFor(() => everyoneInTheCrowdGotOne(app), 3000);
      expect(app.connector.deliveredTo(personalConversationId(anna))).toHaveLength(0);
    });

    it('When a call gets no answer within the call timeout, then it counts as a failed attempt and is tried again', async () => {
      const app = await start({ outbox: { callTimeoutMs: 300, baseRetryDelayMs: 20 } });
      await app.introduce(anna);
      app.connector.hang({ conversationId: personalConversationId(anna) });
      await app.notify(reminder(anna, 'slow-once'));
      await app.running.sender.drain(5000);
      expect(app.connector.calls.map((c) => c.status)).toEqual([0, 200]);
      expect(await app.inboxOf(anna)).toHaveLength(1);
      expect(await app.query.outboxRow('slow-once')).toMatchObject({
        status: 'sent',
        attempts: 2,
      });
    });

    it('When Teams throttles one chat for an hour, then the others are still served at once', async () => {
      const app = await start();
      await app.introduce(anna, ...crowd);
      app.connector.fail(429, {
        conversationId: personalConversationId(anna),
        headers: { 'Retry-After': '3600' },
      });
      await app.notify(reminder(anna, 'throttled-1'));
      await app.connector.waitFor(() => app.connector.calls.some((c) => c.status === 429));

      await app.notify(reminder(anna, 'throttled-2'));
      for (const [i, person] of crowd.entries()) await app.notify(reminder(person, `served-${i}`));
      await app.connector.waitFor(() => everyoneInTheCrowdGotOne(app), 3000);

      await app.running.sender.whenIdle();
      expect(app.connector.deliveredTo(personalConversationId(anna))).toHaveLength(0);
      // Anna's second message waits in the database for her chat's pause, untried.
      const waiting = await app.query.outboxRow('throttled-2');
      expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
      expect(new Date(waiting!.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 60_000);
    });

    it('When a message waits its turn in a chat that Teams then throttles for an hour, then it goes back to the database and holds no place', async () => {
      // One send per chat every 2 s: the second message is waiting its turn when the
      // first one's 429 arrives (before, it then slept in memory for the hour).
      const app = await start({ outbox: { perConversationPerSecond: 0.5 } });
      await app.introduce(anna);
      app.connector.fail(429, {
        conversationId: personalConversationId(anna),
        headers: { 'Retry-After': '3600' },
      });
      await app.notify(reminder(anna, 'first'));
      await app.notify(reminder(anna, 'second'));
      await app.connector.waitFor(() => app.connector.calls.some((c) => c.status === 429));

      await within(8000, app.running.sender.whenIdle(8000));
      const second = await app.query.outboxRow('second');
      expect(second).toMatchObject({ status: 'pending', attempts: 0 });
      expect(new Date(second!.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 60_000);
      expect(app.connector.deliveredTo(personalConversationId(anna))).toHaveLength(0);
    });

    it('When a call hangs, then stop() returns within its bound, and the message is taken over after a restart', async () => {
      const app = await start({
        outbox: { callTimeoutMs: 120_000, stopTimeoutMs: 500, leaseMs: 1000 },
      });
      await app.introduce(anna);
      app.connector.hang({ conversationId: personalConversationId(anna) });
      await app.notify(reminder(anna, 'left-hanging'));
      await app.connector.waitFor(() => app.connector.hung.length === 1);

      const stopping = Date.now();
      await within(5000, app.stopBot());
      expect(Date.now() - stopping).toBeLessThan(2000);

      await app.restartBot();
      await app.running.sender.drain(10_000);
      expect(await app.inboxOf(anna)).toHaveLength(1);
      expect(await app.query.outboxRow('left-hanging')).toMatchObject({
        status: 'sent',
        attempts: 2,
      });
    });
  });
}
