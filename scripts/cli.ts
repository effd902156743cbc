import { pathToFileURL } from 'node:url';
import { ConfigError, type Environment } from '../src/platform/config.js';
import { OrgFileError } from '../src/org/index.js';

/** A wrong command or option: the tool prints why and its usage, and exits with 64. */
export class UsageError extends Error {}

export interface ToolIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The variables to configure from; without them, .env and the process environment. */
  env?: Environment;
}

/**
 * Runs a tool's command and turns its failures into one line on standard error and an
 * exit code: 64 for a usage error, 1 for a configuration, organisation file or other
 * error (no stack trace: the log at `LOG_LEVEL=debug` has the details).
 */
export async function runTool(run: () => Promise<number>, io: ToolIo): Promise<number> {
  try {
    return await run();
  } catch (error: unknown) {
    // node:util parseArgs: an unknown option, or an option without its value.
    const badOption = String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || badOption) {
      io.stderr.write(`${(error as Error).message}\n`);
      return 64;
    }
    if (error instanceof ConfigError || error instanceof OrgFileError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    io.stderr.write(`Fel: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Runs `tool` when the file is the process's entry point (`npm run <script>`). */
export function runAsMain(
  moduleUrl: string,
  tool: (args: string[], io: ToolIo) => Promise<number>,
): void {
  const entry = process.argv[1];
  if (!entry || moduleUrl !== pathToFileURL(entry).href) return;
  void tool(process.argv.slice(2), process).then((code) => {
    // A failed start may leave handles open: end the process then.
    if (code === 1 || code === 64) process.exit(code);
    process.exitCode = code;
  });
}
