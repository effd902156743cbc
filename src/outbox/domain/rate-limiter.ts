/**
 * Spaces sends so the bot stays under the Teams limits: a global rate for the
 * app and tenant, and a per-conversation rate. Each reservation gets the
 * earliest slot that respects both; the caller waits until then.
 *
 * The global slots are kept as a list rather than a single "next free" time: a
 * conversation that Teams paused gets a slot far ahead, and the conversations
 * behind it still get the free slots before it (one paused chat holds back no one).
 */
export interface RateLimiter {
  /** Milliseconds to wait before sending to this conversation; the slot is taken. */
  reserve(conversationKey: string, nowMs: number): number;
  /** Teams said 429 for this conversation: nothing goes there before `untilMs`. */
  pause(conversationKey: string, untilMs: number): void;
  /** Milliseconds this conversation stays paused by Teams (0 when it is not). */
  pausedFor(conversationKey: string, nowMs: number): number;
  /**
   * Just before the send: 0 when it may start now (and its start is recorded), or the
   * milliseconds to wait. A reservation is a plan; when the process was busy and several
   * planned sends wake late together, this keeps their real starts an interval apart.
   */
  admit(conversationKey: string, nowMs: number): number;
}

export function createRateLimiter(options: {
  globalPerSecond: number;
  perConversationPerSecond: number;
}): RateLimiter {
  const globalInterval = 1000 / options.globalPerSecond;
  const conversationInterval = 1000 / options.perConversationPerSecond;
  /** Global slots taken, ascending; those more than one interval old are dropped. */
  const globalSlots: number[] = [];
  const conversationNext = new Map<string, number>();
  const pausedUntil = new Map<string, number>();
  /** When the last send really started, globally and per conversation. */
  let lastStart = -Infinity;
  const conversationLastStart = new Map<string, number>();

  function prune(nowMs: number): void {
    while (globalSlots.length > 0 && globalSlots[0]! <= nowMs - globalInterval) globalSlots.shift();
    // Keeps memory flat when the bot writes to thousands of conversations once each.
    if (conversationNext.size >= 10_000) {
      for (const [key, next] of conversationNext) if (next < nowMs) conversationNext.delete(key);
    }
    if (conversationLastStart.size >= 10_000) {
      for (const [key, at] of conversationLastStart) {
        if (at < nowMs - conversationInterval) conversationLastStart.delete(key);
      }
    }
    if (pausedUntil.size >= 10_000) {
      for (const [key, until] of pausedUntil) if (until < nowMs) pausedUntil.delete(key);
    }
  }

  /** The earliest time from `earliest` on at least one global interval away from every slot taken. */
  function takeGlobalSlot(earliest: number): number {
    let slot = earliest;
    let index = 0;
    for (; index < globalSlots.length; index++) {
      const taken = globalSlots[index]!;
      if (taken + globalInterval <= slot) continue;
      if (slot + globalInterval <= taken) break;
      slot = taken + globalInterval;
    }
    globalSlots.splice(index, 0, slot);
    return slot;
  }

  return {
    reserve(conversationKey, nowMs) {
      prune(nowMs);
      const slot = takeGlobalSlot(Math.max(nowMs, conversationNext.get(conversationKey) ?? 0));
      conversationNext.set(conversationKey, slot + conversationInterval);
      return slot - nowMs;
    },
    pause(conversationKey, untilMs) {
      conversationNext.set(
        conversationKey,
        Math.max(untilMs, conversationNext.get(conversationKey) ?? 0),
      );
      pausedUntil.set(conversationKey, Math.max(untilMs, pausedUntil.get(conversationKey) ?? 0));
    },
    pausedFor(conversationKey, nowMs) {
      return Math.max(0, (pausedUntil.get(conversationKey) ?? 0) - nowMs);
    },
    admit(conversationKey, nowMs) {
      const earliest = Math.max(
        lastStart + globalInterval,
        (conversationLastStart.get(conversationKey) ?? -Infinity) + conversationInterval,
        pausedUntil.get(conversationKey) ?? -Infinity,
      );
      if (earliest > nowMs) return Math.ceil(earliest - nowMs);
      lastStart = nowMs;
      conversationLastStart.set(conversationKey, nowMs);
      return 0;
    },
  };
}
