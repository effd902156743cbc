import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError, loadConfigFromEnvironment, type Config } from '../src/platform/config.js';
import { fromRoot, projectRoot } from '../src/platform/paths.js';

/**
 * `npm run playground`: starts the bot in local mode, waits until it is healthy, then starts
 * Microsoft 365 Agents Playground (a mock Teams client in the browser) pointed at it.
 *
 *   npm run playground                 chat as the currentUser of .m365agentsplayground.yml
 *   npm run playground -- --as karin   chat as someone else (any person of the org file)
 *
 * The playground runs in a temporary folder holding a copy of .m365agentsplayground.yml, so its
 * log (which holds every message) never lands in the repository and is deleted on exit. Its
 * telemetry is off: `--disable-telemetry` stops its usage events, and
 * APPLICATION_INSIGHTS_NO_STATSBEAT stops the Application Insights SDK's own "statsbeat" calls
 * (a DNS lookup of *.in.applicationinsights.azure.com and a request to the Azure metadata address
 * 169.254.169.254), which `--disable-telemetry` alone does not stop.
 */

const USAGE = `Usage: npm run playground -- [options]

  --as <person>              chat as this person: an id, first name or aadObjectId from the
                             org file or .m365agentsplayground.yml (e.g. karin, lars, anna)
  --playground-port <port>   port of the playground web page (default 56150)
  --timeout <seconds>        how long to wait for the bot's /healthz (default 60)
  --english                  let the bot answer in English (the playground always says en-US;
                             by default the bot is told to answer in Swedish, as for most staff)
  --open                     let the playground open a browser itself (needs a desktop;
                             on a Linux server without xdg-open the playground would crash)
  -h, --help                 this text`;

const DEFAULT_PLAYGROUND_PORT = 56150;
const CONFIG_FILE_NAME = '.m365agentsplayground.yml';
/** After Ctrl-C in a terminal the children got SIGINT too: give them this long before SIGTERM. */
const GRACE_MS = 5_000;

class UsageError extends Error {}

interface Options {
  as: string | undefined;
  english: boolean;
  playgroundPort: number;
  timeoutMs: number;
  open: boolean;
}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        as: { type: 'string' },
        'playground-port': { type: 'string' },
        timeout: { type: 'string' },
        open: { type: 'boolean', default: false },
        english: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  if (values.help) return 'help';
  const playgroundPort = Number(values['playground-port'] ?? DEFAULT_PLAYGROUND_PORT);
  if (!Number.isInteger(playgroundPort) || playgroundPort < 1 || playgroundPort > 65535) {
    throw new UsageError('--playground-port must be a port number (1-65535).');
  }
  const timeoutSeconds = Number(values.timeout ?? 60);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new UsageError('--timeout must be a positive number of seconds.');
  }
  return {
    as: values.as,
    english: values.english,
    playgroundPort,
    timeoutMs: timeoutSeconds * 1000,
    open: values.open,
  };
}

// --- .m365agentsplayground.yml and the org file ---------------------------------------------

/**
 * The playground's own schema (config.schema.json 0.1.1 in its bundle), checked here first
 * so that a mistake is reported clearly instead of in the playground's log.
 */
const playgroundUserSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1).max(256),
  userPrincipleName: z.string(), // sic: the playground's spelling
  aadObjectId: z.string().min(1),
  givenName: z.string().max(256),
  surname: z.string().max(256),
  email: z.string(),
});
type PlaygroundUser = z.infer<typeof playgroundUserSchema>;

const playgroundConfigSchema = z
  .strictObject({
    version: z.enum(['0.1.0', '0.1.1']),
    tenantId: z.string().min(1),
    bot: z.object({ id: z.string().min(1), name: z.string().min(1).max(42) }).catchall(z.string()),
    currentUser: playgroundUserSchema,
    users: z.array(playgroundUserSchema).length(5, 'must list exactly five people'),
    personalChat: z.strictObject({ id: z.string().min(1) }),
    groupChat: z.strictObject({ id: z.string().min(1), name: z.string().max(256) }),
    team: z.strictObject({
      id: z.string().min(1),
      name: z.string().max(256),
      aadGroupId: z.string(),
      channels: z
        .array(z.strictObject({ id: z.string().min(1), name: z.string().max(256) }))
        .max(1, 'may list at most one channel besides General'),
    }),
  })
  .superRefine((config, context) => {
    const userIds = [config.currentUser, ...config.users].map((u) => u.id);
    if (new Set(userIds).size !== userIds.length) {
      context.addIssue({ code: 'custom', path: ['users'], message: 'User ids must be unique' });
    }
    const chatIds = [config.personalChat.id, config.groupChat.id, config.team.id];
    chatIds.push(...config.team.channels.map((c) => c.id));
    if (new Set(chatIds).size !== chatIds.length) {
      context.addIssue({
        code: 'custom',
        path: ['team'],
        message: 'Chat, team and channel ids must be unique',
      });
    }
  });
type PlaygroundConfig = z.infer<typeof playgroundConfigSchema>;

const orgSchema = z.object({
  tenantId: z.string(),
  people: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      aadObjectId: z.string(),
      title: z.string().optional(),
      email: z.string().optional(),
    }),
  ),
});
type OrgPerson = z.infer<typeof orgSchema>['people'][number];

function checkPlaygroundConfig(value: unknown, origin: string): PlaygroundConfig {
  const parsed = playgroundConfigSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    );
    throw new UsageError(`${origin} is not a valid playground config:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

function readPlaygroundConfig(file: string): PlaygroundConfig {
  if (!existsSync(file)) throw new UsageError(`${file} is missing.`);
  return checkPlaygroundConfig(parseYaml(readFileSync(file, 'utf8')), file);
}

/** The org file the bot will load; undefined (with a warning) if it cannot be read here. */
function readOrg(file: string): z.infer<typeof orgSchema> | undefined {
  try {
    const parsed = orgSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // The bot reports a broken org file itself, with a better message.
  }
  console.warn(`Could not read the people of ${file}; the playground users are not checked.`);
  return undefined;
}

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const shortId = (id: string): string => id.replace(/^29:/, '');

function orgPersonFor(org: z.infer<typeof orgSchema> | undefined, user: PlaygroundUser) {
  return org?.people.find((p) => sameId(p.aadObjectId, user.aadObjectId));
}

function matches(user: PlaygroundUser, wanted: string, org: OrgPerson | undefined): boolean {
  return [shortId(user.id), user.id, user.givenName, user.name, user.aadObjectId, org?.id]
    .filter((v): v is string => v !== undefined)
    .some((v) => sameId(v, wanted));
}

function fromOrgPerson(person: OrgPerson): PlaygroundUser {
  const [givenName = person.name, ...rest] = person.name.split(' ');
  const email = person.email ?? `${person.id}@example.invalid`;
  return {
    id: `29:${person.id}`,
    name: person.name,
    userPrincipleName: email,
    aadObjectId: person.aadObjectId,
    givenName,
    surname: rest.join(' '),
    email,
  };
}

/**
 * Makes `wanted` the current user. Someone among `users` swaps places with the current user;
 * someone only in the org file replaces the current user for this run (the playground allows
 * exactly five other users). The personal chat gets an id of its own per person.
 */
function chooseCurrentUser(
  config: PlaygroundConfig,
  wanted: string,
  org: z.infer<typeof orgSchema> | undefined,
): PlaygroundConfig {
  const oldCurrent = config.currentUser;
  if (matches(oldCurrent, wanted, orgPersonFor(org, oldCurrent))) return config;

  let current: PlaygroundUser | undefined;
  let users = config.users;
  const index = users.findIndex((u) => matches(u, wanted, orgPersonFor(org, u)));
  if (index >= 0) {
    current = users[index];
    users = users.map((u, i) => (i === index ? oldCurrent : u));
  } else {
    const person = org?.people.find((p) =>
      [p.id, p.aadObjectId, p.name, p.name.split(' ')[0] ?? ''].some((v) => sameId(v, wanted)),
    );
    if (person) current = fromOrgPerson(person);
  }
  if (!current) {
    const known = [
      ...[oldCurrent, ...config.users].map((u) => orgPersonFor(org, u)?.id ?? shortId(u.id)),
      ...(org?.people.map((p) => p.id) ?? []),
    ];
    throw new UsageError(
      `--as ${wanted}: no such person. Try one of: ${[...new Set(known)].join(', ')}.`,
    );
  }
  const oldSuffix = `-${shortId(oldCurrent.id)}`;
  const base = config.personalChat.id.endsWith(oldSuffix)
    ? config.personalChat.id.slice(0, -oldSuffix.length)
    : config.personalChat.id;
  return {
    ...config,
    currentUser: current,
    users,
    personalChat: { ...config.personalChat, id: `${base}-${shortId(current.id)}` },
  };
}

function warnAboutOrgMismatch(
  config: PlaygroundConfig,
  org: z.infer<typeof orgSchema> | undefined,
  orgFile: string,
) {
  if (!org) return;
  if (!sameId(org.tenantId, config.tenantId)) {
    console.warn(
      `Warning: tenantId ${config.tenantId} in ${CONFIG_FILE_NAME} is not the tenantId ` +
        `${org.tenantId} of ${orgFile}: the bot will not recognise the tenant.`,
    );
  }
  for (const user of [config.currentUser, ...config.users]) {
    if (!orgPersonFor(org, user)) {
      console.warn(
        `Warning: ${user.name} (aadObjectId ${user.aadObjectId}) in ${CONFIG_FILE_NAME} is not ` +
          `in ${orgFile}: the bot will treat them as unknown.`,
      );
    }
  }
}

// --- processes ----------------------------------------------------------------------------

function portIsFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: string;
}

const describe = (why: Exit): string =>
  why.error ?? (why.signal ? `signal ${why.signal}` : `exit code ${why.code}`);

interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly exited: Promise<void>;
  running: boolean;
}

function track(name: string, child: ChildProcess, onExit: (child: Child, why: Exit) => void) {
  let resolveExited: () => void = () => undefined;
  const tracked: Child = {
    name,
    process: child,
    exited: new Promise<void>((resolve) => (resolveExited = resolve)),
    running: true,
  };
  const finish = (why: Exit) => {
    if (!tracked.running) return;
    tracked.running = false;
    resolveExited();
    onExit(tracked, why);
  };
  child.once('exit', (code, signal) => finish({ code, signal }));
  child.once('error', (error) => finish({ code: null, signal: null, error: error.message }));
  return tracked;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitForHealth(url: string, timeoutMs: number, bot: Child): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (!bot.running) throw new Error('the bot stopped before it became healthy (see above).');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(300);
  }
  throw new Error(
    `the bot did not answer 200 on ${url} within ${timeoutMs / 1000} s (last: ${lastProblem}). ` +
      'Is the database reachable? Use --timeout to wait longer.',
  );
}

function writeEnvFile(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no playground log was written)';
  }
}

// --- main ---------------------------------------------------------------------------------

function loadLocalConfig(): Config {
  let config: Config;
  try {
    config = loadConfigFromEnvironment();
  } catch (error) {
    if (error instanceof ConfigError && error.message.includes('production mode')) {
      throw new UsageError(refuseProduction);
    }
    throw error;
  }
  if (config.mode === 'production') throw new UsageError(refuseProduction);
  if (config.port === 0) {
    throw new UsageError(
      'PORT=0 (a random port) cannot be used with the playground: set PORT to a free port, ' +
        'or leave it unset for 3978.',
    );
  }
  return config;
}

const refuseProduction =
  'The playground only talks to the bot in local mode, but MicrosoftAppId is set (production ' +
  'mode). Unset MicrosoftAppId (in the environment and in .env) to try the bot in the playground.';

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const config = loadLocalConfig();
  const org = readOrg(config.orgFile);
  let playgroundConfig = readPlaygroundConfig(fromRoot(CONFIG_FILE_NAME));
  if (options.as !== undefined) {
    playgroundConfig = checkPlaygroundConfig(
      chooseCurrentUser(playgroundConfig, options.as, org),
      `${CONFIG_FILE_NAME} with --as ${options.as}`,
    );
  }
  warnAboutOrgMismatch(playgroundConfig, org, config.orgFile);

  const botBase = `http://${config.host}:${config.port}`;
  if (!(await portIsFree(config.port, config.host))) {
    throw new UsageError(
      `Port ${config.port} is in use: is the bot already running (npm start)? Stop it, or set ` +
        'PORT to a free port.',
    );
  }
  if (!(await portIsFree(options.playgroundPort))) {
    throw new UsageError(
      `Port ${options.playgroundPort} is in use: is another playground running? Stop it, or ` +
        'choose another port with --playground-port.',
    );
  }

  // The playground reads .m365agentsplayground.yml from, and writes devTools/ logs to, its
  // working folder: a temporary one, so nothing lands in the repository.
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'it-sakerhet-playground-'));
  writeFileSync(path.join(workDir, CONFIG_FILE_NAME), stringifyYaml(playgroundConfig));
  // Extra environment for the children, given with Node's --env-file (values already in the
  // environment win), so this script passes no environment of its own. Both talk to each
  // other through HTTP(S)_PROXY, if one is set, unless NO_PROXY names the local host.
  const noProxy = 'NO_PROXY=127.0.0.1,localhost';
  const botEnvFile = writeEnvFile(workDir, 'bot.env', [
    noProxy,
    `FORCE_LOCALE=${options.english ? 'en-US' : 'sv-SE'}`,
  ]);
  const playgroundEnvFile = writeEnvFile(workDir, 'playground.env', [
    noProxy,
    'APPLICATION_INSIGHTS_NO_STATSBEAT=1',
    ...(options.open ? [] : ['TEAMSAPPTESTER_BROWSER=none']),
  ]);
  const logFile = path.join(workDir, 'devTools', 'm365agentsplayground.log');
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

  let stopping = false;
  let failure: string | undefined;
  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  const children: Child[] = [];
  const alive = () => children.filter((c) => c.running);
  const allExited = () => Promise.all(alive().map((c) => c.exited));

  /** Stops both children once: SIGTERM, then SIGKILL for whatever is still running. */
  const stopAll = async (childrenGotSignalToo: boolean) => {
    if (stopping) return;
    stopping = true;
    if (childrenGotSignalToo) await Promise.race([allExited(), sleep(GRACE_MS)]);
    for (const c of alive()) c.process.kill('SIGTERM');
    await Promise.race([allExited(), sleep(GRACE_MS)]);
    for (const c of alive()) c.process.kill('SIGKILL');
    await allExited();
    resolveStopped();
  };
  // Ctrl-C in a terminal (and closing it) signals the whole foreground process group, so the
  // children got the signal too: they are given time to stop on their own before SIGTERM.
  const terminalSignalled = (signal: string) =>
    (signal === 'SIGINT' || signal === 'SIGHUP') && process.stdin.isTTY === true;

  const onExit = (child: Child, why: Exit) => {
    if (stopping) return;
    const interrupted =
      why.code === 0 || ['SIGINT', 'SIGTERM', 'SIGHUP'].includes(why.signal ?? '');
    if (interrupted) {
      console.log(`The ${child.name} stopped.`);
    } else {
      failure = `The ${child.name} stopped unexpectedly (${describe(why)}).`;
      if (child.name === 'playground') failure += `\nLast lines of its log:\n${tail(logFile, 15)}`;
    }
    void stopAll(interrupted && terminalSignalled(why.signal ?? 'SIGINT'));
  };

  let signalsSeen = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      signalsSeen += 1;
      if (signalsSeen > 1) {
        for (const c of alive()) c.process.kill('SIGKILL');
        return;
      }
      console.log('\nStopping the playground and the bot…');
      void stopAll(terminalSignalled(signal));
    });
  }
  process.on('exit', () => {
    for (const c of alive()) c.process.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  });

  if (stopping) return 0;
  console.log(`Starting the bot in local mode on ${botBase} …`);
  const bot = track(
    'bot',
    spawn(
      process.execPath,
      [
        `--env-file=${botEnvFile}`,
        '--import',
        import.meta.resolve('tsx'),
        fromRoot('src', 'main.ts'),
      ],
      { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] },
    ),
    onExit,
  );
  children.push(bot);

  try {
    await waitForHealth(`${botBase}/healthz`, options.timeoutMs, bot);
  } catch (error) {
    if (!stopping) {
      failure = `Could not start the playground: ${error instanceof Error ? error.message : error}`;
      await stopAll(false);
    }
  }

  if (!stopping) {
    const playground = spawn(
      process.execPath,
      [
        `--env-file=${playgroundEnvFile}`,
        cli,
        'start',
        '--app-endpoint',
        `${botBase}/api/messages`,
        '--channel-id',
        'msteams',
        '--port',
        String(options.playgroundPort),
        '--disable-telemetry',
      ],
      // stdout is a pipe, so the playground logs to its file only and prints "Listening on N".
      { cwd: workDir, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const child = track('playground', playground, onExit);
    children.push(child);
    const me = playgroundConfig.currentUser;
    const title = orgPersonFor(org, me)?.title;
    const announce = async (port: string) => {
      // "Listening" comes before the playground has read its config: wait until it answers.
      const deadline = Date.now() + 15_000;
      while (child.running && Date.now() < deadline) {
        try {
          const ping = await fetch(`http://127.0.0.1:${port}/_debug/ping`, {
            signal: AbortSignal.timeout(1_000),
          });
          if (ping.ok) break;
        } catch {
          // not yet
        }
        await sleep(200);
      }
      if (!child.running || stopping) return;
      console.log(
        [
          '',
          `Microsoft 365 Agents Playground: http://localhost:${port}`,
          `  Chatting as ${me.name}${title ? ` (${title})` : ''}, aadObjectId ${me.aadObjectId}.`,
          '  Another person: stop with Ctrl-C and run  npm run playground -- --as <name>',
          '  Note: the playground sends every message with locale en-US (it has no setting).',
          '',
        ].join('\n'),
      );
    };
    if (playground.stdout) {
      createInterface({ input: playground.stdout }).on('line', (line) => {
        const listening = /^Listening on (\d+)$/.exec(line.trim());
        if (listening?.[1]) void announce(listening[1]);
        else console.log(`[playground] ${line}`);
      });
    }
  }

  await stopped;
  if (failure) {
    console.error(failure);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof UsageError || error instanceof ConfigError ? error.message : error,
    );
    process.exit(1);
  },
);
