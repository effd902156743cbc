import { approvals, createRegisterRepository } from './approvals/index.js';
import { help } from './help/index.js';
import { incidents } from './incidents/index.js';
import { measures } from './measures/index.js';
import {
  createAuditRepository,
  createLiveRegister,
  createPersonRepository,
  loadOrganisationFile,
  type AuditRepository,
  type LiveRegister,
  type Organisation,
  type PersonRepository,
} from './org/index.js';
import {
  createBotFrameworkTransport,
  createOutboxRepository,
  createOutboxSender,
  outboxFeature,
  type OutboxMessage,
  type OutboxRepository,
  type OutboxSender,
  type OutboxSenderOptions,
  type Transport,
} from './outbox/index.js';
import { systemClock, type Clock } from './platform/clock.js';
import { ConfigError, type Config } from './platform/config.js';
import { openDatabase, type Db } from './platform/db/dialect.js';
import { migrateToLatest } from './platform/db/migrate.js';
import type { Logger } from './platform/log.js';
import { createMetrics, type Metrics } from './platform/metrics.js';
import { databaseStartupError, databaseWhere } from './platform/startup-errors.js';
import { DatabaseWatch } from './platform/db/outage.js';
import { sql } from 'kysely';
import { fromRoot } from './platform/paths.js';
import { createOutboxAdapter } from './platform/teams/adapter.js';
import type { Feature, FeatureModule } from './platform/teams/feature.js';
import { reminders } from './reminders/index.js';
import { loadKnowledgeBase, rules, type KnowledgeBase } from './rules/index.js';
import type { UnitOfWork } from './platform/unit-of-work.js';
import { createCoreTransactions, type CoreTransaction } from './unit-of-work.js';

/** Teams' global service URL, used to open a chat before any activity from the tenant was seen. */
const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Everything the server, the features and the command-line tools share: files read, database open, outbox ready. */
export interface Core {
  config: Config;
  /** The features' clock: what is due, deadlines, timestamps of decisions. */
  clock: Clock;
  /** The outbox's clock: when a message is queued, retried and leased. */
  outboxClock: Clock;
  log: Logger;
  baseOrg: Organisation;
  knowledgeBase: KnowledgeBase;
  db: Db;
  /** Whether the database is reachable, from what the bot's calls to it met. */
  database: DatabaseWatch;
  /** The organisation file plus what concluded approvals changed; read `register.current` each time. */
  register: LiveRegister;
  people: PersonRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
  sender: OutboxSender;
  /** Queues a message on its own, outside any unit of work, and wakes the sender. */
  notify(message: OutboxMessage): Promise<boolean>;
  /** This instance's Prometheus metrics (`/metrics`). */
  metrics: Metrics;
  /** Opens one transaction; what the work writes through it commits together. */
  transaction: UnitOfWork<CoreTransaction>;
  /** The same shape outside any transaction: for reads, and messages that change no state. */
  direct: CoreTransaction;
}

/** Every feature of the bot, listed once; a new feature is one folder and one line here. */
export const features: Feature<Core>[] = [
  help,
  incidents,
  approvals,
  measures,
  reminders,
  rules,
  outboxFeature,
];

export function buildFeatures(core: Core): Promise<FeatureModule[]> {
  return Promise.all(features.map((feature) => feature.build(core)));
}

export interface CoreOptions {
  /** The features' clock; default the system clock. */
  clock?: Clock;
  /** The outbox's clock: when a message is queued, retried and leased. */
  outboxClock?: Clock;
  log: Logger;
  rulesDirectory?: string;
  transport?: Transport;
  outbox?: Partial<OutboxSenderOptions>;
}

/** Reads and checks the files, then opens and migrates the database; a broken file stops here. */
export async function openCore(config: Config, options: CoreOptions): Promise<Core> {
  const baseOrg = loadOrganisationFile(config.orgFile);
  if (config.mode === 'production' && baseOrg.tenantId.toLowerCase() !== config.bot.tenantId) {
    throw new ConfigError('MicrosoftAppTenantId', `does not match tenantId in ${config.orgFile}`);
  }
  const knowledgeBase = loadKnowledgeBase(
    options.rulesDirectory ?? fromRoot('content', 'anvandare'),
  );
  let db: Db;
  try {
    db = openDatabase(config.database);
  } catch (error) {
    throw databaseStartupError(error, config.database) ?? error;
  }
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.close();
    throw databaseStartupError(error, config.database) ?? error;
  }
  const database = new DatabaseWatch({
    probe: () => sql`select 1`.execute(db.kysely),
    log: options.log,
    where: databaseWhere(config.database),
  });
  const outboxClock = options.outboxClock ?? systemClock;
  const register = await createLiveRegister(baseOrg, createRegisterRepository(db.kysely));
  const people = createPersonRepository(db.kysely);
  const outbox = createOutboxRepository(db.kysely);
  const metrics = createMetrics();
  metrics.watchOutbox(outbox, () => outboxClock.now());
  const sender = createOutboxSender({
    outbox,
    people,
    counted: (outcome) => metrics.outboxAttempts.inc({ outcome }),
    isDatabaseOutage: (error) => database.failed(error),
    transport:
      options.transport ??
      createBotFrameworkTransport(createOutboxAdapter(config), config.bot.appId),
    clock: outboxClock,
    log: options.log,
    options: {
      ratePerSecond: config.outbox.ratePerSecond,
      perConversationPerSecond: config.outbox.perConversationPerSecond,
      maxAttempts: config.outbox.maxAttempts,
      pollIntervalMs: config.outbox.pollIntervalMs,
      callTimeoutMs: config.outbox.callTimeoutMs,
      concurrency: config.outbox.concurrency,
      fallbackServiceUrl: TEAMS_SERVICE_URL,
      ...options.outbox,
    },
  });
  const audit = createAuditRepository(db.kysely);
  const notify = async (message: OutboxMessage) => {
    const added = await outbox.enqueue(message, outboxClock.now());
    if (added) sender.wake();
    return added;
  };
  return {
    config,
    clock: options.clock ?? systemClock,
    outboxClock,
    log: options.log,
    baseOrg,
    knowledgeBase,
    db,
    database,
    register,
    people,
    outbox,
    audit,
    sender,
    notify,
    metrics,
    transaction: createCoreTransactions({ db: db.kysely, register, outboxClock, sender }),
    direct: {
      db: db.kysely,
      get org() {
        return register.current;
      },
      register,
      people,
      audit,
      notify,
    },
  };
}
