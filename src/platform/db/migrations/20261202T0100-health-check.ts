import type { Kysely } from 'kysely';

// One row per check name that /healthz writes, so the health check proves the database
// takes writes and not only that a connection answers `select 1`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('health_check')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('health_check').execute();
}
