/**
 * The activities under way, and whether new ones are let in: what a graceful stop
 * closes and then waits for.
 */
export class Admission {
  private open = true;
  private active = 0;
  private readonly idleWaiters = new Set<() => void>();

  get accepting(): boolean {
    return this.open;
  }

  /** Activities being handled now. */
  get underWay(): number {
    return this.active;
  }

  /** Lets one request in, or false once the stop has begun. Every `true` is followed by `leave()`. */
  enter(): boolean {
    if (!this.open) return false;
    this.active += 1;
    return true;
  }

  leave(): void {
    this.active -= 1;
    if (this.active === 0) for (const waiter of [...this.idleWaiters]) waiter();
  }

  /**
   * Lets nothing new in; resolves true once the requests under way have finished, or
   * false when some are still running after `timeoutMs`.
   */
  close(timeoutMs: number): Promise<boolean> {
    this.open = false;
    if (this.active === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (finished: boolean) => {
        clearTimeout(timer);
        this.idleWaiters.delete(onIdle);
        resolve(finished);
      };
      const onIdle = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.idleWaiters.add(onIdle);
    });
  }
}
