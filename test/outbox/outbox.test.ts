import { afterEach, describe, expect, it } from 'vitest';
import { people, personalConversationId, TENANT, type Sender } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { textOf, type ConnectorCall } from '../support/fake-connector.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app.js';

const staff = (n: number): Sender[] =>
  Array.from({ length: n }, (_, i) => ({
    aadObjectId: `10000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    name: `Medarbetare ${i}`,
  }));

function reminder(recipient: Sender, key: string, text = 'Påminnelse: läs reglerna') {
  return {
    dedupeKey: key,
    recipientAadObjectId: recipient.aadObjectId,
    tenantId: TENANT,
    activity: { type: 'message', text },
  };
}

for (const engine of engines) {
  describe(`the outbox (${engine.name})`, () => {
    const apps: TestApp[] = [];
    afterEach(async () => {
      for (const app of apps.splice(0).reverse()) await app.stop();
    });

    async function start(options: TestAppOptions = {}): Promise<TestApp> {
      const app = await startTestApp({ engine, ...options });
      apps.push(app);
      return app;
    }

    const proactive = (app: TestApp): ConnectorCall[] => app.connector.delivered;

    it('delivers a queued message into the person’s stored chat', async () => {
      const app = await start();
      await app.introduce(people.anna);
      expect(await app.notify(reminder(people.anna, 'r1'))).toBe(true);
      const [call] = await app.connector.waitFor(
        () => proactive(app).length === 1 && proactive(app),
      );
      expect(call!.conversationId).toBe(personalConversationId(people.anna));
      expect(textOf(call!)).toBe('Påminnelse: läs reglerna');
      await app.running.sender.drain();
      expect((await app.query.outboxRow('r1'))?.status).toBe('sent');
    });

    it('opens a personal chat with someone who never wrote to the bot, and remembers it', async () => {
      const app = await start();
      await app.introduce(people.anna); // tells the bot which service URL the tenant uses
      await app.notify(reminder(people.lars, 'to-lars'));
      const delivered = await app.connector.waitFor(
        () => proactive(app).length === 1 && proactive(app),
      );
      const create = app.connector.calls.find((c) => c.path === '/v3/conversations')!;
      expect(create.body).toMatchObject({
        isGroup: false,
        tenantId: TENANT,
        members: [{ id: people.lars.aadObjectId }],
      });
      expect(delivered[0]!.conversationId).toMatch(/^a:created-/);
      await app.running.sender.drain();
      const lars = await app.query.person(people.lars);
      expect(lars?.conversationId).toBe(delivered[0]!.conversationId);

      // The next message goes straight into the chat, without creating another.
      await app.notify(reminder(people.lars, 'to-lars-2'));
      await app.connector.waitFor(() => proactive(app).length === 2);
      expect(app.connector.calls.filter((c) => c.path === '/v3/conversations')).toHaveLength(1);
    });

    it('sends a message once even when it is queued twice with the same dedupe key', async () => {
      const app = await start();
      await app.introduce(people.anna);
      expect(await app.notify(reminder(people.anna, 'same'))).toBe(true);
      expect(await app.notify(reminder(people.anna, 'same'))).toBe(false);
      await app.running.sender.whenIdle();
      expect(proactive(app)).toHaveLength(1);
    });

    it('waits out a 429 for as long as Retry-After says, then delivers', async () => {
      const app = await start();
      await app.introduce(people.anna);
      app.connector.fail(429, { headers: { 'Retry-After': '1' } });
      await app.notify(reminder(people.anna, 'throttled'));
      await app.connector.waitFor(() => proactive(app).length === 1, 5000);
      const [throttled, delivered] = app.connector.calls;
      expect(throttled!.status).toBe(429);
      expect(delivered!.at - throttled!.at).toBeGreaterThanOrEqual(950);
      await app.running.sender.drain();
      expect(await app.query.outboxRow('throttled')).toMatchObject({
        status: 'sent',
        attempts: 2,
      });
    });

    it('marks a person who removed the app as unreachable on 403, and stops trying', async () => {
      const app = await start();
      await app.introduce(people.anna);
      app.connector.fail(403);
      await app.notify(reminder(people.anna, 'gone-1'));
      await app.running.sender.drain();
      expect(await app.query.outboxRow('gone-1')).toMatchObject({
        status: 'unreachable',
        last_error: 'HTTP 403',
      });
      expect((await app.query.person(people.anna))?.unreachableAt).not.toBeNull();

      await app.notify(reminder(people.anna, 'gone-2'));
      await app.running.sender.drain();
      expect(app.connector.calls).toHaveLength(1);
      expect((await app.query.outboxRow('gone-2'))?.status).toBe('unreachable');

      // Writing to the bot again makes the person reachable.
      await app.introduce(people.anna);
      await app.notify(reminder(people.anna, 'back'));
      await app.connector.waitFor(() => proactive(app).length === 1);
    });

    it('retries 5xx with backoff and gives up after the configured attempts, saying why', async () => {
      const app = await start({
        env: { OUTBOX_MAX_ATTEMPTS: '3' },
        outbox: { baseRetryDelayMs: 20 },
      });
      await app.introduce(people.anna);
      app.connector.fail(503, { times: 10 });
      await app.notify(reminder(people.anna, 'flaky'));
      await app.running.sender.drain();
      expect(app.connector.calls.map((c) => c.status)).toEqual([503, 503, 503]);
      expect(await app.query.outboxRow('flaky')).toMatchObject({
        status: 'failed',
        attempts: 3,
        last_error: 'HTTP 503 after 3 attempts',
      });
    });

    it('recovers from a 502 on the next attempt', async () => {
      const app = await start({ outbox: { baseRetryDelayMs: 20 } });
      await app.introduce(people.anna);
      app.connector.fail(502);
      await app.notify(reminder(people.anna, 'once-502'));
      await app.running.sender.drain();
      expect(app.connector.calls.map((c) => c.status)).toEqual([502, 200]);
    });

    it('keeps to the per-conversation limit', async () => {
      const app = await start({
        env: { OUTBOX_RATE_PER_SECOND: '100', OUTBOX_PER_CONVERSATION_PER_SECOND: '7' },
      });
      await app.introduce(people.anna);
      for (let i = 0; i < 15; i++) await app.notify(reminder(people.anna, `burst-${i}`));
      await app.running.sender.drain();
      const times = proactive(app).map((c) => c.at);
      expect(times).toHaveLength(15);
      expect(maxInOneSecond(times)).toBeLessThanOrEqual(7 + 1);
    });

    it('keeps to the global rate across conversations', async () => {
      const app = await start({ env: { OUTBOX_RATE_PER_SECOND: '20' } });
      const crowd = staff(30);
      await app.introduce(...crowd);
      for (const [i, person] of crowd.entries()) await app.notify(reminder(person, `all-${i}`));
      await app.running.sender.drain();
      const times = proactive(app).map((c) => c.at);
      expect(times).toHaveLength(30);
      expect(maxInOneSecond(times)).toBeLessThanOrEqual(20 + 1);
    });

    it('loses nothing and sends nothing twice when the bot restarts in the middle', async () => {
      const app = await start({ env: { OUTBOX_RATE_PER_SECOND: '20' } });
      const crowd = staff(30);
      await app.introduce(...crowd);
      for (const [i, person] of crowd.entries()) await app.notify(reminder(person, `restart-${i}`));
      await app.connector.waitFor(() => proactive(app).length >= 8);
      await app.stopBot();
      const beforeRestart = proactive(app).length;
      expect(beforeRestart).toBeLessThan(30);

      await app.restartBot();
      await app.running.sender.drain(10_000);
      const perConversation = new Map<string, number>();
      for (const call of proactive(app))
        perConversation.set(
          call.conversationId!,
          (perConversation.get(call.conversationId!) ?? 0) + 1,
        );
      expect(perConversation.size).toBe(30);
      expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
    });

    it('says it is idle only once what was due has been delivered', async () => {
      const app = await start({ env: { OUTBOX_PER_CONVERSATION_PER_SECOND: '4' } });
      await app.introduce(people.anna);
      for (let i = 0; i < 6; i++) await app.notify(reminder(people.anna, `idle-${i}`));
      await app.running.sender.whenIdle();
      expect(proactive(app)).toHaveLength(6);
    });

    it('is idle while a failed message waits for its retry, and says so when stopped', async () => {
      const app = await start({ outbox: { baseRetryDelayMs: 60_000 } });
      await app.introduce(people.anna);
      app.connector.fail(503);
      await app.notify(reminder(people.anna, 'later'));
      await app.running.sender.whenIdle();
      expect(app.connector.calls.map((c) => c.status)).toEqual([503]);
      expect(await app.query.outboxRow('later')).toMatchObject({ status: 'pending', attempts: 1 });
      await app.stopBot();
      await expect(app.running.sender.whenIdle()).rejects.toThrow('not running');
      await app.restartBot();
    });

    it('delivers each message once when two instances share the database', async () => {
      const first = await start({ env: { OUTBOX_RATE_PER_SECOND: '50' } });
      const second = await start({
        env: { OUTBOX_RATE_PER_SECOND: '50' },
        database: first.database,
        connector: first.connector,
      });
      const crowd = staff(40);
      await first.introduce(...crowd);
      for (const [i, person] of crowd.entries())
        await first.notify(reminder(person, `shared-${i}`));
      second.running.sender.wake();
      await first.running.sender.drain(10_000);
      await Promise.all([first.running.sender.whenIdle(), second.running.sender.whenIdle()]);
      const conversations = proactive(first).map((c) => c.conversationId);
      expect(conversations).toHaveLength(40);
      expect(new Set(conversations).size).toBe(40);
    });
  });
}

/** The largest number of events inside any window of one second. */
function maxInOneSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
