/**
 * What to do after one delivery attempt failed. Pure: the sender supplies the
 * status Teams answered and the attempt count; this decides.
 */

export type DeliveryDecision =
  | { kind: 'retry'; delayMs: number; reason: string }
  | { kind: 'unreachable'; reason: string }
  /** `transient`: the cause may clear (5xx, timeout): a later check may queue it again. */
  | { kind: 'give-up'; reason: string; transient: boolean };

export interface DeliveryFailure {
  /** HTTP status from the Bot Connector, or undefined for a network error. */
  status: number | undefined;
  /** Retry-After in milliseconds, when the answer carried one. */
  retryAfterMs: number | undefined;
  /** Attempts made so far, including the failed one. */
  attempts: number;
  /** The connector gave no answer within the call timeout (retried like a network error). */
  timedOut?: boolean;
  /**
   * The message's own deadline, when it has one: it is retried until then however many
   * attempts that takes, with the backoff growing to `maxDelayMs`.
   */
  deadlineAt?: Date;
  /** When the attempt failed; needed with `deadlineAt`. */
  now?: Date;
}

export interface DeliveryPolicyOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A number in [0, 1), for jitter; injected so tests are deterministic. */
  random: () => number;
}

const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);

export function decideAfterFailure(
  failure: DeliveryFailure,
  options: DeliveryPolicyOptions,
): DeliveryDecision {
  const { status } = failure;
  const label =
    status !== undefined
      ? `HTTP ${status}`
      : failure.timedOut
        ? 'no answer in time'
        : 'network error';
  if (status === 403 || status === 404) {
    // The user removed the app or the chat is gone: retrying only annoys Teams.
    return { kind: 'unreachable', reason: label };
  }
  const retryable = status === undefined || RETRYABLE.has(status);
  if (!retryable) return { kind: 'give-up', reason: `${label}, not retryable`, transient: false };
  const { deadlineAt, now } = failure;
  const untilDeadline =
    deadlineAt && now ? deadlineAt.getTime() - now.getTime() : Number.POSITIVE_INFINITY;
  if (deadlineAt) {
    if (untilDeadline <= 0) {
      return {
        kind: 'give-up',
        reason: `${label}, deadline passed after ${failure.attempts} attempts`,
        transient: true,
      };
    }
  } else if (failure.attempts >= options.maxAttempts) {
    return {
      kind: 'give-up',
      reason: `${label} after ${failure.attempts} attempts`,
      transient: true,
    };
  }
  let delayMs: number;
  if (failure.retryAfterMs !== undefined && failure.retryAfterMs >= 0) {
    delayMs = Math.min(failure.retryAfterMs, options.maxDelayMs);
  } else {
    // Exponential backoff with full jitter.
    const exponent = Math.min(failure.attempts - 1, 30);
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** exponent);
    delayMs = Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
  }
  // The last try is at the deadline itself, not after it.
  return { kind: 'retry', delayMs: Math.min(delayMs, untilDeadline), reason: label };
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}
