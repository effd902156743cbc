import cron from 'node-cron';
import type { Logger } from '../log.js';

export interface ReminderTicker {
  stop(): Promise<void>;
}

/**
 * node-cron drives the ticking in the organisation's time zone; each tick asks
 * the database what is due (the task), so a missed tick (downtime, a sleeping
 * laptop) is caught up by the next one, and a tick on two instances sends once.
 * The task also runs once at start, to catch up after downtime.
 */
export function startReminderTicker(
  expression: string,
  timeZone: string,
  task: () => Promise<unknown>,
  log: Logger,
): ReminderTicker {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = (): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await task();
      } catch (error) {
        log.error({ err: error, task: 'reminders' }, 'reminder tick failed');
      }
    });
    return running;
  };
  const scheduled = cron.schedule(expression, () => tick(), {
    timezone: timeZone,
    name: 'reminders',
    noOverlap: true,
    // node-cron logs to the console by default; the process log is pino's.
    logger: {
      info: (message) => log.debug({ task: 'reminders' }, message),
      debug: (message) => log.debug({ task: 'reminders' }, String(message)),
      warn: (message) => log.warn({ task: 'reminders' }, message),
      error: (message) => log.error({ task: 'reminders', err: message }, 'node-cron error'),
    },
  });
  void tick();
  return {
    async stop() {
      stopped = true;
      await scheduled.destroy();
      await running;
    },
  };
}
