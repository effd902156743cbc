import { pathToFileURL } from 'node:url';
import { createApp } from './app.js';
import { OrgFileError } from './org/index.js';
import { ConfigError, loadConfigFromEnvironment, type Config } from './platform/config.js';
import { RulesFileError } from './rules/index.js';

export { createApp, type App, type AppOptions, type RunningApp } from './app.js';

/** Errors a person can fix from the message alone: printed without a stack. */
export function isStartupProblem(error: unknown): error is Error {
  return (
    error instanceof ConfigError || error instanceof OrgFileError || error instanceof RulesFileError
  );
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfigFromEnvironment();
  } catch (error) {
    console.error(isStartupProblem(error) ? error.message : error);
    process.exit(1);
  }
  const app = createApp(config);
  try {
    const { url } = await app.start();
    if (config.mode === 'local') {
      console.log(
        `IT-säkerhetsboten kör i lokalt läge på ${url}/api/messages (npm run playground för att chatta).`,
      );
    }
  } catch (error) {
    console.error(isStartupProblem(error) ? error.message : error);
    process.exit(1);
  }
  const shutdown = async (): Promise<void> => {
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  void main();
}
