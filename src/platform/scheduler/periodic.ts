import type { Logger } from '../log.js';

export interface Periodic {
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs`, never two at once. What is due is decided from the
 * database by the task itself, so a missed tick is caught up by the next one.
 */
export function runPeriodically(
  name: string,
  intervalMs: number,
  task: () => Promise<unknown>,
  log: Logger,
): Periodic {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await task();
      } catch (error) {
        log.error({ err: error, task: name }, 'periodic task failed');
      }
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
