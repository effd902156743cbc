import { ConfigError, loadConfigFromEnvironment } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

/** `npm run migrate`: brings the configured database to the latest schema and says what it did. */
async function main(): Promise<void> {
  const config = loadConfigFromEnvironment();
  const db = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(db);
    const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
    console.log(
      applied.length > 0 ? `Applied to ${where}: ${applied.join(', ')}` : `${where} is up to date.`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Migration failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
