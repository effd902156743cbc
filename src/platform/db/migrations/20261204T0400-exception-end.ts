import type { Kysely } from 'kysely';

// An exception (undantag) is approved until a date; then it becomes a measure.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('approval').addColumn('valid_until', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('approval').dropColumn('valid_until').execute();
}
