import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The Teams user id (29:...) names the person in a card's refresh.userIds.
  await db.schema.alterTable('person').addColumn('teams_user_id', 'text').execute();

  await db.schema
    .createTable('incident')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('reporter_aad_object_id', 'text', (c) => c.notNull())
    .addColumn('reporter_name', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('system_id', 'text')
    .addColumn('discovered_at', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('personal_data', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_aad_object_id', 'text')
    .addColumn('assignee_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incident_submission', ['reporter_aad_object_id', 'submission_id'])
    .addUniqueConstraint('incident_year_sequence', ['year', 'sequence'])
    .execute();
  await db.schema
    .createIndex('incident_status')
    .on('incident')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('incident_report')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('incident_report_pk', ['incident_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('incident_report_status')
    .on('incident_report')
    .columns(['status', 'due_at'])
    .execute();

  await db.schema
    .createTable('incident_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('author_aad_object_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_note_incident')
    .on('incident_note')
    .columns(['incident_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('incident_counter')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_sequence', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['incident_counter', 'incident_note', 'incident_report', 'incident']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('person').dropColumn('teams_user_id').execute();
}
