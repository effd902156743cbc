import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';

/** Where a repository runs its queries: the database, or a transaction the caller opened. */
export type Executor = Kysely<Database> | Transaction<Database>;

let savepoints = 0;

/**
 * Runs `work` atomically on `db`: in a transaction of its own, or, when `db` is already
 * the caller's transaction, in a savepoint, so a failed step (a lost race on a unique
 * key, say) is undone alone and the caller's transaction stays usable.
 */
export async function atomically<T>(db: Executor, work: (trx: Executor) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(work);
  const name = sql.raw(`step_${++savepoints}`);
  await sql`savepoint ${name}`.execute(db);
  try {
    const result = await work(db);
    await sql`release savepoint ${name}`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(db);
    throw error;
  }
}
