import type { Kysely } from 'kysely';

// Decided measures (åtgärder, policy 5) and their follow-up; the answers to recurring controls.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('measure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('system_id', 'text')
    .addColumn('origin_kind', 'text', (c) => c.notNull())
    .addColumn('origin_ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_aad_object_id', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_comment', 'text')
    .addColumn('extension_due_date', 'text')
    .addColumn('extension_reason', 'text')
    .addColumn('extension_requested_at', 'text')
    .addColumn('extensions', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('measure_submission', ['created_by_aad_object_id', 'submission_id'])
    .execute();
  await db.schema
    .createIndex('measure_status')
    .on('measure')
    .columns(['status', 'due_date'])
    .execute();
  await db.schema
    .createIndex('measure_owner')
    .on('measure')
    .columns(['owner_id', 'status'])
    .execute();
  await db.schema
    .createTable('control_result')
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('measure_id', 'text')
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('answered_by_name', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('control_result_pk', ['control_id', 'due_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('control_result').execute();
  await db.schema.dropTable('measure').execute();
}
