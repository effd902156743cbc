import { Kysely, PostgresDialect, sql } from 'kysely';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { CONNECT_TIMEOUT_MS } from '../startup-errors.js';
import type { Database } from './database.js';
import { isBusy, openSqliteFile, PatientSqliteDialect, whileBusy } from './sqlite.js';

export type Engine = DatabaseConfig['kind'];

/** What the health check found: the database reads and writes, or another writer holds it. */
export type Health = 'ok' | 'busy';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly engine: Engine;
  /**
   * Reads a table and writes a row, within about a second; 'busy' when the write lock
   * stays taken that long. Rejects when the database cannot be read or written.
   */
  checkHealth(): Promise<Health>;
  close(): Promise<void>;
}

/** How long the health check waits for the write lock before it answers 'busy'. */
const HEALTH_WAIT_MS = 800;

/** Opens the configured engine: SQLite (WAL) by default, PostgreSQL for several instances. */
export function openDatabase(config: DatabaseConfig): Db {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = openSqliteFile(config.file);
    const kysely = new Kysely<Database>({ dialect: new PatientSqliteDialect(sqlite) });
    return {
      kysely,
      engine: 'sqlite',
      // A connection of its own, opened for each check: it is not queued behind the
      // bot's statements, and a damaged file fails when it is opened and read.
      checkHealth: async () => {
        if (config.file === ':memory:') return checkOn(kysely);
        const probe = openSqliteFile(config.file);
        try {
          probe.prepare('select count(*) as n from health_check').get();
          const write = probe.prepare(
            "insert into health_check (id, checked_at) values ('healthz', ?) " +
              'on conflict (id) do update set checked_at = excluded.checked_at',
          );
          await whileBusy(async () => write.run(new Date().toISOString()), {
            maxWaitMs: HEALTH_WAIT_MS,
          });
          return 'ok';
        } catch (error) {
          if (isBusy(error)) return 'busy';
          throw error;
        } finally {
          probe.close();
        }
      },
      close: () => kysely.destroy(),
    };
  }
  // A server that does not answer stops the start (or a query) after this long, not never.
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // A client that loses its connection emits 'error', and an 'error' nobody listens to
  // ends the process. The pool listens only while a client is idle; a client checked
  // out (inside a transaction, between two statements) is listened to here. The work
  // that used it fails on its own, and the outage is told by the database watch.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    engine: 'postgres',
    checkHealth: () => withinTime(checkOn(kysely), 2 * HEALTH_WAIT_MS),
    close: () => kysely.destroy(),
  };
}

async function checkOn(kysely: Kysely<Database>): Promise<Health> {
  await kysely
    .selectFrom('health_check')
    .select(sql<number>`count(*)`.as('n'))
    .execute();
  const checkedAt = new Date().toISOString();
  await kysely
    .insertInto('health_check')
    .values({ id: 'healthz', checked_at: checkedAt })
    .onConflict((oc) => oc.column('id').doUpdateSet({ checked_at: checkedAt }))
    .execute();
  return 'ok';
}

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
