import { codeOf, type ErrorShape } from '../error-code.js';
import type { Logger } from '../log.js';

/**
 * A database that cannot be reached or used for the moment (PostgreSQL stopped, the
 * network cut, the server refusing connections, a full disk), told apart from an
 * error of the bot's own. While it lasts the bot answers 503 on `/healthz` and
 * `/api/messages`, logs it once, and looks every second whether it is back.
 */

/** Node's words for a connection that could not be made or was lost. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** pg's and pg-pool's own messages for a lost or impossible connection. */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection timeout|Client has encountered a connection error|Connection ended|Cannot use a pool after calling end/i;

/** Whether `error` says the database is out of reach now, rather than that a query is wrong. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const e = error as ErrorShape;
  const code = codeOf(e);
  if (code !== undefined) {
    if (SOCKET_CODES.has(code)) return true;
    // SQLSTATE: 08 connection exception, 57P01–03 the server shutting down or
    // starting, 53 insufficient resources (too many connections, disk full).
    if (/^(08...|57P0[123]|53...)$/.test(code)) return true;
    // SQLite: the file cannot be opened, read or written.
    if (/^SQLITE_(CANTOPEN|IOERR|FULL|READONLY|CORRUPT|NOTADB)/.test(code)) return true;
  }
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

export interface DatabaseWatchOptions {
  /** A cheap query that succeeds once the database is back. */
  probe: () => Promise<unknown>;
  log: Logger;
  /** Where the database is, for the log line (never a password). */
  where: string;
  probeEveryMs?: number;
}

/** Whether the database is reachable, from what the bot's own calls to it met. */
export class DatabaseWatch {
  private downSince: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private probing = false;
  private stopped = false;

  constructor(private readonly options: DatabaseWatchOptions) {}

  /** True from the first failed call that found the database out of reach until a call succeeds. */
  get down(): boolean {
    return this.downSince !== undefined;
  }

  /**
   * For every failed database call: true when the error says the database is out of
   * reach, and the caller need not log it. The first of an outage logs one line.
   */
  failed(error: unknown): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    if (this.downSince === undefined && !this.stopped) {
      this.downSince = Date.now();
      const message = (error as { message?: unknown }).message;
      this.options.log.error(
        {
          database: this.options.where,
          problem: typeof message === 'string' ? message.replace(/\s+/g, ' ').slice(0, 200) : '',
        },
        'the database cannot be reached: the bot answers 503 until it is back',
      );
      this.schedule();
    }
    return true;
  }

  /** A call to the database succeeded: an outage is over. */
  answered(): void {
    if (this.downSince === undefined) return;
    const seconds = Math.round((Date.now() - this.downSince) / 1000);
    this.downSince = undefined;
    clearTimeout(this.timer);
    this.options.log.info({ database: this.options.where, seconds }, 'the database answers again');
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.probeOnce(), this.options.probeEveryMs ?? 1000);
    this.timer.unref();
  }

  private async probeOnce(): Promise<void> {
    if (this.probing || this.downSince === undefined) return;
    this.probing = true;
    try {
      await this.options.probe();
      this.answered();
    } catch (error) {
      // Still out of reach (already said), or something else: look again later either way.
      if (!isDatabaseUnavailable(error))
        this.options.log.warn({ err: error }, 'database probe failed');
      this.schedule();
    } finally {
      this.probing = false;
    }
  }
}
