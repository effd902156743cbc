import BetterSqlite3 from 'better-sqlite3';
import { openSync, writeSync, closeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { message, people } from '../support/activities.js';
import { cardOf } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const fileOf = (app: TestApp) => app.database.url.replace(/^sqlite:/, '');

async function healthz(app: TestApp): Promise<{ status: number; body: unknown; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${app.running.url}/healthz`);
  return { status: response.status, body: await response.json(), ms: Date.now() - started };
}

describe('SQLite while another process holds the write lock', () => {
  let app: TestApp | undefined;
  let other: BetterSqlite3.Database | undefined;
  afterEach(async () => {
    if (other?.inTransaction) other.exec('rollback');
    other?.close();
    other = undefined;
    await app?.stop();
    app = undefined;
  });

  it('keeps /healthz answering at once, says busy, and answers the waiting message once the lock is free', async () => {
    app = await startTestApp();
    expect((await healthz(app)).status).toBe(200);

    // Another process (here: another connection) takes the write lock and keeps it.
    other = new BetterSqlite3(fileOf(app));
    other.exec('begin immediate');

    // A message whose turn writes (the person is new) now waits for the lock.
    const pending = app.post(message(people.anna, 'hjälp', { serviceUrl: app.connector.url }));
    await new Promise((resolve) => setTimeout(resolve, 200));

    // Before: every write blocked the event loop for 5 s (busy_timeout on a synchronous
    // driver), and /healthz went silent behind it. The bound here is generous for a busy
    // machine and still far below one blocked statement.
    const during = await healthz(app);
    expect(during.ms).toBeLessThan(2500);
    expect(during).toMatchObject({ status: 503, body: { status: 'busy' } });

    other.exec('commit');
    expect((await pending).status).toBe(200);
    expect(await app.query.person(people.anna)).toBeDefined();
    expect((await healthz(app)).status).toBe(200);
  });

  it('answers someone it already knows while the lock is held: a turn writes only what changed', async () => {
    app = await startTestApp();
    await app.introduce(people.anna);
    other = new BetterSqlite3(fileOf(app));
    other.exec('begin immediate');
    // Before, every turn rewrote the person row and waited here for the lock.
    const replies = await app.as(people.anna).say('hjälp');
    // The help card, not the apology a failed write would give.
    expect(replies.map((reply) => cardOf(reply)?.type)).toContain('AdaptiveCard');
  });

  it('answers 503 on /healthz when the database file is damaged', async () => {
    app = await startTestApp();
    expect((await healthz(app)).status).toBe(200);
    // Everything written so far into the file itself, then its header overwritten:
    // SQLite no longer recognises it as a database.
    const checkpoint = new BetterSqlite3(fileOf(app));
    checkpoint.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint.close();
    const fd = openSync(fileOf(app), 'r+');
    writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
    closeSync(fd);
    expect(await healthz(app)).toMatchObject({ status: 503, body: { status: 'unavailable' } });
  });
});
