import type { Kysely } from 'kysely';

// Questions to the rules Q&A and the feedback on the answers: text and integer only, ids and times from the app.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rules_question')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asker_aad_object_id', 'text', (c) => c.notNull())
    .addColumn('asker_name', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('matched_rule_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('forwarded_at', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_by_name', 'text')
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createIndex('rules_question_asker')
    .on('rules_question')
    .columns(['asker_aad_object_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('rules_question_matched_rule')
    .on('rules_question')
    .columns(['matched_rule_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('rules_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('aad_object_id', 'text', (c) => c.notNull())
    .addColumn('helpful', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rules_feedback_question_person', ['question_id', 'aad_object_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rules_feedback').execute();
  await db.schema.dropTable('rules_question').execute();
}
