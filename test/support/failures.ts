import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/dialect.js';

/**
 * Makes every insert into `table` fail inside the database, as a crash at that
 * point of the work would. Returns the undo.
 */
export async function failInsertsInto(db: Db, table: string): Promise<() => Promise<void>> {
  const trigger = sql.raw(`injected_failure_${table}`);
  const target = sql.raw(table);
  if (db.engine === 'sqlite') {
    await sql`create trigger ${trigger} before insert on ${target}
      begin select raise(abort, 'injected failure'); end`.execute(db.kysely);
    return async () => {
      await sql`drop trigger ${trigger}`.execute(db.kysely);
    };
  }
  await sql`create or replace function injected_failure() returns trigger language plpgsql
    as $$ begin raise exception 'injected failure'; end $$`.execute(db.kysely);
  await sql`create trigger ${trigger} before insert on ${target}
    for each row execute function injected_failure()`.execute(db.kysely);
  return async () => {
    await sql`drop trigger ${trigger} on ${target}`.execute(db.kysely);
  };
}
