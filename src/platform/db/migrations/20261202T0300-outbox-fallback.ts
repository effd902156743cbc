import type { Kysely } from 'kysely';

// A card Teams refuses as too large (413) is replaced by a short text. The feature that
// queued the message may say what that text is; the row records that the text went out
// instead of the card. Nullable: rows queued before get the outbox's own text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('fallback_text', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('sent_as_fallback', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('sent_as_fallback').execute();
  await db.schema.alterTable('outbox').dropColumn('fallback_text').execute();
}
