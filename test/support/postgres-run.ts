import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * Vitest global setup: one PostgreSQL database per test run, made before the
 * workers start and dropped after they end. Tests make a schema each inside it
 * and never drop one while other tests run: Kysely's migrator reads the
 * catalogue of the whole database, and a schema dropped under it made another
 * test fail with `schema "t_…" does not exist`. Two copies of the suite on one
 * server each get their own database, so neither sees the other's drops.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return undefined;
  const name = `itsak_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.TEST_DATABASE_URL = url.toString();
  return async () => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
    process.env.TEST_DATABASE_URL = base;
  };
}
