import { ConfigError, type Config } from './platform/config.js';
import type { IncidentDeps, IncidentStore } from './incidents/domain/incident.service.js';
import type { ApprovalDeps, ApprovalStore } from './approvals/domain/approval.service.js';
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
import { createRulesNotifier } from './rules/rules.notifier.js';
import type { RulesStore } from './rules/domain/rules-question.service.js';
import type { UnitOfWork } from './platform/unit-of-work.js';
import { createCoreTransactions, type CoreTransaction } from './unit-of-work.js';

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
  /** Queues a message on its own, outside any unit of work, and wakes the sender. */
  notify: Services['notify'];
  /** Opens one transaction; what the work writes through it commits together. */
  transaction: UnitOfWork<CoreTransaction>;
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
    transaction: createCoreTransactions({ db: db.kysely, register, outboxClock, sender }),
  };
}

/** The four features on top of the core, as handlers and schedulers use them. */
export async function createServices(
  core: Core,
  config: Config,
  clock: Clock,
  log: Logger,
): Promise<Services> {
  const { register, people, audit, notify, db, knowledgeBase, transaction } = core;
  const org = () => register.current;
  // Outside a unit of work (reads, and messages that change no state) the core itself serves.
  const outside: CoreTransaction = {
    db: db.kysely,
    get org() {
      return org();
    },
    register,
    people,
    audit,
    notify,
  };

  const incidentStore = (tx: CoreTransaction): IncidentStore => {
    const incidentRepository = createIncidentRepository(tx.db);
    return {
      incidents: incidentRepository,
      audit: tx.audit,
      notifier: createIncidentNotifier({
        get org() {
          return tx.org;
        },
        incidents: incidentRepository,
        people: tx.people,
        audit: tx.audit,
        notify: tx.notify,
      }),
    };
  };
  const incidents: IncidentDeps = {
    ...incidentStore(outside),
    get org() {
      return org();
    },
    clock,
    unitOfWork: (work) => transaction((tx) => work(incidentStore(tx))),
  };

  const approvalStore = (tx: CoreTransaction): ApprovalStore => ({
    approvals: createApprovalRepository(tx.db),
    audit: tx.audit,
    register: tx.register,
    notifier: createApprovalNotifier({
      get org() {
        return tx.org;
      },
      people: tx.people,
      audit: tx.audit,
      clock,
      notify: tx.notify,
    }),
  });
  const approvals: ApprovalDeps = {
    ...approvalStore(outside),
    get org() {
      return org();
    },
    clock,
    limits: config.approvals,
    unitOfWork: (work) => transaction((tx) => work(approvalStore(tx))),
  };

  const rulesStore = (tx: CoreTransaction): RulesStore => {
    const questions = createRulesQuestionRepository(tx.db);
    return {
      questions,
      audit: tx.audit,
      notifier: createRulesNotifier({
        get org() {
          return tx.org;
        },
        knowledgeBase,
        questions,
        people: tx.people,
        notify: tx.notify,
      }),
    };
  };
  const rules: Services['rules'] = {
    ...rulesStore(outside),
    knowledgeBase,
    search: createRuleSearch(knowledgeBase),
    get org() {
      return org();
    },
    unitOfWork: (work) => transaction((tx) => work(rulesStore(tx))),
  };
  const reminders = createReminderServices({
    db: db.kysely,
    transaction,
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
