import http from 'node:http';
import { serveOnLoopback, type Loopback } from './loopback.js';

/**
 * A Bot Framework connector on loopback that enforces the Teams limits the way
 * Teams answers them: more than `globalPerSecond` requests in any one-second
 * window, or more than `perConversationPerSecond` into one conversation, get
 * 429 with Retry-After. It records every activity it accepted.
 */
export interface Accepted {
  conversationId: string;
  /** The person: from the conversation id, or from the members of a created conversation. */
  recipient: string;
  at: number;
  text: string;
}

export class LimitedConnector {
  readonly accepted: Accepted[] = [];
  throttled = 0;
  private readonly recent: number[] = [];
  private readonly recentByConversation = new Map<string, number[]>();
  private readonly memberOf = new Map<string, string>();
  private server: Loopback | undefined;
  private nextId = 1;
  url = '';

  constructor(
    private readonly globalPerSecond = 50,
    private readonly perConversationPerSecond = 7,
  ) {}

  async start(): Promise<this> {
    this.server = await serveOnLoopback((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => this.answer(req, res, raw));
    });
    this.url = this.server.url;
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  private overLimit(list: number[], now: number, limit: number): boolean {
    while (list.length > 0 && list[0]! <= now - 1000) list.shift();
    return list.length >= limit;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    const now = Date.now();
    const path = req.url ?? '';
    const match = /^\/v3\/conversations\/([^/]+)/.exec(path);
    const conversationId = match?.[1] ? decodeURIComponent(match[1]) : undefined;
    const key = conversationId ?? 'create';
    const perConversation = this.recentByConversation.get(key) ?? [];
    this.recentByConversation.set(key, perConversation);
    if (
      this.overLimit(this.recent, now, this.globalPerSecond) ||
      this.overLimit(perConversation, now, this.perConversationPerSecond)
    ) {
      this.throttled++;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
      return;
    }
    this.recent.push(now);
    perConversation.push(now);
    const body = parseBody(raw);
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.method === 'POST' && path === '/v3/conversations') {
      const id = `a:created-${this.nextId++}`;
      const members = Array.isArray(body.members) ? (body.members as { id?: string }[]) : [];
      this.memberOf.set(id, String(members[0]?.id ?? id).toLowerCase());
      res.end(JSON.stringify({ id }));
      return;
    }
    if (req.method === 'POST' && conversationId && /\/activities/.test(path)) {
      this.accepted.push({
        conversationId,
        recipient: this.memberOf.get(conversationId) ?? conversationId.replace(/^a:bench-/, ''),
        at: now,
        text: raw,
      });
    }
    res.end(JSON.stringify({ id: `activity-${this.nextId++}` }));
  }
}

function parseBody(raw: string): Record<string, unknown> {
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
