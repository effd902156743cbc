import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * SQLite that never freezes the process while another one holds the write lock.
 *
 * better-sqlite3 is synchronous: with a long `busy_timeout`, every write that meets
 * another process's lock blocks the event loop until the lock is free (five seconds
 * per statement before, and `/healthz` went silent meanwhile). Here SQLite waits only
 * a few milliseconds itself; after that the statement is tried again on a timer, so
 * the event loop keeps serving while it waits. Transactions begin IMMEDIATE: they take
 * the write lock at their start, where waiting and trying again is safe, instead of
 * meeting a lock half-way through (which waiting cannot resolve in WAL mode).
 */

/** What SQLite itself may block the event loop for, per attempt. */
const BUSY_TIMEOUT_MS = 20;

export interface SqliteLockWait {
  /** How long a statement keeps trying for the write lock before it fails. */
  maxWaitMs: number;
}

export const defaultLockWait: SqliteLockWait = { maxWaitMs: 30_000 };

export function openSqliteFile(file: string, options: { readonly?: boolean } = {}) {
  const sqlite = new BetterSqlite3(file, { readonly: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

/** Runs `attempt` until it does not meet a busy database, waiting on timers in between. */
export async function whileBusy<T>(attempt: () => Promise<T>, wait: SqliteLockWait): Promise<T> {
  const started = Date.now();
  for (let round = 0; ; round++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() - started >= wait.maxWaitMs) throw error;
      // 5, 10, 20, 40, then every 50 ms: short waits while a lock is usually brief.
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 2 ** round, 50)));
    }
  }
}

/** A connection whose statements wait for the lock without blocking the event loop. */
class PatientConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly wait: SqliteLockWait,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return whileBusy(() => this.inner.executeQuery<R>(query), this.wait);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class PatientDriver implements Driver {
  private readonly connections = new WeakMap<DatabaseConnection, PatientConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly wait: SqliteLockWait,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let patient = this.connections.get(connection);
    if (!patient) {
      patient = new PatientConnection(connection, this.wait);
      this.connections.set(connection, patient);
    }
    return patient;
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings) {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const inner = connection instanceof PatientConnection ? connection.inner : connection;
    return this.inner.releaseConnection(inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** How many prepared statements a connection keeps (kysely's queries are a few dozen shapes). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as kysely's SQLite driver sees it, preparing each distinct SQL text once:
 * the driver prepares every statement anew, and under load that was a tenth of a turn's
 * time. A statement still iterating a result (busy) is not handed out twice; the cache
 * forgets the longest unused text beyond its size (an `in (?, ?, …)` list makes many).
 */
export function withStatementCache(
  database: BetterSqlite3.Database,
  size = STATEMENT_CACHE_SIZE,
): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string): BetterSqlite3.Statement => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) {
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const statement = database.prepare(sql);
    if (!cached) {
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return statement;
  };
  return new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Kysely's SQLite dialect with the patient driver around its own. */
export class PatientSqliteDialect extends SqliteDialect {
  constructor(
    database: BetterSqlite3.Database,
    private readonly wait: SqliteLockWait = defaultLockWait,
  ) {
    super({ database: withStatementCache(database) });
  }

  override createDriver(): Driver {
    return new PatientDriver(super.createDriver(), this.wait);
  }
}
