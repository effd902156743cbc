import type { AddressInfo } from 'node:net';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { AuditRepository } from './org/index.js';
import type {
  OutboxRepository,
  OutboxSender,
  OutboxSenderOptions,
  Transport,
} from './outbox/index.js';
import { buildFeatures, openCore, type Core } from './composition.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { Db } from './platform/db/dialect.js';
import type { DatabaseWatch } from './platform/db/outage.js';
import { Admission } from './platform/http/admission.js';
import { createHttpServer, type HttpLimits } from './platform/http/server.js';
import { createLogger, type Logger } from './platform/log.js';
import { startReminderTicker } from './platform/scheduler/cron-ticker.js';
import { listenStartupError } from './platform/startup-errors.js';
import { runPeriodically } from './platform/scheduler/periodic.js';
import {
  answerDatabaseUnavailable,
  createAuthentication,
  createTurnAdapter,
} from './platform/teams/adapter.js';
import { ItSakerhetBot } from './platform/teams/bot.js';
import type { FeatureModule, PeriodicTask } from './platform/teams/feature.js';
import type { ReminderRunResult } from './reminders/index.js';
import { registerTab, type TabOptions } from './tab/index.js';

export interface AppOptions {
  clock?: Clock;
  /** Folder of the Användare rule files; default content/anvandare. */
  rulesDirectory?: string;
  logger?: Logger;
  /** Replaces Bot Framework authentication of incoming requests (tests of production mode). */
  authentication?: BotFrameworkAuthentication;
  /** Replaces the proactive transport (tests and benchmarks). */
  transport?: Transport;
  outbox?: Partial<OutboxSenderOptions>;
  /** Body and connection limits of the HTTP server (tests use short timeouts). */
  http?: Partial<HttpLimits>;
  shutdown?: Partial<ShutdownLimits>;
  /** The tab's page folder and, for tests, the keys its single sign-on tokens are checked with. */
  tab?: Pick<TabOptions, 'pageDirectory' | 'signingKeys'>;
}

export interface ShutdownLimits {
  /**
   * How long a stop waits for the activities under way to be answered. With the
   * outbox's own wait (5 s, at the same time) a stop ends well within 10 s.
   */
  turnGraceMs: number;
}

const defaultShutdownLimits: ShutdownLimits = { turnGraceMs: 7000 };

export interface RunningApp {
  url: string;
  port: number;
  db: Db;
  core: Core;
  outbox: OutboxRepository;
  audit: AuditRepository;
  sender: OutboxSender;
  /** Runs one feature's periodic task now, as its timer would (tests run them on their own clock). */
  runTask(name: string): Promise<unknown>;
  /** Sends the deadline reminders that are due now (also run periodically). */
  remindIncidentDeadlines(): Promise<number>;
  /** Reminds and escalates approval steps that have waited too long (also run periodically). */
  remindPendingApprovals(): Promise<number>;
  /** Enqueues the reminders that are due now and not yet sent (also run by node-cron). */
  runDueReminders(): Promise<ReminderRunResult>;
}

export interface App {
  start(): Promise<RunningApp>;
  stop(): Promise<void>;
}

function startTask(
  task: PeriodicTask,
  log: Logger,
  database: DatabaseWatch,
): { stop(): Promise<void> } | undefined {
  // A round that met the database out of reach is not logged as a failure of its own:
  // the outage is said once, and the next round catches up.
  const run = async (): Promise<unknown> => {
    try {
      return await task.run();
    } catch (error) {
      if (database.failed(error)) return undefined;
      throw error;
    }
  };
  if (!('cron' in task)) return runPeriodically(task.name, task.everySeconds * 1000, run, log);
  return task.cron === 'off' ? undefined : startReminderTicker(task.cron, task.timeZone, run, log);
}

/** The periodic tasks by name, whether or not their timers run. */
function taskRunner(features: FeatureModule[]) {
  const tasks = new Map(features.flatMap((f) => f.periodic).map((t) => [t.name, t]));
  return async (name: string): Promise<unknown> => {
    const task = tasks.get(name);
    if (!task) throw new Error(`no periodic task named ${name}`);
    return task.run();
  };
}

export function createApp(config: Config, options: AppOptions = {}): App {
  const clock = options.clock ?? systemClock;
  const log = options.logger ?? createLogger(config.logLevel);
  let running: (RunningApp & { close: () => Promise<void> }) | undefined;

  async function start(): Promise<RunningApp> {
    const core = await openCore(config, {
      log,
      clock,
      rulesDirectory: options.rulesDirectory,
      transport: options.transport,
      outbox: options.outbox,
      outboxClock: clock,
    });
    const { baseOrg, db, register, sender, outbox, audit, people } = core;
    const features = await buildFeatures(core);

    const bot = new ItSakerhetBot({
      config,
      org: () => register.current,
      people,
      audit,
      clock,
      log,
      features,
      notify: core.notify,
      metrics: core.metrics,
    });
    const admission = new Admission();
    const adapter = createTurnAdapter(options.authentication ?? createAuthentication(config), log);
    const server = createHttpServer({
      adapter,
      handleTurn: (context) => bot.run(context),
      checkHealth: () => db.checkHealth(),
      log,
      mode: config.mode,
      organisation: baseOrg.organisation,
      limits: options.http,
      admission,
      database: core.database,
      answerDatabaseUnavailable: (context) => answerDatabaseUnavailable(context, log),
      metrics: { registry: core.metrics.registry, token: config.metricsToken },
    });
    let ownUrl = '';
    const tab = registerTab({
      server,
      core,
      features,
      ...options.tab,
      url: () => ownUrl,
      process: (activity, logic) => adapter.handle('', activity, logic),
      runTurn: (context) => bot.run(context),
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
      });
    } catch (error) {
      await db.close();
      throw listenStartupError(error, config.host, config.port) ?? error;
    }
    const port = (server.address() as AddressInfo).port;
    sender.start();
    const timers = features
      .flatMap((f) => f.periodic)
      .flatMap((task) => startTask(task, log, core.database) ?? []);
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    ownUrl = url;
    log.info({ mode: config.mode, port, engine: db.engine }, 'bot listening');
    // Said after listening, so that a start that cannot work still prints one line.
    if (!tab.pageBuilt)
      log.warn({ directory: tab.directory }, 'the tab page is not built: run npm run build');

    const runTask = taskRunner(features);
    running = {
      url,
      port,
      db,
      core,
      outbox,
      audit,
      sender,
      runTask,
      remindIncidentDeadlines: async () => Number(await runTask('incident deadlines')),
      remindPendingApprovals: async () => Number(await runTask('approval reminders')),
      // The task named 'reminders' is the reminders feature's runDueReminders.
      runDueReminders: async () => (await runTask('reminders')) as ReminderRunResult,
      // New activities get 503 at once; the timers, the outbox (which hands back what it
      // claimed and did not try) and the turns under way finish side by side.
      close: async () => {
        const { turnGraceMs } = { ...defaultShutdownLimits, ...options.shutdown };
        log.info({ underWay: admission.underWay }, 'stopping');
        const [turnsFinished] = await Promise.all([
          admission.close(turnGraceMs),
          ...timers.map((timer) => timer.stop()),
          sender.stop(),
        ]);
        if (!turnsFinished) {
          log.warn(
            { turnGraceMs },
            `stopped with ${admission.underWay} ${admission.underWay === 1 ? 'activity' : 'activities'} unanswered after the grace time`,
          );
        }
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.server.closeAllConnections();
        await closed;
        core.database.stop();
        await db.close();
        log.info('stopped');
      },
    };
    return running;
  }

  return {
    start,
    async stop() {
      const current = running;
      running = undefined;
      await current?.close();
    },
  };
}
