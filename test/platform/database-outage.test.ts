import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { message, people, personalConversationId } from '../support/activities.js';
import { postgresEngine, postgresServerUrl } from '../support/engines.js';
import { textOf } from '../support/fake-connector.js';
import { sql } from 'kysely';
import { parseDatabaseUrl } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/dialect.js';
import { isDatabaseUnavailable } from '../../src/platform/db/outage.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A TCP proxy in front of PostgreSQL that the test can cut (every connection closed,
 * new ones closed at once, as when the server is stopped or the network fails) and
 * mend again.
 */
async function cuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let cut = false;
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(a);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        sockets.delete(a);
        b.destroy();
      });
      a.pipe(b);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    mend() {
      cut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const anna = people.anna;
const lines = (app: TestApp, pattern: RegExp) =>
  app.logLines.filter((line) => pattern.test(line)).length;

describe.skipIf(!postgresServerUrl)(
  'PostgreSQL out of reach and back (skipped without TEST_DATABASE_URL: needs a PostgreSQL server)',
  () => {
    let app: TestApp | undefined;
    let proxy: Awaited<ReturnType<typeof cuttableProxy>> | undefined;
    afterEach(async () => {
      proxy?.mend();
      await app?.stop();
      await proxy?.close();
      app = proxy = undefined;
    });

    it('When the connection drops while a transaction holds it between two statements, then that work fails and the process does not crash', async () => {
      const database = await postgresEngine.create();
      const url = new URL(database.url);
      proxy = await cuttableProxy(new URL(database.url));
      url.host = `127.0.0.1:${proxy.port}`;
      const db = openDatabase(parseDatabaseUrl(url.toString()));
      const crashes: unknown[] = [];
      const crash = (error: unknown) => crashes.push(error);
      // Vitest would report it too; counting it makes the failure say what it is.
      process.prependListener('uncaughtException', crash);
      try {
        const work = db.kysely.transaction().execute(async (trx) => {
          await sql`select 1`.execute(trx);
          // The client is checked out of the pool and no query runs when the line goes.
          // It hears of it on its own socket, which the test cannot watch: a short wait.
          proxy!.cut();
          await new Promise((resolve) => setTimeout(resolve, 200));
          await sql`select 2`.execute(trx);
        });
        await expect(work).rejects.toThrow();
        expect(crashes).toEqual([]);
      } finally {
        process.removeListener('uncaughtException', crash);
        await db.close().catch(() => undefined);
        await database.drop();
      }
    });

    it('When the database goes away, then /healthz and /api/messages answer 503, the person is told, one line is logged, and the bot recovers by itself', async () => {
      const database = await postgresEngine.create();
      const url = new URL(database.url);
      proxy = await cuttableProxy(new URL(database.url));
      url.host = `127.0.0.1:${proxy.port}`;
      app = await startTestApp({
        database: { url: url.toString(), drop: database.drop },
        env: { DATABASE_POOL_SIZE: '3' },
      });
      await app.introduce(anna);
      const health = async () => (await fetch(`${app!.running.url}/healthz`)).status;
      expect(await health()).toBe(200);

      proxy.cut();
      const send = (text: string) =>
        fetch(`${app!.running.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message(anna, text, { serviceUrl: app!.connector.url })),
        });
      // The first to meet the outage is a turn; the next is answered without trying.
      for (const text of ['mina incidenter', 'incident']) {
        const during = await send(text);
        expect(during.status).toBe(503);
        expect(during.headers.get('retry-after')).not.toBeNull();
        const told = app.connector.deliveredTo(personalConversationId(anna)).map(textOf);
        expect(told.at(-1)).toMatch(/når inte min databas.*ingenting har sparats/);
      }
      expect(await health()).toBe(503);
      // The outbox and the periodic tasks keep trying in the meantime, quietly.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(lines(app, /the database cannot be reached/)).toBe(1);
      expect(lines(app, /"level":50/)).toBe(1);
      expect(app.logLines.join('')).not.toContain('hemligt');

      proxy.mend();
      await expect.poll(health, { timeout: 10_000 }).toBe(200);
      const after = await app.as(anna).say('hjälp');
      expect(after.map(textOf).join(' ')).not.toMatch(/databas/);
      expect(after.length).toBeGreaterThan(0);
      expect(lines(app, /the database answers again/)).toBe(1);
    });
  },
);

describe('what counts as the database being out of reach', () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['no connection from the pool in time', new Error('timeout exceeded when trying to connect')],
    [
      'the server shutting down',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
    ],
    ['too many connections', Object.assign(new Error('too many clients'), { code: '53300' })],
    [
      'a full disk under SQLite',
      Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
    ],
  ])('%s is an outage', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['SQLite busy (handled by waiting)', Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('%s is not', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
