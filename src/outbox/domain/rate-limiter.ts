/**
 * Spaces sends so the bot stays under the Teams limits: a global rate for the
 * app and tenant, and a per-conversation rate. Each reservation gets the
 * earliest slot that respects both; the caller waits until then.
 */
export interface RateLimiter {
  /** Milliseconds to wait before sending to this conversation. */
  reserve(conversationKey: string, nowMs: number): number;
  /** Teams said 429 for this conversation: nothing goes there before `untilMs`. */
  pause(conversationKey: string, untilMs: number): void;
}

export function createRateLimiter(options: {
  globalPerSecond: number;
  perConversationPerSecond: number;
}): RateLimiter {
  const globalInterval = 1000 / options.globalPerSecond;
  const conversationInterval = 1000 / options.perConversationPerSecond;
  let globalNext = 0;
  const conversationNext = new Map<string, number>();

  function prune(nowMs: number): void {
    // Keeps memory flat when the bot writes to thousands of conversations once each.
    if (conversationNext.size < 10_000) return;
    for (const [key, next] of conversationNext) if (next < nowMs) conversationNext.delete(key);
  }

  return {
    reserve(conversationKey, nowMs) {
      prune(nowMs);
      const slot = Math.max(nowMs, globalNext, conversationNext.get(conversationKey) ?? 0);
      globalNext = slot + globalInterval;
      conversationNext.set(conversationKey, slot + conversationInterval);
      return slot - nowMs;
    },
    pause(conversationKey, untilMs) {
      conversationNext.set(
        conversationKey,
        Math.max(untilMs, conversationNext.get(conversationKey) ?? 0),
      );
    },
  };
}
