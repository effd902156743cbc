import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('approval')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('proposed_owner_id', 'text')
    .addColumn('requester_aad_object_id', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_step', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('approval_submission', ['requester_aad_object_id', 'submission_id'])
    .execute();
  await db.schema
    .createIndex('approval_status')
    .on('approval')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('approval_step')
    .addColumn('approval_id', 'text', (c) => c.notNull().references('approval.id'))
    .addColumn('step_index', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('approver_ids', 'text', (c) => c.notNull())
    .addColumn('delegate_aad_object_id', 'text')
    .addColumn('delegate_name', 'text')
    .addColumn('delegated_by', 'text')
    .addColumn('decision', 'text')
    .addColumn('decided_by_aad_object_id', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text')
    .addColumn('started_at', 'text')
    .addPrimaryKeyConstraint('approval_step_pk', ['approval_id', 'step_index'])
    .execute();

  await db.schema
    .createTable('register_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('approval_id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['register_change', 'approval_step', 'approval'])
    await db.schema.dropTable(table).execute();
}
