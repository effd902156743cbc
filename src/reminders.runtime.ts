import { openCore } from './composition.js';
import type { OrgDirectory } from './org/index.js';
import type { OutboxSender, Transport } from './outbox/index.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { Db } from './platform/db/dialect.js';
import type { Logger } from './platform/log.js';
import { createReminderDeps, type ReminderServices } from './reminders/index.js';

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
  const core = await openCore(config, { log, clock, transport: options.transport, outboxClock });
  const { db, register, sender } = core;
  const reminders = await createReminderDeps(core);
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
