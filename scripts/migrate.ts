import { ConfigError, loadConfigFromEnvironment } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { databaseStartupError } from '../src/platform/startup-errors.js';

/** `npm run migrate`: brings the configured database to the latest schema and says what it did. */
async function main(): Promise<void> {
  const config = loadConfigFromEnvironment();
  let db;
  try {
    db = openDatabase(config.database);
  } catch (error) {
    throw databaseStartupError(error, config.database) ?? error;
  }
  try {
    const applied = await migrateToLatest(db).catch((error: unknown) => {
      throw databaseStartupError(error, config.database) ?? error;
    });
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
