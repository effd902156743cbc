import type { Activity, ConversationReference } from 'botbuilder';
import type { Clock } from '../platform/clock.js';
import { decideAfterFailure, parseRetryAfter } from './domain/delivery.policy.js';
import { createRateLimiter } from './domain/rate-limiter.js';
import type { Logger } from '../platform/log.js';
import type { OutboxRow } from '../platform/db/database.js';
import type { OutboxRepository } from './outbox.repository.js';
import type { PersonRepository } from '../org/index.js';
import { DeliveryError, type Transport } from './proactive.transport.js';

export interface OutboxSenderOptions {
  ratePerSecond: number;
  perConversationPerSecond: number;
  maxAttempts: number;
  pollIntervalMs: number;
  /** Where to create chats when no activity from the tenant has been seen yet. */
  fallbackServiceUrl: string;
  leaseMs?: number;
  baseRetryDelayMs?: number;
  maxRetryDelayMs?: number;
}

export interface OutboxSenderDeps {
  outbox: OutboxRepository;
  people: PersonRepository;
  transport: Transport;
  clock: Clock;
  log: Logger;
  options: OutboxSenderOptions;
  random?: () => number;
}

export interface OutboxSender {
  start(): void;
  /** Stops claiming, hands back untried messages, and waits for attempts under way. */
  stop(): Promise<void>;
  /** Something was enqueued: look now rather than at the next poll. */
  wake(): void;
  /** Resolves when nothing is pending or being sent (failed and unreachable messages stay). */
  drain(timeoutMs?: number): Promise<void>;
  /**
   * Resolves once this sender has looked for due messages after the call and found
   * none, with nothing of its own in flight; later retries do not count. Rejects
   * after `timeoutMs`, or if the sender is not running or stops first.
   */
  whenIdle(timeoutMs?: number): Promise<void>;
}

class Stopped extends Error {}

export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const { outbox, people, transport, clock, log, options } = deps;
  const limiter = createRateLimiter({
    globalPerSecond: options.ratePerSecond,
    perConversationPerSecond: options.perConversationPerSecond,
  });
  const policy = {
    maxAttempts: options.maxAttempts,
    baseDelayMs: options.baseRetryDelayMs ?? 1000,
    maxDelayMs: options.maxRetryDelayMs ?? 5 * 60_000,
    random: deps.random ?? Math.random,
  };
  // A short lease, renewed while this sender lives: a crashed sender's messages are
  // taken over within seconds instead of minutes, and a slow attempt keeps its lease.
  const leaseMs = options.leaseMs ?? 15_000;
  const held = new Set<string>();
  let heartbeat: NodeJS.Timeout | undefined;
  // Claim about two seconds of work at a time so a crash strands little behind a lease.
  const batchSize = Math.max(10, Math.ceil(options.ratePerSecond * 2));

  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let wakeUp: (() => void) | undefined;
  const stopWaiters = new Set<() => void>();
  // Callers of whenIdle, each settled by the first empty claim that began after it asked.
  const idleWaiters = new Set<{ resolve: () => void; reject: (error: Error) => void }>();

  function sleep(ms: number, interruptible: 'on-wake' | 'on-stop'): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        stopWaiters.delete(onStop);
        if (wakeUp === done) wakeUp = undefined;
        resolve();
      }
      function onStop(): void {
        clearTimeout(timer);
        stopWaiters.delete(onStop);
        if (interruptible === 'on-stop') reject(new Stopped());
        else resolve();
      }
      stopWaiters.add(onStop);
      if (interruptible === 'on-wake') wakeUp = done;
    });
  }

  async function deliver(row: OutboxRow): Promise<void> {
    const person = await people.find(row.recipient_aad_object_id);
    if (person?.unreachableAt) {
      await outbox.markUnreachable(row.id, 'recipient is unreachable (app removed)', clock.now());
      return;
    }
    const conversationKey = person?.conversationId ?? `new:${row.recipient_aad_object_id}`;
    const wait = limiter.reserve(conversationKey, Date.now());
    if (wait > 0) await sleep(wait, 'on-stop');
    const serviceUrl =
      person?.serviceUrl ??
      (await people.latestServiceUrl(row.tenant_id)) ??
      options.fallbackServiceUrl;
    const reference = person?.conversationReference
      ? (JSON.parse(person.conversationReference) as Partial<ConversationReference>)
      : null;
    try {
      await transport.deliver(
        {
          aadObjectId: row.recipient_aad_object_id,
          tenantId: row.tenant_id,
          conversationReference: reference,
          serviceUrl,
        },
        JSON.parse(row.activity) as Partial<Activity>,
        (created) =>
          people.saveConversation(row.recipient_aad_object_id, row.tenant_id, created, clock.now()),
      );
      await outbox.markSent(row.id, clock.now());
    } catch (error) {
      await onFailure(row, conversationKey, error);
    }
  }

  async function onFailure(row: OutboxRow, conversationKey: string, error: unknown): Promise<void> {
    const now = clock.now();
    const status = error instanceof DeliveryError ? error.status : undefined;
    const retryAfterMs =
      error instanceof DeliveryError ? parseRetryAfter(error.retryAfter, now) : undefined;
    const decision = decideAfterFailure({ status, retryAfterMs, attempts: row.attempts }, policy);
    log.warn(
      { outboxId: row.id, status, attempts: row.attempts, decision: decision.kind },
      'outbox delivery failed',
    );
    switch (decision.kind) {
      case 'retry':
        if (status === 429) limiter.pause(conversationKey, Date.now() + decision.delayMs);
        await outbox.reschedule(
          row.id,
          new Date(now.getTime() + decision.delayMs),
          decision.reason,
          now,
        );
        return;
      case 'unreachable':
        await people.markUnreachable(row.recipient_aad_object_id, decision.reason, now);
        await outbox.markUnreachable(row.id, decision.reason, now);
        return;
      case 'give-up':
        await outbox.markFailed(row.id, decision.reason, now);
        return;
    }
  }

  async function renewLeases(): Promise<void> {
    if (held.size === 0) return;
    const now = clock.now();
    try {
      await outbox.renewLeases([...held], new Date(now.getTime() + leaseMs), now);
    } catch (error) {
      log.error({ err: error }, 'outbox: could not renew leases');
    }
  }

  async function deliverOrRelease(row: OutboxRow): Promise<void> {
    held.add(row.id);
    try {
      await deliver(row);
    } catch (error) {
      if (error instanceof Stopped) {
        await outbox.release(row.id, clock.now());
        return;
      }
      log.error({ err: error, outboxId: row.id }, 'outbox: unexpected error');
      await outbox.reschedule(
        row.id,
        new Date(clock.now().getTime() + policy.baseDelayMs),
        'internal error',
        clock.now(),
      );
    } finally {
      held.delete(row.id);
    }
  }

  async function loop(): Promise<void> {
    while (running) {
      try {
        const askedBefore = [...idleWaiters];
        const batch = await outbox.claimDue(clock.now(), leaseMs, batchSize);
        if (batch.length > 0) {
          await Promise.all(batch.map(deliverOrRelease));
          continue;
        }
        for (const waiter of askedBefore) {
          idleWaiters.delete(waiter);
          waiter.resolve();
        }
        // Someone asked while this round was claiming: look again for them at once.
        if (idleWaiters.size > 0) continue;
        const next = await outbox.nextDueAt();
        const untilNext = next ? next.getTime() - clock.now().getTime() : options.pollIntervalMs;
        await sleep(Math.max(10, Math.min(options.pollIntervalMs, untilNext)), 'on-wake');
      } catch (error) {
        log.error({ err: error }, 'outbox loop error');
        await sleep(options.pollIntervalMs, 'on-wake');
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      heartbeat = setInterval(() => void renewLeases(), Math.max(10, Math.floor(leaseMs / 3)));
      heartbeat.unref();
      loopDone = loop();
    },
    async stop() {
      running = false;
      clearInterval(heartbeat);
      for (const waiter of [...stopWaiters]) waiter();
      await loopDone;
      for (const waiter of [...idleWaiters]) {
        idleWaiters.delete(waiter);
        waiter.reject(new Error('the outbox sender stopped before it was idle'));
      }
    },
    wake() {
      wakeUp?.();
    },
    async drain(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const counts = await outbox.countByStatus();
        if (counts.pending === 0 && counts.sending === 0) return;
        if (Date.now() > deadline) throw new Error(`outbox not drained after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    whenIdle(timeoutMs = 10_000) {
      if (!running) return Promise.reject(new Error('the outbox sender is not running'));
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          idleWaiters.delete(waiter);
          reject(new Error(`outbox sender not idle after ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = {
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
          reject: (error: Error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        idleWaiters.add(waiter);
        wakeUp?.();
      });
    },
  };
}
