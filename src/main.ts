import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { TurnContext } from 'botbuilder';
import { ConfigError, loadConfigFromEnvironment, type Config } from './config.js';
import { systemClock, type Clock } from './domain/clock.js';
import { createOrgDirectory, type OrgDirectory } from './domain/org/org.directory.js';
import { loadOrganisationFile } from './domain/org/org.load.js';
import { OrgFileError } from './domain/org/org.parse.js';
import { loadKnowledgeBase } from './domain/rules/rules.load.js';
import { RulesFileError } from './domain/rules/rules.parse.js';
import { createRuleSearch } from './domain/rules/rules.search.js';
import { fromRoot } from './paths.js';
import { createRulesQuestionRepository } from './store/rules-question.repository.js';
import { remindDeadlines, type IncidentDeps } from './domain/incidents/incident.service.js';
import { createHttpServer } from './http/server.js';
import { runPeriodically } from './scheduler/periodic.js';
import { createIncidentRepository } from './store/incident.repository.js';
import { createIncidentNotifier } from './teams/incident.notifier.js';
import { localeFrom, stringsFor } from './i18n/strings.js';
import { createLogger, type Logger } from './log.js';
import { createAuditRepository, type AuditRepository } from './store/audit.repository.js';
import { openDatabase, type Db } from './store/dialect.js';
import { migrateToLatest } from './store/migrate.js';
import { createOutboxRepository, type OutboxRepository } from './store/outbox.repository.js';
import { createPersonRepository } from './store/person.repository.js';
import { createAuthentication, createOutboxAdapter, createTurnAdapter } from './teams/adapter.js';
import { ItSakerhetBot } from './teams/bot.js';
import type { Services } from './teams/handler-context.js';
import {
  createOutboxSender,
  type OutboxSender,
  type OutboxSenderOptions,
} from './teams/outbox.sender.js';
import { createBotFrameworkTransport, type Transport } from './teams/proactive.transport.js';

/** Teams' global service URL, used to open a chat before any activity from the tenant was seen. */
const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

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
}

export interface RunningApp {
  url: string;
  port: number;
  db: Db;
  org: OrgDirectory;
  services: Services;
  outbox: OutboxRepository;
  audit: AuditRepository;
  sender: OutboxSender;
  /** Sends the deadline reminders that are due now (also run periodically). */
  remindIncidentDeadlines(): Promise<number>;
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
    const org = createOrgDirectory(loadOrganisationFile(config.orgFile));
    // A broken rule file stops the start before anything is opened.
    const knowledgeBase = loadKnowledgeBase(
      options.rulesDirectory ?? fromRoot('content', 'anvandare'),
    );
    if (
      config.mode === 'production' &&
      org.organisation.tenantId.toLowerCase() !== config.bot.tenantId
    ) {
      throw new ConfigError('MicrosoftAppTenantId', `does not match tenantId in ${config.orgFile}`);
    }
    const db = openDatabase(config.database);
    try {
      await migrateToLatest(db);
    } catch (error) {
      await db.close();
      throw error;
    }

    const people = createPersonRepository(db.kysely);
    const outbox = createOutboxRepository(db.kysely);
    const audit = createAuditRepository(db.kysely);
    const transport =
      options.transport ??
      createBotFrameworkTransport(createOutboxAdapter(config), config.bot.appId);
    const sender = createOutboxSender({
      outbox,
      people,
      transport,
      clock,
      log,
      options: {
        ratePerSecond: config.outbox.ratePerSecond,
        perConversationPerSecond: config.outbox.perConversationPerSecond,
        maxAttempts: config.outbox.maxAttempts,
        pollIntervalMs: config.outbox.pollIntervalMs,
        fallbackServiceUrl: TEAMS_SERVICE_URL,
        ...options.outbox,
      },
    });
    const notify: Services['notify'] = async (message) => {
      const added = await outbox.enqueue(message, clock.now());
      if (added) sender.wake();
      return added;
    };
    const incidentRepository = createIncidentRepository(db.kysely);
    const incidents: IncidentDeps = {
      incidents: incidentRepository,
      org,
      audit,
      clock,
      notifier: createIncidentNotifier({
        org,
        incidents: incidentRepository,
        people,
        audit,
        notify,
      }),
    };
    const rules: Services['rules'] = {
      knowledgeBase,
      search: createRuleSearch(knowledgeBase),
      questions: createRulesQuestionRepository(db.kysely),
      org,
      audit,
    };
    const services: Services = { config, org, people, audit, clock, log, notify, incidents, rules };

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
      organisation: org.organisation.organisation,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    sender.start();
    const deadlines = runPeriodically(
      'incident deadlines',
      config.incidentDeadlineCheckSeconds * 1000,
      () => remindDeadlines(incidents),
      log,
    );
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    log.info({ mode: config.mode, port, engine: db.engine }, 'bot listening');

    running = {
      url,
      port,
      db,
      org,
      services,
      outbox,
      audit,
      sender,
      remindIncidentDeadlines: () => remindDeadlines(incidents),
      close: async () => {
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
