import type { Kysely } from 'kysely';

// Messages with a deadline of their own (incident routing, deadline reminders, approvals)
// are retried until it has passed. New columns are nullable: rows queued before keep
// the ordinary retry schedule. SQLite adds one column per statement.
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: [string, 'text' | 'integer'][] = [
    // ISO instant after which the message is no longer retried.
    ['deadline_at', 'text'],
    // What the message is ('incident-routing', 'incident-deadline', 'approval'), for the coordinators' list.
    ['purpose', 'text'],
    // What it is about (an incident number, an approval's title), for the same list.
    ['subject', 'text'],
    // 1 when the last failure was one that may clear (5xx, 429, timeout, network), 0 when Teams refused.
    ['transient_failure', 'integer'],
    // How often the periodic check has put a failed message back in the queue.
    ['requeues', 'integer'],
    // When the coordinators were told that this message could not be delivered.
    ['reported_at', 'text'],
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable('outbox').addColumn(name, type).execute();
  }
  await db.schema
    .createIndex('outbox_status_updated')
    .on('outbox')
    .columns(['status', 'updated_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_status_updated').execute();
  for (const name of [
    'reported_at',
    'requeues',
    'transient_failure',
    'subject',
    'purpose',
    'deadline_at',
  ]) {
    await db.schema.alterTable('outbox').dropColumn(name).execute();
  }
}
