import type { Kysely } from 'kysely';

// The incident record a supervisory review asks for: the supplier when the incident
// happened at one, and when it started and ended (not only when it was discovered).
// Nullable: incidents reported before have none. SQLite adds one column per statement.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const name of ['supplier', 'started_at', 'ended_at']) {
    await db.schema.alterTable('incident').addColumn(name, 'text').execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['ended_at', 'started_at', 'supplier']) {
    await db.schema.alterTable('incident').dropColumn(name).execute();
  }
}
