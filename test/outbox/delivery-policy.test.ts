import { describe, expect, it } from 'vitest';
import {
  decideAfterFailure,
  parseRetryAfter,
  type DeliveryDecision,
  type DeliveryFailure,
} from '../../src/outbox/domain/delivery.policy.js';

const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000, random: () => 0.5 };
const failure = (
  status: number | undefined,
  attempts = 1,
  retryAfterMs?: number,
): DeliveryFailure => ({
  status,
  attempts,
  retryAfterMs,
});

describe('what the outbox does after a failed delivery', () => {
  it.each<[string, DeliveryFailure, DeliveryDecision]>([
    ['403: the person removed the app', failure(403), { kind: 'unreachable', reason: 'HTTP 403' }],
    ['404: the chat is gone', failure(404, 4), { kind: 'unreachable', reason: 'HTTP 404' }],
    [
      '400 is not retried',
      failure(400),
      { kind: 'give-up', reason: 'HTTP 400, not retryable', transient: false },
    ],
    [
      '401 is not retried',
      failure(401),
      { kind: 'give-up', reason: 'HTTP 401, not retryable', transient: false },
    ],
    [
      '429 waits as long as Retry-After says',
      failure(429, 1, 3000),
      { kind: 'retry', delayMs: 3000, reason: 'HTTP 429' },
    ],
    [
      'Retry-After is capped at the longest delay',
      failure(429, 1, 3_600_000),
      { kind: 'retry', delayMs: 60_000, reason: 'HTTP 429' },
    ],
    [
      '503 backs off: first retry ¾ of the base delay with this jitter',
      failure(503, 1),
      { kind: 'retry', delayMs: 750, reason: 'HTTP 503' },
    ],
    [
      '502 backs off exponentially',
      failure(502, 3),
      { kind: 'retry', delayMs: 3000, reason: 'HTTP 502' },
    ],
    ['412 is retried', failure(412, 2), { kind: 'retry', delayMs: 1500, reason: 'HTTP 412' }],
    [
      'a call that got no answer in time is retried like a network error',
      { ...failure(undefined, 2), timedOut: true },
      { kind: 'retry', delayMs: 1500, reason: 'no answer in time' },
    ],
    [
      'a network error is retried',
      failure(undefined, 1),
      { kind: 'retry', delayMs: 750, reason: 'network error' },
    ],
    [
      '500 gives up after the last attempt',
      failure(500, 5),
      { kind: 'give-up', reason: 'HTTP 500 after 5 attempts', transient: true },
    ],
    [
      'a network error gives up after the last attempt',
      failure(undefined, 6),
      { kind: 'give-up', reason: 'network error after 6 attempts', transient: true },
    ],
  ])('%s', (_, given, expected) => {
    expect(decideAfterFailure(given, policy)).toEqual(expected);
  });

  it.each([
    [0, 500],
    [0.999, 1000],
  ])(
    'keeps backoff jitter within half to all of the delay (random %s → %s ms)',
    (draw, delayMs) => {
      const random = () => draw;
      expect(decideAfterFailure(failure(503), { ...policy, random })).toMatchObject({ delayMs });
    },
  );

  it('never waits longer than the longest delay, however many attempts', () => {
    expect(decideAfterFailure(failure(503, 30), { ...policy, maxAttempts: 50 })).toMatchObject({
      delayMs: 45_000,
    });
  });
});

describe('a message with a deadline of its own', () => {
  const now = new Date('2026-11-30T09:00:00Z');
  const withDeadline = (attempts: number, minutesLeft: number): DeliveryFailure => ({
    ...failure(503, attempts),
    now,
    deadlineAt: new Date(now.getTime() + minutesLeft * 60_000),
  });

  it('is retried past the usual number of attempts while its deadline is ahead', () => {
    expect(decideAfterFailure(withDeadline(40, 120), policy)).toEqual({
      kind: 'retry',
      delayMs: 45_000,
      reason: 'HTTP 503',
    });
  });

  it('is tried a last time at its deadline, not after it', () => {
    expect(decideAfterFailure(withDeadline(12, 0.5), policy)).toMatchObject({
      kind: 'retry',
      delayMs: 30_000,
    });
  });

  it('is given up once its deadline has passed, as a failure that may clear', () => {
    expect(decideAfterFailure(withDeadline(12, 0), policy)).toEqual({
      kind: 'give-up',
      reason: 'HTTP 503, deadline passed after 12 attempts',
      transient: true,
    });
  });

  it('is not retried when Teams refuses it, deadline or not', () => {
    expect(decideAfterFailure({ ...withDeadline(1, 60), status: 400 }, policy)).toEqual({
      kind: 'give-up',
      reason: 'HTTP 400, not retryable',
      transient: false,
    });
  });
});

describe('reading Retry-After', () => {
  const now = new Date('2026-11-30T09:00:00Z');
  it.each<[string | null | undefined, number | undefined]>([
    ['2', 2000],
    ['0.5', 500],
    [' 10 ', 10_000],
    ['Mon, 30 Nov 2026 09:00:30 GMT', 30_000],
    ['Mon, 30 Nov 2026 08:59:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%j → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
