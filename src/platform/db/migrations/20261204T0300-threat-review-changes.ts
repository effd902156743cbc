import type { Kysely } from 'kysely';

// A threat-analysis answer may say what changed (threats, vulnerabilities, consequences)
// and name the measure it led to.
const COLUMNS = ['threats', 'vulnerabilities', 'consequences', 'measure_id'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS)
    await db.schema.alterTable('threat_review').addColumn(column, 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS)
    await db.schema.alterTable('threat_review').dropColumn(column).execute();
}
