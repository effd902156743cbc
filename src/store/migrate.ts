import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './dialect.js';
import * as foundation from './migrations/20261129T0100-foundation.js';

/** Migrations in order; names are timestamps so the order is also the file order. */
const migrations: Record<string, Migration> = {
  '20261129T0100-foundation': foundation,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
