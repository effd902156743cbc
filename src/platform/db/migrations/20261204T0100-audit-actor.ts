import type { Kysely } from 'kysely';

// A person's recent audit events by action: how many refused clicks of theirs are already
// on the record this minute (the audit log keeps a bounded number of them).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_log_actor')
    .on('audit_log')
    .columns(['actor', 'action', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_log_actor').execute();
}
