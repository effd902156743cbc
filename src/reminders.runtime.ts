import type { Config } from './config.js';
import { systemClock, type Clock } from './domain/clock.js';
import type { OrgDirectory } from './domain/org/org.directory.js';
import { loadOrganisationFile } from './domain/org/org.load.js';
import { loadKnowledgeBase } from './domain/rules/rules.load.js';
import type { Logger } from './log.js';
import { fromRoot } from './paths.js';
import { createRegisterRepository } from './store/approval.repository.js';
import { createAuditRepository } from './store/audit.repository.js';
import { openDatabase, type Db } from './store/dialect.js';
import { migrateToLatest } from './store/migrate.js';
import { createOutboxRepository } from './store/outbox.repository.js';
import { createPersonRepository } from './store/person.repository.js';
import { createLiveRegister } from './store/register.live.js';
import { createOutboxAdapter } from './teams/adapter.js';
import { createOutboxSender, type OutboxSender } from './teams/outbox.sender.js';
import { createBotFrameworkTransport, type Transport } from './teams/proactive.transport.js';
import { createReminderServices, type ReminderServices } from './teams/reminder.services.js';

/** Teams' global service URL, used to open a chat before any activity from the tenant was seen. */
const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/**
 * The reminders feature without the HTTP server, for `npm run reminders`: the
 * same database, register, outbox and Bot Framework credentials as the server
 * (it reads the same .env), so what it sends is what the server would send.
 */
export interface ReminderRuntime {
  db: Db;
  org: () => OrgDirectory;
  reminders: ReminderServices;
  sender: OutboxSender;
  /** Outbox messages still to send now or within `withinMs` (pending or being sent). */
  unfinished(withinMs: number): Promise<number>;
  close(): Promise<void>;
}

export async function openReminderRuntime(
  config: Config,
  options: {
    /** What is due is decided at this clock's time (`run --at`). */
    clock: Clock;
    /** The outbox runs on real time: enqueued now, retried and leased on the wall clock. */
    outboxClock?: Clock;
    log: Logger;
    transport?: Transport;
  },
): Promise<ReminderRuntime> {
  const { clock, log } = options;
  const outboxClock = options.outboxClock ?? systemClock;
  const baseOrg = loadOrganisationFile(config.orgFile);
  const knowledgeBase = loadKnowledgeBase(fromRoot('content', 'anvandare'));
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.close();
    throw error;
  }
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
    log,
    options: {
      ratePerSecond: config.outbox.ratePerSecond,
      perConversationPerSecond: config.outbox.perConversationPerSecond,
      maxAttempts: config.outbox.maxAttempts,
      pollIntervalMs: config.outbox.pollIntervalMs,
      fallbackServiceUrl: TEAMS_SERVICE_URL,
    },
  });
  const reminders = createReminderServices({
    db: db.kysely,
    config,
    org: () => register.current,
    people,
    audit: createAuditRepository(db.kysely),
    clock,
    knowledgeBase,
    notify: async (message) => {
      const added = await outbox.enqueue(message, outboxClock.now());
      if (added) sender.wake();
      return added;
    },
  });
  await reminders.goals.goals.seed(baseOrg.goals ?? [], clock.now());
  return {
    db,
    org: () => register.current,
    reminders,
    sender,
    async unfinished(withinMs) {
      const horizon = new Date(outboxClock.now().getTime() + withinMs).toISOString();
      const row = await db.kysely
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where((eb) =>
          eb.or([
            eb('status', '=', 'sending'),
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', horizon)]),
          ]),
        )
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      await sender.stop();
      await db.close();
    },
  };
}
