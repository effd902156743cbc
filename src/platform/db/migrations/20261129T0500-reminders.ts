import type { Kysely } from 'kysely';

// Reminders, the goal register and the answers to reminder cards: text and integer only, ids and times from the app.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per occurrence sent; the primary key is the occurrence key.
  await db.schema
    .createTable('reminder_occurrence')
    .addColumn('reminder_id', 'text', (c) => c.notNull())
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient_aad_object_id', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_occurrence_pk', [
      'reminder_id',
      'recipient_key',
      'local_date',
    ])
    .execute();
  await db.schema
    .createIndex('reminder_occurrence_recipient')
    .on('reminder_occurrence')
    .columns(['recipient_aad_object_id', 'due_at'])
    .execute();

  await db.schema
    .createTable('goal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('resources', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text', (c) => c.notNull())
    .addColumn('reporting', 'text')
    .addColumn('staff_information', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_year').on('goal').columns(['year', 'deadline']).execute();

  await db.schema
    .createTable('goal_follow_up')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goal.id'))
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('answered_by_name', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('goal_follow_up_answer', ['goal_id', 'checkpoint', 'answered_by'])
    .execute();

  await db.schema
    .createTable('threat_review')
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.notNull())
    .addColumn('confirmed_by_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('threat_review_pk', ['system_id', 'checkpoint'])
    .execute();

  await db.schema
    .createTable('awareness_ack')
    .addColumn('campaign', 'text', (c) => c.notNull())
    .addColumn('aad_object_id', 'text', (c) => c.notNull())
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('awareness_ack_pk', ['campaign', 'aad_object_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'awareness_ack',
    'threat_review',
    'goal_follow_up',
    'goal',
    'reminder_occurrence',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
