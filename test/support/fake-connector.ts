import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  /** Conversation id from the path, when there is one. */
  conversationId: string | undefined;
  body: Record<string, unknown>;
  at: number;
  /** Status the fake answered; 0 while the request hangs unanswered. */
  status: number;
  /**
   * The id of the activity: the one the fake gave a posted activity (Teams puts it in
   * `replyToId` when a card in it is clicked), or the one an update names in its path.
   */
  activityId: string | undefined;
}

interface PlannedFailure {
  /** An HTTP status, or 'hang': the request is never answered (until the fake stops). */
  status: number | 'hang';
  headers: Record<string, string>;
  matches: (call: { method: string; path: string; conversationId: string | undefined }) => boolean;
  remaining: number;
}

interface Hold {
  remaining: number;
  matches: (method: string, path: string) => boolean;
  /** Answers of the requests held so far, run on release. */
  waiting: (() => void)[];
  arrived: () => void;
}

/** Teams refuses a message whose activity is larger than about 28 KB. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

/**
 * A Bot Framework connector on loopback: records what the bot posts and answers
 * like Teams does, or with a planned failure (429 with Retry-After, 403, 5xx).
 * Like Teams, it answers 413 to a posted or updated activity over the size limit.
 */
export class FakeConnector {
  /** Requests since the last `reset()`. */
  readonly calls: ConnectorCall[] = [];
  /** Every request since the start, kept over `reset()`: where a card shown earlier came from. */
  readonly history: ConnectorCall[] = [];
  private readonly failures: PlannedFailure[] = [];
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly holds: Hold[] = [];
  private server: http.Server | undefined;
  private nextId = 1;
  private messageLimitBytes = TEAMS_MESSAGE_LIMIT_BYTES;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      // Whole bytes first: a character may be split between chunks.
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const answer = () => this.answer(req, res, Buffer.concat(chunks).toString('utf8'));
        const path = req.url ?? '';
        const hold = this.holds.find((h) => h.remaining > 0 && h.matches(req.method ?? '', path));
        if (!hold) return answer();
        hold.remaining -= 1;
        hold.waiting.push(answer);
        hold.arrived();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      // Requests left hanging would keep the server open for ever.
      for (const res of this.hanging) res.destroy();
      this.hanging.clear();
      this.server.closeAllConnections();
    });
  }

  /** The next `times` matching requests get `status` (and headers) instead of success. */
  fail(
    status: number | 'hang',
    options: {
      times?: number;
      headers?: Record<string, string>;
      conversationId?: string;
      path?: RegExp;
    } = {},
  ): void {
    this.failures.push({
      status,
      headers: options.headers ?? {},
      remaining: options.times ?? 1,
      matches: (call) =>
        (options.conversationId === undefined || call.conversationId === options.conversationId) &&
        (options.path === undefined || options.path.test(call.path)),
    });
  }

  /**
   * The next `times` matching requests are never answered, like a connector that
   * accepted the connection and went silent.
   */
  hang(options: { times?: number; conversationId?: string; path?: RegExp } = {}): void {
    this.fail('hang', options);
  }

  /**
   * The next matching request is held unanswered until `release()`, then answered as
   * any other: a slow Teams, for what the bot does while a call of its is under way.
   */
  hold(options: { conversationId?: string; path?: RegExp } = {}): {
    arrived: Promise<void>;
    release(): void;
  } {
    let arrived: () => void = () => undefined;
    const hold: Hold = {
      remaining: 1,
      waiting: [],
      arrived: () => arrived(),
      matches: (method, path) =>
        (options.conversationId === undefined ||
          path.startsWith(`/v3/conversations/${encodeURIComponent(options.conversationId)}`)) &&
        (options.path === undefined || options.path.test(path)),
    };
    this.holds.push(hold);
    return {
      arrived: new Promise<void>((resolve) => (arrived = resolve)),
      release: () => {
        hold.remaining = 0;
        this.holds.splice(this.holds.indexOf(hold), 1);
        for (const answer of hold.waiting.splice(0)) answer();
      },
    };
  }

  /** Requests that have been left hanging so far. */
  get hung(): ConnectorCall[] {
    return this.calls.filter((c) => c.status === 0);
  }

  /** Activities successfully posted into conversations (replies and proactive messages). */
  get delivered(): ConnectorCall[] {
    return this.calls.filter(
      (c) => c.method === 'POST' && c.status === 200 && /\/activities/.test(c.path),
    );
  }

  /** Activities the bot replaced in place (`updateActivity`), in order. */
  get updated(): ConnectorCall[] {
    return this.calls.filter(
      (c) => c.method === 'PUT' && c.status === 200 && /\/activities\/[^/]+$/.test(c.path),
    );
  }

  /** Texts and card titles of delivered activities, in order, for readable assertions. */
  deliveredTo(conversationId: string): ConnectorCall[] {
    return this.delivered.filter((c) => c.conversationId === conversationId);
  }

  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('FakeConnector.waitFor timed out');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.length = 0;
    this.messageLimitBytes = TEAMS_MESSAGE_LIMIT_BYTES;
  }

  /**
   * Activities over `bytes` (as JSON on the wire) are answered 413 "MessageSizeTooBig",
   * as Teams answers those over its limit; until `reset()`.
   */
  limitMessageSize(bytes: number): void {
    this.messageLimitBytes = bytes;
  }

  /** The planned failures end: from now on every request is answered as Teams does when well. */
  recover(): void {
    this.failures.length = 0;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    const path = req.url ?? '';
    const method = req.method ?? '';
    const match = /^\/v3\/conversations\/([^/]+)/.exec(path);
    const conversationId = match?.[1] ? decodeURIComponent(match[1]) : undefined;
    const body = parseBody(raw);
    const failure = this.failures.find(
      (f) => f.remaining > 0 && f.matches({ method, path, conversationId }),
    );
    const tooLarge =
      (method === 'POST' || method === 'PUT') &&
      /\/activities/.test(path) &&
      Buffer.byteLength(raw, 'utf8') > this.messageLimitBytes;
    const updatedId = method === 'PUT' ? /\/activities\/([^/]+)$/.exec(path)?.[1] : undefined;
    const call: ConnectorCall = {
      method,
      path,
      conversationId,
      body,
      at: Date.now(),
      status: 200,
      activityId: updatedId ? decodeURIComponent(updatedId) : undefined,
    };
    this.calls.push(call);
    this.history.push(call);
    if (failure?.status === 'hang') {
      failure.remaining -= 1;
      call.status = 0;
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (tooLarge && !failure) {
      call.status = 413;
      res.writeHead(413, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: 'MessageSizeTooBig', message: 'Request Entity Too Large' },
        }),
      );
      return;
    }
    if (failure) {
      failure.remaining -= 1;
      call.status = failure.status;
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(JSON.stringify({ error: { code: 'Planned', message: `planned ${failure.status}` } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    if (method === 'POST' && path === '/v3/conversations') {
      res.end(JSON.stringify({ id: `a:created-${this.nextId++}` }));
      return;
    }
    call.activityId ??= `activity-${this.nextId++}`;
    res.end(JSON.stringify({ id: call.activityId }));
  }
}

function parseBody(raw: string): Record<string, unknown> {
  if (!raw) return {};
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { unparsable: raw };
  }
}

/** Text of a delivered activity, or the texts inside its Adaptive Card. */
/** What the lock screen and the activity feed show of a delivered message. */
export function summaryOf(call: ConnectorCall): string {
  return typeof call.body.summary === 'string' ? call.body.summary : '';
}

export function textOf(call: ConnectorCall): string {
  const parts: string[] = [];
  if (typeof call.body.text === 'string') parts.push(call.body.text);
  const attachments = Array.isArray(call.body.attachments) ? call.body.attachments : [];
  for (const a of attachments as { content?: unknown }[])
    parts.push(JSON.stringify(a.content ?? {}));
  return parts.join('\n');
}

export function cardOf(call: ConnectorCall): Record<string, unknown> | undefined {
  const attachments = Array.isArray(call.body.attachments) ? call.body.attachments : [];
  const first = attachments[0] as
    { contentType?: string; content?: Record<string, unknown> } | undefined;
  return first?.contentType === 'application/vnd.microsoft.card.adaptive'
    ? first.content
    : undefined;
}
