import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the outbox says when `/metrics` is read (a real count, not a running tally). */
export interface OutboxGaugeSource {
  countByStatus(): Promise<Record<string, number>>;
  /** When the oldest message still waiting to be sent was queued. */
  oldestWaitingSince(): Promise<Date | undefined>;
}

/** Why an outbox attempt ended as it did, as `/metrics` counts it. */
export type SendOutcome =
  'sent' | 'sent-as-text' | 'retry' | 'throttled' | 'failed' | 'unreachable';

/**
 * The bot's Prometheus metrics, one registry per running app (tests run several in one
 * process). Labels hold fixed words only: verbs, reasons, activity types, never ids or text.
 */
export interface Metrics {
  registry: Registry;
  /** Activities handled, by type (message, invoke, …). */
  turns: Counter<'type'>;
  turnSeconds: Histogram<'type'>;
  /** Card clicks and commands refused (forbidden, not found, invalid, …). */
  refused: Counter<'verb' | 'reason'>;
  /** Requests turned away by the per-person limits. */
  limited: Counter<'what'>;
  outboxAttempts: Counter<'outcome'>;
  /** Reminder occurrences queued for sending, by kind (goal, measure, control, …) and lateness. */
  remindersSent: Counter<'kind' | 'late'>;
  /** Reads the outbox's counts at every scrape. */
  watchOutbox(source: OutboxGaugeSource, now: () => Date): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let outbox: { source: OutboxGaugeSource; now: () => Date } | undefined;

  new Gauge({
    name: 'itsak_outbox_messages',
    help: 'Outbox messages by status',
    labelNames: ['status'],
    registers,
    async collect() {
      if (!outbox) return;
      const counts = await outbox.source.countByStatus();
      for (const [status, n] of Object.entries(counts)) this.set({ status }, n);
    },
  });
  new Gauge({
    name: 'itsak_outbox_oldest_waiting_seconds',
    help: 'Age of the oldest outbox message not yet sent (0 when none waits)',
    registers,
    async collect() {
      if (!outbox) return;
      const since = await outbox.source.oldestWaitingSince();
      this.set(since ? Math.max(0, (outbox.now().getTime() - since.getTime()) / 1000) : 0);
    },
  });

  return {
    registry,
    turns: new Counter({
      name: 'itsak_turns_total',
      help: 'Activities handled, by type',
      labelNames: ['type'],
      registers,
    }),
    turnSeconds: new Histogram({
      name: 'itsak_turn_duration_seconds',
      help: 'Time to handle one activity, by type',
      labelNames: ['type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    refused: new Counter({
      name: 'itsak_actions_refused_total',
      help: 'Card actions refused, by verb and reason',
      labelNames: ['verb', 'reason'],
      registers,
    }),
    limited: new Counter({
      name: 'itsak_limited_total',
      help: 'Requests turned away by the per-person limits, by what was asked',
      labelNames: ['what'],
      registers,
    }),
    outboxAttempts: new Counter({
      name: 'itsak_outbox_attempts_total',
      help: 'Outbox delivery attempts, by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    remindersSent: new Counter({
      name: 'itsak_reminders_sent_total',
      help: 'Reminder occurrences queued for sending, by kind and whether they were late',
      labelNames: ['kind', 'late'],
      registers,
    }),
    watchOutbox(source, now) {
      outbox = { source, now };
    },
  };
}
