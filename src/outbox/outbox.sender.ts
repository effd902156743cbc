import type { Activity, ConversationReference } from 'botbuilder';
import type { Clock } from '../platform/clock.js';
import { decideAfterFailure, parseRetryAfter } from './domain/delivery.policy.js';
import { createRateLimiter } from './domain/rate-limiter.js';
import type { Logger } from '../platform/log.js';
import type { OutboxRow } from '../platform/db/database.js';
import type { OutboxRepository } from './outbox.repository.js';
import type { PersonRepository } from '../org/index.js';
import { DeliveryError, type Transport } from './proactive.transport.js';
import { hasAttachments, isTooLargeForTeams, plainLine } from '../platform/teams/card-budget.js';
import { tooLargeFallbackText } from './too-large.fallback.js';
import type { SendOutcome } from '../platform/metrics.js';

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
  /** A connector call with no answer after this long is a failed, retryable attempt (15 s). */
  callTimeoutMs?: number;
  /** Messages in flight at once, each waiting for its own slot and answer (8). */
  concurrency?: number;
  /** How long stop() waits for calls under way before it abandons them to their leases (5 s). */
  stopTimeoutMs?: number;
}

export interface OutboxSenderDeps {
  outbox: OutboxRepository;
  people: PersonRepository;
  transport: Transport;
  clock: Clock;
  log: Logger;
  options: OutboxSenderOptions;
  random?: () => number;
  /** Counts each attempt's outcome (`/metrics`). */
  counted?: (outcome: SendOutcome) => void;
  /** True when a failed database call found the database out of reach (already logged, once). */
  isDatabaseOutage?: (error: unknown) => boolean;
}

export interface OutboxSender {
  start(): void;
  /**
   * Stops claiming, hands back untried messages, and waits for attempts under way,
   * at most `stopTimeoutMs`: calls still unanswered then are abandoned, and their
   * messages are taken over by a sender once their leases run out.
   */
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
/** stop() gave up waiting for this attempt: it must not touch the database any more. */
class Abandoned extends Error {}
/** Teams throttled the chat while the message waited its turn: it waits in the database. */
class Parked extends Error {
  constructor(readonly pausedMs: number) {
    super('conversation paused');
  }
}

/** One message being sent by this sender. */
interface Attempt {
  row: OutboxRow;
  controller: AbortController;
  abandoned: boolean;
}

/**
 * A conversation Teams paused for longer than this is not waited for in memory: its
 * messages go back to the database until the pause ends, and free their place.
 */
const MAX_HOLD_MS = 1000;

export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const { outbox, people, transport, clock, log, options } = deps;
  const counted = deps.counted ?? (() => undefined);
  /** Logs an error, unless it is the database being out of reach, which is said once elsewhere. */
  const logError = (error: unknown, fields: Record<string, unknown>, message: string) => {
    if (!deps.isDatabaseOutage?.(error)) log.error({ err: error, ...fields }, message);
  };
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
  const callTimeoutMs = options.callTimeoutMs ?? 15_000;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const stopTimeoutMs = options.stopTimeoutMs ?? 5000;
  const held = new Set<string>();
  let heartbeat: NodeJS.Timeout | undefined;
  // Attempts under way. The loop claims only as many messages as there are free places,
  // so a crash strands little behind a lease and one slow call holds back only itself.
  const inFlight = new Map<Attempt, Promise<void>>();

  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let wakeUp: (() => void) | undefined;
  // A wake that came while the loop was not sleeping: its next sleep returns at once.
  let woken = false;
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
      if (interruptible === 'on-wake') {
        if (woken) done();
        else wakeUp = done;
      }
    });
  }

  function signalWake(): void {
    if (wakeUp) wakeUp();
    else woken = true;
  }

  /** The call, or a retryable DeliveryError once it has had no answer for `callTimeoutMs`. */
  function withTimeout(attempt: Attempt, call: Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      const { signal } = attempt.controller;
      const timer = setTimeout(() => {
        reject(
          new DeliveryError(`no answer within ${callTimeoutMs} ms`, undefined, undefined, true),
        );
        attempt.controller.abort();
      }, callTimeoutMs);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(new Abandoned());
        },
        { once: true },
      );
      call.then(
        () => {
          clearTimeout(timer);
          resolve();
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  async function deliver(attempt: Attempt): Promise<void> {
    const { row } = attempt;
    const goOn = (): void => {
      if (attempt.abandoned) throw new Abandoned();
      if (!running) throw new Stopped();
    };
    const person = await people.find(row.recipient_aad_object_id);
    goOn();
    if (person?.unreachableAt) {
      await outbox.markUnreachable(row.id, 'recipient is unreachable (app removed)', clock.now());
      return;
    }
    const conversationKey = person?.conversationId ?? `new:${row.recipient_aad_object_id}`;
    const paused = limiter.pausedFor(conversationKey, Date.now());
    if (paused > MAX_HOLD_MS) {
      // Teams throttled this chat: the message waits in the database, untried, and the
      // place it held goes to someone else's message.
      const now = clock.now();
      await outbox.release(row.id, now, new Date(now.getTime() + paused));
      return;
    }
    const serviceUrl =
      person?.serviceUrl ??
      (await people.latestServiceUrl(row.tenant_id)) ??
      options.fallbackServiceUrl;
    const activity = withSummaryAsText(JSON.parse(row.activity) as Partial<Activity>);
    try {
      await send(attempt, conversationKey, serviceUrl, person, activity, goOn);
    } catch (error) {
      if (error instanceof Abandoned || attempt.abandoned) throw new Abandoned();
      if (error instanceof Parked) {
        const now = clock.now();
        await outbox.release(row.id, now, new Date(now.getTime() + error.pausedMs));
        return;
      }
      if (isTooLargeForTeams(error) && hasAttachments(activity)) {
        await sendInstead(attempt, conversationKey, serviceUrl, activity, goOn);
        return;
      }
      await onFailure(row, conversationKey, error);
      return;
    }
    if (attempt.abandoned) throw new Abandoned();
    await outbox.markSent(row.id, clock.now());
    counted('sent');
  }

  /** One call to the connector, in the conversation's turn. */
  async function send(
    attempt: Attempt,
    conversationKey: string,
    serviceUrl: string,
    person: Awaited<ReturnType<PersonRepository['find']>>,
    activity: Partial<Activity>,
    goOn: () => void,
  ): Promise<void> {
    const { row } = attempt;
    // Teams may throttle the chat while this message waits its turn (the one before it
    // got a long 429): then it goes back to the database instead of holding its place.
    const notParked = (): void => {
      const paused = limiter.pausedFor(conversationKey, Date.now());
      if (paused > MAX_HOLD_MS) throw new Parked(paused);
    };
    const wait = limiter.reserve(conversationKey, Date.now());
    if (wait > 0) await sleep(wait, 'on-stop');
    goOn();
    notParked();
    // Woken late on a busy machine, planned sends would go out together: each really
    // starts an interval after the one before.
    for (let late = limiter.admit(conversationKey, Date.now()); late > 0;) {
      await sleep(Math.min(late, MAX_HOLD_MS), 'on-stop');
      goOn();
      notParked();
      late = limiter.admit(conversationKey, Date.now());
    }
    goOn();
    const reference = person?.conversationReference
      ? (JSON.parse(person.conversationReference) as Partial<ConversationReference>)
      : null;
    await withTimeout(
      attempt,
      transport.deliver(
        {
          aadObjectId: row.recipient_aad_object_id,
          tenantId: row.tenant_id,
          conversationReference: reference,
          serviceUrl,
        },
        activity,
        (created) =>
          people.saveConversation(row.recipient_aad_object_id, row.tenant_id, created, clock.now()),
        attempt.controller.signal,
      ),
    );
  }

  /**
   * Teams refused the card as too large (413): a short text goes instead, saying what it
   * was and where to see it, and the message counts as sent. Retrying the card would only
   * be refused again, and a deadline reminder must not be lost to its size.
   */
  async function sendInstead(
    attempt: Attempt,
    conversationKey: string,
    serviceUrl: string,
    refused: Partial<Activity>,
    goOn: () => void,
  ): Promise<void> {
    const { row } = attempt;
    // The refused attempt may have created the chat: send into that one.
    const person = await people.find(row.recipient_aad_object_id);
    goOn();
    const text = tooLargeFallbackText(row, refused, person?.locale ?? null);
    try {
      await send(attempt, conversationKey, serviceUrl, person, { type: 'message', text }, goOn);
    } catch (error) {
      if (error instanceof Abandoned || attempt.abandoned) throw new Abandoned();
      await onFailure(row, conversationKey, error);
      return;
    }
    if (attempt.abandoned) throw new Abandoned();
    log.warn({ outboxId: row.id, purpose: row.purpose }, 'outbox: card too large, sent as text');
    await outbox.markSentAsFallback(row.id, 'HTTP 413, sent as a short text', clock.now());
    counted('sent-as-text');
  }

  async function onFailure(row: OutboxRow, conversationKey: string, error: unknown): Promise<void> {
    const now = clock.now();
    const status = error instanceof DeliveryError ? error.status : undefined;
    const retryAfterMs =
      error instanceof DeliveryError ? parseRetryAfter(error.retryAfter, now) : undefined;
    const timedOut = error instanceof DeliveryError && error.timedOut;
    const decision = decideAfterFailure(
      {
        status,
        retryAfterMs,
        attempts: row.attempts,
        timedOut,
        deadlineAt: row.deadline_at ? new Date(row.deadline_at) : undefined,
        now,
      },
      policy,
    );
    log.warn(
      { outboxId: row.id, status, attempts: row.attempts, decision: decision.kind },
      'outbox delivery failed',
    );
    switch (decision.kind) {
      case 'retry':
        counted(status === 429 ? 'throttled' : 'retry');
        if (status === 429) limiter.pause(conversationKey, Date.now() + decision.delayMs);
        await outbox.reschedule(
          row.id,
          new Date(now.getTime() + decision.delayMs),
          decision.reason,
          now,
        );
        return;
      case 'unreachable':
        counted('unreachable');
        await people.markUnreachable(row.recipient_aad_object_id, decision.reason, now);
        await outbox.markUnreachable(row.id, decision.reason, now);
        return;
      case 'give-up':
        counted('failed');
        await outbox.markFailed(row.id, decision.reason, now, decision.transient);
        return;
    }
  }

  async function renewLeases(): Promise<void> {
    if (held.size === 0) return;
    const now = clock.now();
    try {
      await outbox.renewLeases([...held], new Date(now.getTime() + leaseMs), now);
    } catch (error) {
      logError(error, {}, 'outbox: could not renew leases');
    }
  }

  async function deliverOrRelease(attempt: Attempt): Promise<void> {
    const { row } = attempt;
    try {
      await deliver(attempt);
    } catch (error) {
      // Left to its lease: another sender (or this one, restarted) takes it over.
      if (error instanceof Abandoned || attempt.abandoned) return;
      if (error instanceof Stopped) {
        await outbox.release(row.id, clock.now());
        return;
      }
      logError(error, { outboxId: row.id }, 'outbox: unexpected error');
      await outbox.reschedule(
        row.id,
        new Date(clock.now().getTime() + policy.baseDelayMs),
        'internal error',
        clock.now(),
      );
    }
  }

  function launch(row: OutboxRow): void {
    const attempt: Attempt = { row, controller: new AbortController(), abandoned: false };
    held.add(row.id);
    const done = deliverOrRelease(attempt)
      .catch((error: unknown) => logError(error, { outboxId: row.id }, 'outbox: lost'))
      .finally(() => {
        held.delete(row.id);
        inFlight.delete(attempt);
        // A place is free (and perhaps the sender is idle): the loop looks again.
        signalWake();
      });
    inFlight.set(attempt, done);
  }

  async function loop(): Promise<void> {
    while (running) {
      try {
        woken = false;
        const askedBefore = [...idleWaiters];
        const free = concurrency - inFlight.size;
        if (free <= 0) {
          await sleep(options.pollIntervalMs, 'on-wake');
          continue;
        }
        const batch = await outbox.claimDue(clock.now(), leaseMs, free);
        if (!running) {
          for (const row of batch) await outbox.release(row.id, clock.now());
          break;
        }
        for (const row of batch) launch(row);
        if (batch.length > 0) continue;
        if (inFlight.size === 0) {
          for (const waiter of askedBefore) {
            idleWaiters.delete(waiter);
            waiter.resolve();
          }
          // Someone asked while this round was claiming: look again for them at once.
          if (idleWaiters.size > 0) continue;
        }
        const next = await outbox.nextDueAt();
        const untilNext = next ? next.getTime() - clock.now().getTime() : options.pollIntervalMs;
        await sleep(Math.max(10, Math.min(options.pollIntervalMs, untilNext)), 'on-wake');
      } catch (error) {
        logError(error, {}, 'outbox loop error');
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
      const settled = Promise.all([loopDone, ...inFlight.values()]).then(() => true);
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), stopTimeoutMs);
      });
      const finished = await Promise.race([settled, bound]);
      clearTimeout(timer);
      if (!finished) {
        log.warn(
          { abandoned: inFlight.size, stopTimeoutMs },
          'outbox: stopped with calls unanswered; their leases will run out',
        );
        for (const attempt of inFlight.keys()) {
          attempt.abandoned = true;
          attempt.controller.abort();
        }
      }
      for (const waiter of [...idleWaiters]) {
        idleWaiters.delete(waiter);
        waiter.reject(new Error('the outbox sender stopped before it was idle'));
      }
    },
    wake() {
      signalWake();
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
        signalWake();
      });
    },
  };
}

/**
 * A card's `summary` is what the activity feed and most lock screens show; some phones
 * show only the message's text, and without one say that the bot "sent a card". The
 * summary also goes out as the text (one plain line, nothing Teams would read as markup).
 */
function withSummaryAsText(activity: Partial<Activity>): Partial<Activity> {
  if (!hasAttachments(activity) || activity.text || typeof activity.summary !== 'string')
    return activity;
  const text = plainLine(activity.summary);
  return text ? { ...activity, text } : activity;
}
