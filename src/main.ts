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

/**
 * What a failed start prints: the sentence of a problem a person can fix, or else one
 * line with the error's message. Never a stack trace.
 */
export function startupFailureLine(error: unknown): string {
  if (isStartupProblem(error)) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `The bot could not start: ${message.replace(/\s+/g, ' ').trim()}`;
}

/**
 * restify loads spdy, whose http-deceiver reads a deprecated Node binding (DEP0111) and
 * makes Node print two warning lines on every start. They say nothing an operator can
 * act on and would bury the one line a failed start prints; other warnings are kept.
 * The warning is emitted while the modules load and printed on the next tick, so this
 * runs in time.
 */
function quietDependencyWarnings(): void {
  for (const listener of process.listeners('warning')) {
    process.removeListener('warning', listener);
    process.on('warning', (warning) => {
      if ((warning as { code?: string }).code !== 'DEP0111') listener(warning);
    });
  }
}

/** A stop (SIGTERM, SIGINT) ends the process within this time, whatever is still under way. */
const STOP_LIMIT_MS = 9500;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfigFromEnvironment();
  } catch (error) {
    console.error(startupFailureLine(error));
    process.exit(1);
  }
  const app = createApp(config);
  try {
    const { url } = await app.start();
    if (config.mode === 'local') {
      console.log(
        `IT-säkerhetsboten kör i lokalt läge på ${url}/api/messages (npm run playground för att chatta). Fliken Översikt med inkorgen: ${url}/tab`,
      );
    }
  } catch (error) {
    console.error(startupFailureLine(error));
    process.exit(1);
  }
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) {
      // A second Ctrl-C: the person does not want to wait.
      console.error('Stopped at once, without waiting for the activities under way.');
      process.exit(1);
    }
    stopping = true;
    // The limits of the stop add up to less than this; it is the last resort.
    setTimeout(() => {
      console.error(`The bot did not stop within ${STOP_LIMIT_MS / 1000} s and was ended.`);
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
    try {
      await app.stop();
      process.exit(0);
    } catch (error) {
      console.error(startupFailureLine(error).replace('could not start', 'did not stop cleanly'));
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  quietDependencyWarnings();
  void main();
}
