import {
  Migrator,
  sql,
  type DatabaseIntrospector,
  type Kysely,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import type { Database } from './database.js';
import type { Db } from './dialect.js';
import * as foundation from './migrations/20261129T0100-foundation.js';
import * as incidents from './migrations/20261129T0200-incidents.js';
import * as rulesQa from './migrations/20261129T0300-rules-qa.js';
import * as approvals from './migrations/20261129T0400-approvals.js';
import * as reminders from './migrations/20261129T0500-reminders.js';
import * as outboxDeadlines from './migrations/20261201T0100-outbox-deadlines.js';
import * as healthCheck from './migrations/20261202T0100-health-check.js';
import * as incidentRecord from './migrations/20261202T0400-incident-record.js';
import * as incidentReportReason from './migrations/20261202T0200-incident-report-reason.js';
import * as outboxFallback from './migrations/20261202T0300-outbox-fallback.js';
import * as auditActor from './migrations/20261204T0100-audit-actor.js';
import * as measures from './migrations/20261204T0200-measures.js';
import * as threatReviewChanges from './migrations/20261204T0300-threat-review-changes.js';
import * as exceptionEnd from './migrations/20261204T0400-exception-end.js';

/** Migrations in order; names are timestamps so the order is also the file order. */
const migrations: Record<string, Migration> = {
  '20261129T0100-foundation': foundation,
  '20261129T0200-incidents': incidents,
  '20261129T0300-rules-qa': rulesQa,
  '20261129T0400-approvals': approvals,
  '20261129T0500-reminders': reminders,
  '20261201T0100-outbox-deadlines': outboxDeadlines,
  '20261202T0100-health-check': healthCheck,
  '20261202T0200-incident-report-reason': incidentReportReason,
  '20261202T0300-outbox-fallback': outboxFallback,
  '20261202T0400-incident-record': incidentRecord,
  '20261204T0100-audit-actor': auditActor,
  '20261204T0200-measures': measures,
  '20261204T0300-threat-review-changes': threatReviewChanges,
  '20261204T0400-exception-end': exceptionEnd,
};

/** Names in the order they run. */
export const migrationNames = Object.keys(migrations).sort();

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * The database as the migrator sees it, with an introspection that looks at one schema.
 * Kysely's migrator asks only whether its own two tables exist, but its PostgreSQL
 * introspector reads every column of every table in every schema, several times per
 * start: on a server with many schemas (the test suite makes one per test) that grew to
 * most of a start's time.
 */
function withSchemaIntrospection(db: Kysely<Database>, schema: string): Kysely<Database> {
  const introspection: DatabaseIntrospector = {
    async getSchemas() {
      const rows = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return rows.rows;
    },
    async getTables() {
      const rows = await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = ${schema}`.execute(db);
      return rows.rows.map((r) => ({ name: r.name, schema, isView: false, columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property);
      // Kysely keeps its state in private fields: its methods must run on the real object.
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

async function runMigrator(db: Db): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; name
  // ours, so another schema's tables on the same server are not mistaken for them.
  const migrationTableSchema =
    db.engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely))
          .rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: migrationTableSchema ? withSchemaIntrospection(db.kysely, migrationTableSchema) : db.kysely,
    provider,
    migrationTableSchema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * On PostgreSQL the migrator holds a lock, so instances starting together take turns.
 * Kysely has no such lock for SQLite: an instance that loses the race fails inside its
 * (rolled back) transaction and, on the next try, finds the schema already migrated.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const tries = db.engine === 'sqlite' ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runMigrator(db);
    } catch (error) {
      if (attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
