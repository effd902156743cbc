import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/outbox/domain/rate-limiter.js';

type Step =
  | ['reserve', string, number, number]
  | ['admit', string, number, number]
  | ['pause', string, number];

/** Global 10/s (a slot every 100 ms), per conversation 2/s (every 500 ms). */
const limits = { globalPerSecond: 10, perConversationPerSecond: 2 };

describe('the outbox rate limiter', () => {
  it.each<[string, Step[]]>([
    ['sends the first message at once', [['reserve', 'a', 0, 0]]],
    [
      'spaces messages to one conversation by its own interval',
      [
        ['reserve', 'a', 0, 0],
        ['reserve', 'a', 0, 500],
        ['reserve', 'a', 0, 1000],
      ],
    ],
    [
      'spaces messages to different conversations by the global interval',
      [
        ['reserve', 'a', 0, 0],
        ['reserve', 'b', 0, 100],
        ['reserve', 'c', 0, 200],
      ],
    ],
    [
      'counts the wait from the time asked',
      [
        ['reserve', 'a', 0, 0],
        ['reserve', 'a', 300, 200],
        ['reserve', 'b', 2000, 0],
      ],
    ],
    [
      'holds a paused conversation until the pause ends, not the others',
      [
        ['pause', 'a', 5000],
        ['reserve', 'b', 1000, 0],
        ['reserve', 'a', 1000, 4000],
      ],
    ],
    [
      'does not let a long pause of one conversation push back the others',
      [
        ['pause', 'a', 5000],
        ['reserve', 'a', 1000, 4000],
        ['reserve', 'b', 1000, 0],
        ['reserve', 'c', 1000, 100],
      ],
    ],
    [
      'fills the gap before a slot reserved ahead, keeping the global interval',
      [
        ['pause', 'a', 1200],
        ['reserve', 'a', 1000, 200],
        ['reserve', 'b', 1000, 0],
        ['reserve', 'c', 1000, 100],
        ['reserve', 'd', 1000, 300],
      ],
    ],
    [
      'does not shorten a wait by a shorter pause',
      [
        ['reserve', 'a', 0, 0],
        ['reserve', 'a', 0, 500],
        ['pause', 'a', 100],
        ['reserve', 'a', 0, 1000],
      ],
    ],
    [
      'spaces the real starts of planned sends that woke late together',
      [
        ['reserve', 'a', 0, 0],
        ['reserve', 'b', 0, 100],
        ['reserve', 'c', 0, 200],
        // The process was busy until 700: all three wake at once.
        ['admit', 'a', 700, 0],
        ['admit', 'b', 700, 100],
        ['admit', 'c', 700, 100],
        ['admit', 'b', 800, 0],
        ['admit', 'c', 800, 100],
        ['admit', 'c', 900, 0],
      ],
    ],
    [
      'keeps a conversation’s own interval between real starts',
      [
        ['admit', 'a', 0, 0],
        ['admit', 'a', 100, 400],
        ['admit', 'b', 100, 0],
        ['admit', 'a', 500, 0],
      ],
    ],
    [
      'admits nothing to a paused conversation before its pause ends',
      [
        ['pause', 'a', 3000],
        ['admit', 'a', 1000, 2000],
        ['admit', 'b', 1000, 0],
        ['admit', 'a', 3000, 0],
      ],
    ],
  ])('%s', (_, steps) => {
    const limiter = createRateLimiter(limits);
    for (const step of steps) {
      if (step[0] === 'pause') limiter.pause(step[1], step[2]);
      else expect(limiter[step[0]](step[1], step[2]), `${step.join(' ')}`).toBe(step[3]);
    }
  });
});
