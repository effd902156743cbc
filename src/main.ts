import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { TurnContext } from 'botbuilder';
import { ConfigError, loadConfigFromEnvironment, type Config } from './platform/config.js';
import { systemClock, type Clock } from './platform/clock.js';
import { OrgFileError } from './org/domain/org.parse.js';
import { RulesFileError } from './rules/domain/rules.parse.js';
import { remindDeadlines } from './incidents/domain/incident.service.js';
import { createHttpServer, type HttpLimits } from './platform/http/server.js';
import { remindPendingApprovals } from './approvals/domain/approval.service.js';
import { runDueReminders, type ReminderRunResult } from './reminders/domain/reminder.service.js';
import { startReminderTicker } from './platform/scheduler/cron-ticker.js';
import { runPeriodically } from './platform/scheduler/periodic.js';
import { localeFrom, stringsFor } from './platform/strings.js';
import { createLogger, type Logger } from './platform/log.js';
import { createAuthentication, createTurnAdapter } from './platform/teams/adapter.js';
import { ItSakerhetBot } from './platform/teams/bot.js';
import type { Services } from './platform/teams/handler-context.js';
import type { OutboxSender, OutboxSenderOptions } from './outbox/outbox.sender.js';
import type { Transport } from './outbox/proactive.transport.js';
import type { AuditRepository } from './org/audit.repository.js';
import type { Db } from './platform/db/dialect.js';
import type { OutboxRepository } from './outbox/outbox.repository.js';
import { createServices, openCore } from './composition.js';

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
}

export interface RunningApp {
  url: string;
  port: number;
  db: Db;
  services: Services;
  outbox: OutboxRepository;
  audit: AuditRepository;
  sender: OutboxSender;
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

export function createApp(config: Config, options: AppOptions = {}): App {
  const clock = options.clock ?? systemClock;
  const log = options.logger ?? createLogger(config.logLevel);
  let running: (RunningApp & { close: () => Promise<void> }) | undefined;

  async function start(): Promise<RunningApp> {
    const core = await openCore(config, {
      log,
      rulesDirectory: options.rulesDirectory,
      transport: options.transport,
      outbox: options.outbox,
      outboxClock: clock,
    });
    const { baseOrg, db, register, sender, outbox, audit } = core;
    const services = await createServices(core, config, clock, log);
    const { incidents, approvals, reminders } = services;

    const bot = new ItSakerhetBot(services);
    const adapter = createTurnAdapter(options.authentication ?? createAuthentication(config));
    adapter.onTurnError = async (context: TurnContext, error: Error) => {
      const correlationId = randomUUID();
      log.error({ err: error, correlationId, activityType: context.activity?.type }, 'turn failed');
      const strings = stringsFor(localeFrom(context.activity?.locale));
      try {
        if (context.activity?.type === 'invoke') {
          await context.sendActivity({
            type: 'invokeResponse',
            value: {
              status: 200,
              body: {
                statusCode: 200,
                type: 'application/vnd.microsoft.activity.message',
                value: strings.apology(correlationId),
              },
            },
          });
        } else {
          await context.sendActivity(strings.apology(correlationId));
        }
      } catch (sendError) {
        log.error({ err: sendError, correlationId }, 'could not send the apology');
      }
    };

    const server = createHttpServer({
      adapter,
      handleTurn: (context) => bot.run(context),
      checkHealth: async () => {
        await sql`select 1`.execute(db.kysely);
      },
      log,
      mode: config.mode,
      organisation: baseOrg.organisation,
      limits: options.http,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    sender.start();
    const reminderTicker =
      config.reminders.tickCron === 'off'
        ? undefined
        : startReminderTicker(
            config.reminders.tickCron,
            baseOrg.timezone,
            () => runDueReminders(reminders.run),
            log,
          );
    const deadlines = runPeriodically(
      'incident deadlines',
      config.incidentDeadlineCheckSeconds * 1000,
      () => remindDeadlines(incidents),
      log,
    );
    const pendingApprovals = runPeriodically(
      'approval reminders',
      config.approvals.checkSeconds * 1000,
      async () => {
        // Also picks up register changes another instance made.
        await register.reload();
        await remindPendingApprovals(approvals);
      },
      log,
    );
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    log.info({ mode: config.mode, port, engine: db.engine }, 'bot listening');

    running = {
      url,
      port,
      db,
      services,
      outbox,
      audit,
      sender,
      remindIncidentDeadlines: () => remindDeadlines(incidents),
      remindPendingApprovals: () => remindPendingApprovals(approvals),
      runDueReminders: () => runDueReminders(reminders.run),
      close: async () => {
        await reminderTicker?.stop();
        await pendingApprovals.stop();
        await deadlines.stop();
        await sender.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.close();
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
