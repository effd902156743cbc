import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { message, people, personalConversationId, TENANT } from '../support/activities.js';
import { startBotProcess } from '../support/bot-process.js';
import { FakeConnector, textOf } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const anna = people.anna;

async function get(
  url: string,
): Promise<{ status: number; body: string; retryAfter: string | null }> {
  const response = await fetch(url);
  return {
    status: response.status,
    body: await response.text(),
    retryAfter: response.headers.get('retry-after'),
  };
}

describe('a graceful stop (SIGTERM, SIGINT, app.stop)', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('When the bot is asked to stop during a turn, then new activities get 503, the turn finishes and its reply is sent, and the stop waits for it', async () => {
    app = await startTestApp();
    await app.introduce(anna);
    const url = app.running.url;
    // Teams is slow to take the reply: the turn is under way when the stop begins.
    const slow = app.connector.hold({ conversationId: personalConversationId(anna) });
    const underWay = app.post(message(anna, 'hjälp', { serviceUrl: app.connector.url }));
    await slow.arrived;

    let stopped = false;
    const stopping = app.stopBot().then(() => (stopped = true));
    // The stop has begun: the load balancer is told, and a new activity is turned away.
    await expect.poll(async () => (await get(`${url}/healthz`)).status).toBe(503);
    const refused = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(people.erik, 'hjälp', { serviceUrl: app.connector.url })),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(stopped).toBe(false);

    slow.release();
    expect((await underWay).status).toBe(200);
    await stopping;
    expect(app.connector.deliveredTo(personalConversationId(anna)).map(textOf).join(' ')).toMatch(
      /Hjälp|hjälp/,
    );
    // Nothing of the turned-away activity was handled (read after a restart on the same database).
    await app.restartBot();
    expect(await app.query.person(people.erik)).toBeUndefined();
    expect(app.logLines.join('')).toContain('stopping');
  });

  it('When a turn does not finish in time, then the stop still ends, and says so in the log', async () => {
    app = await startTestApp({ shutdown: { turnGraceMs: 300 } });
    await app.introduce(anna);
    const stuck = app.connector.hold({ conversationId: personalConversationId(anna) });
    const underWay = app.post(message(anna, 'hjälp', { serviceUrl: app.connector.url }));
    await stuck.arrived;
    await app.stopBot();
    expect(app.logLines.join('')).toMatch(/stopped with 1 activit/);
    stuck.release();
    await underWay.catch(() => undefined);
  });

  it('When messages wait their turn in the outbox at the stop, then each is handed back unclaimed, and none is lost', async () => {
    // One message per second to a chat: the sender claims several and waits to send them.
    app = await startTestApp({ env: { OUTBOX_PER_CONVERSATION_PER_SECOND: '1' } });
    await app.introduce(anna);
    for (let i = 0; i < 5; i++) {
      await app.notify({
        dedupeKey: `stop-${i}`,
        recipientAadObjectId: anna.aadObjectId,
        tenantId: TENANT,
        activity: { type: 'message', text: `Meddelande ${i}` },
      });
    }
    await app.connector.waitFor(() => app!.connector.delivered.length >= 1);
    await app.stopBot();

    const file = new BetterSqlite3(app.database.url.replace(/^sqlite:/, ''), { readonly: true });
    const rows = file
      .prepare("select status, lease_until from outbox where dedupe_key like 'stop-%'")
      .all() as { status: string; lease_until: string | null }[];
    file.close();
    expect(rows.filter((r) => r.status === 'sending')).toEqual([]);
    const sent = rows.filter((r) => r.status === 'sent').length;
    expect(sent).toBe(app.connector.delivered.length);
    expect(rows.filter((r) => r.status === 'pending' && r.lease_until === null)).toHaveLength(
      5 - sent,
    );
    expect(5 - sent).toBeGreaterThan(0);
  });
});

/** Starting Node and compiling TypeScript takes seconds of CPU, more on a busy machine. */
const SPAWN_TIMEOUT = 90_000;

describe('the process on SIGTERM', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'itsak-stop-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'When npm start gets SIGTERM during a turn, then it answers the turn, turns new activities away and exits 0 within 10 s',
    async () => {
      const connector = await new FakeConnector().start();
      const { child, url, output, exited } = await startBotProcess({
        LOG_LEVEL: 'info',
        DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`,
      });
      try {
        const post = (body: unknown) =>
          fetch(`${url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        const slow = connector.hold({ conversationId: personalConversationId(anna) });
        const underWay = post(message(anna, 'hjälp', { serviceUrl: connector.url }));
        await slow.arrived;

        const signalled = Date.now();
        child.kill('SIGTERM');
        await expect.poll(async () => (await get(`${url}/healthz`)).status).toBe(503);
        expect((await post(message(anna, 'hjälp', { serviceUrl: connector.url }))).status).toBe(
          503,
        );
        slow.release();
        expect((await underWay).status).toBe(200);
        const { code, at } = await exited;
        expect(code, output()).toBe(0);
        expect(at - signalled).toBeLessThan(10_000);
        expect(output()).not.toMatch(/\bat .+:\d+:\d+/);
      } finally {
        child.kill('SIGKILL');
        await connector.stop();
      }
    },
    SPAWN_TIMEOUT,
  );
});
