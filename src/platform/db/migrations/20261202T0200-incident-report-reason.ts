import type { Kysely } from 'kysely';

// Why an authority report was not required (Krävs inte, Inte betydande), as the decider
// wrote it: GDPR art. 33.5 asks for every personal-data breach to be documented with its
// reasoning, reported or not. Nullable: reports decided before have none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incident_report').addColumn('reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incident_report').dropColumn('reason').execute();
}
