import { parseArgs } from 'node:util';
import { openCore } from '../src/composition.js';
import { exportIncidentRegister, incidentRegisterToCsv } from '../src/incidents/index.js';
import { loadConfig, loadConfigFromEnvironment } from '../src/platform/config.js';
import { createLogger } from '../src/platform/log.js';
import { runAsMain, runTool, UsageError, type ToolIo } from './cli.js';

/**
 * `npm run --silent incidents -- export --year <YYYY> [--format csv|json] [--lang sv|en]`
 * (docs/contracts.md): the incident register of a year for a supervisory authority,
 * read from the same .env and database as the server. Only the export goes to
 * standard output; the log goes to standard error.
 */
const USAGE = `Användning:
  npm run --silent incidents -- export --year <år> [--format csv|json] [--lang sv|en]`;

export async function incidents(args: string[], io: ToolIo): Promise<number> {
  return runTool(() => runCommand(args, io), io);
}

async function runCommand(args: string[], io: ToolIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      lang: { type: 'string', default: 'sv' },
    },
  });
  if (positionals.length !== 1 || positionals[0] !== 'export') throw new UsageError(USAGE);
  if (!/^\d{4}$/.test(values.year ?? ''))
    throw new UsageError(`--year måste vara ett årtal\n${USAGE}`);
  const year = Number(values.year);
  if (values.format !== 'csv' && values.format !== 'json')
    throw new UsageError(`--format måste vara csv eller json\n${USAGE}`);
  if (values.lang !== 'sv' && values.lang !== 'en')
    throw new UsageError(`--lang måste vara sv eller en\n${USAGE}`);

  const config = io.env ? loadConfig(io.env) : loadConfigFromEnvironment();
  const log = createLogger(config.logLevel, io.stderr);
  const core = await openCore(config, { log });
  try {
    const register = await exportIncidentRegister(core, year);
    if (values.format === 'json') io.stdout.write(`${JSON.stringify(register, null, 2)}\n`);
    else io.stdout.write(incidentRegisterToCsv(register, core.register.current, values.lang));
    log.info({ year, incidents: register.incidents.length }, 'incident register exported');
    return 0;
  } finally {
    await core.sender.stop();
    await core.db.close();
  }
}

runAsMain(import.meta.url, incidents);
