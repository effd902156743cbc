import { ConfigError, type Config } from './platform/config.js';
import type { IncidentDeps } from './incidents/domain/incident.service.js';
import type { ApprovalDeps } from './approvals/domain/approval.service.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Organisation } from './org/domain/org.js';
import { loadOrganisationFile } from './org/org.load.js';
import type { KnowledgeBase } from './rules/domain/rule.js';
import { loadKnowledgeBase } from './rules/domain/rules.load.js';
import { createRuleSearch } from './rules/domain/rules.search.js';
import type { Logger } from './platform/log.js';
import { fromRoot } from './platform/paths.js';
import {
  createApprovalRepository,
  createRegisterRepository,
} from './approvals/approval.repository.js';
import { createAuditRepository, type AuditRepository } from './org/audit.repository.js';
import { openDatabase, type Db } from './platform/db/dialect.js';
import { createIncidentRepository } from './incidents/incident.repository.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createOutboxRepository, type OutboxRepository } from './outbox/outbox.repository.js';
import { createPersonRepository, type PersonRepository } from './org/person.repository.js';
import { createLiveRegister, type LiveRegister } from './org/register.live.js';
import { createRulesQuestionRepository } from './rules/rules-question.repository.js';
import { createOutboxAdapter } from './platform/teams/adapter.js';
import { createApprovalNotifier } from './approvals/approval.notifier.js';
import type { Services } from './platform/teams/handler-context.js';
import { createIncidentNotifier } from './incidents/incident.notifier.js';
import {
  createOutboxSender,
  type OutboxSender,
  type OutboxSenderOptions,
} from './outbox/outbox.sender.js';
import { createBotFrameworkTransport, type Transport } from './outbox/proactive.transport.js';
import { createReminderServices } from './reminders/reminder.services.js';

/** Teams' global service URL, used to open a chat before any activity from the tenant was seen. */
const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Everything the server and the command-line tools share: files read, database open, outbox ready. */
export interface Core {
  baseOrg: Organisation;
  knowledgeBase: KnowledgeBase;
  db: Db;
  /** The organisation file plus what concluded approvals changed; read `register.current` each time. */
  register: LiveRegister;
  people: PersonRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
  sender: OutboxSender;
  notify: Services['notify'];
}

export interface CoreOptions {
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
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const outboxClock = options.outboxClock ?? systemClock;
  const register = await createLiveRegister(baseOrg, createRegisterRepository(db.kysely));
  const people = createPersonRepository(db.kysely);
  const outbox = createOutboxRepository(db.kysely);
  const sender = createOutboxSender({
    outbox,
    people,
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
      fallbackServiceUrl: TEAMS_SERVICE_URL,
      ...options.outbox,
    },
  });
  return {
    baseOrg,
    knowledgeBase,
    db,
    register,
    people,
    outbox,
    audit: createAuditRepository(db.kysely),
    sender,
    async notify(message) {
      const added = await outbox.enqueue(message, outboxClock.now());
      if (added) sender.wake();
      return added;
    },
  };
}

/** The four features on top of the core, as handlers and schedulers use them. */
export async function createServices(
  core: Core,
  config: Config,
  clock: Clock,
  log: Logger,
): Promise<Services> {
  const { register, people, audit, notify, db, knowledgeBase } = core;
  const org = () => register.current;
  const incidentRepository = createIncidentRepository(db.kysely);
  const incidents: IncidentDeps = {
    incidents: incidentRepository,
    get org() {
      return org();
    },
    audit,
    clock,
    notifier: createIncidentNotifier({
      get org() {
        return org();
      },
      incidents: incidentRepository,
      people,
      audit,
      notify,
    }),
  };
  const approvals: ApprovalDeps = {
    approvals: createApprovalRepository(db.kysely),
    get org() {
      return org();
    },
    audit,
    clock,
    register,
    notifier: createApprovalNotifier({
      get org() {
        return org();
      },
      people,
      audit,
      clock,
      notify,
    }),
    limits: config.approvals,
  };
  const rules: Services['rules'] = {
    knowledgeBase,
    search: createRuleSearch(knowledgeBase),
    questions: createRulesQuestionRepository(db.kysely),
    get org() {
      return org();
    },
    audit,
  };
  const reminders = createReminderServices({
    db: db.kysely,
    config,
    org,
    people,
    audit,
    clock,
    knowledgeBase,
    notify,
  });
  await reminders.goals.goals.seed(core.baseOrg.goals ?? [], clock.now());
  return {
    config,
    get org() {
      return org();
    },
    people,
    audit,
    clock,
    log,
    notify,
    incidents,
    approvals,
    rules,
    reminders,
  };
}
