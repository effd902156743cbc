import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseDatabaseUrl } from '../../src/platform/config.js';
import { openDatabase, type Db } from '../../src/platform/db/dialect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

/**
 * The database engines a test runs on: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set (.ci/run sets it when a server answers on 5432).
 */
export interface TestDatabase {
  /** Value for DATABASE_URL. */
  url: string;
  drop(): Promise<void>;
}

export interface TestEngine {
  name: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

// Tests are the one place besides src/config.ts that read the environment: to find the test database.
const pgBase = process.env.TEST_DATABASE_URL;

export const sqliteEngine: TestEngine = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(path.join(tmpdir(), 'itsak-'));
    return {
      url: `sqlite:${path.join(dir, 'bot.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

/** Each test database is a fresh schema of the run's database, selected through the search_path. */
export const postgresEngine: TestEngine = {
  name: 'postgres',
  async create() {
    if (!pgBase) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: pgBase });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(pgBase);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      url: url.toString(),
      // Dropped with the run's database (test/support/postgres-run.ts), not while
      // other tests may be reading the catalogue.
      drop: async () => undefined,
    };
  },
};

/** The PostgreSQL server of the run (TEST_DATABASE_URL), when there is one. */
export const postgresServerUrl: string | undefined = pgBase;

export const engines: TestEngine[] = pgBase ? [sqliteEngine, postgresEngine] : [sqliteEngine];

/**
 * Connections to one fresh database per test, closed and dropped by `cleanup`
 * (call it in afterEach). Each `connect` is another instance on the same database.
 */
export function sharedDatabase(engine: TestEngine) {
  const open: Db[] = [];
  let database: TestDatabase | undefined;
  return {
    async connect(options: { migrate?: boolean } = {}): Promise<Db> {
      database ??= await engine.create();
      const db = openDatabase(parseDatabaseUrl(database.url));
      open.push(db);
      if (options.migrate !== false) await migrateToLatest(db);
      return db;
    },
    async cleanup(): Promise<void> {
      for (const db of open.splice(0)) await db.close();
      await database?.drop();
      database = undefined;
    },
  };
}
