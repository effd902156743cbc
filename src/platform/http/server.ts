import { randomUUID, timingSafeEqual } from 'node:crypto';
import restify from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Mode } from '../config.js';
import type { Logger } from '../log.js';
import { incomingActivitySchema } from '../teams/activity.js';
import type { TurnAdapter } from '../teams/adapter.js';
import type { DatabaseWatch } from '../db/outage.js';
import type { Admission } from './admission.js';
import { defaultBodyLimits, readJsonBody, type BodyLimits } from './body.js';
import { staticPages } from './pages.js';
import type { Registry } from 'prom-client';

export interface HttpDeps {
  adapter: TurnAdapter;
  handleTurn: (context: TurnContext) => Promise<void>;
  /** 'ok' when the database reads and writes, 'busy' when another writer holds it; rejects otherwise. */
  checkHealth: () => Promise<'ok' | 'busy'>;
  log: Logger;
  mode: Mode;
  organisation: string;
  limits?: Partial<HttpLimits>;
  /** Activities under way; once it is closed (the bot is stopping) new ones get 503. */
  admission: Admission;
  /** Whether the database is reachable; while it is not, activities get 503 and a short answer. */
  database: DatabaseWatch;
  /** Tells the person that the database cannot be reached (the turn's only answer then). */
  answerDatabaseUnavailable: (context: TurnContext) => Promise<void>;
  /** `/metrics`: in production mode served only with `token`, as a bearer token. */
  metrics?: { registry: Registry; token: string | undefined };
}

export interface HttpLimits extends BodyLimits {
  /** Time to receive a request's headers (Node's headersTimeout). */
  headersTimeoutMs: number;
  /** Time for a whole request, body included (Node's requestTimeout). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /**
   * A connection on which nothing arrives or leaves for this long is closed (Node's
   * socket timeout): one opened and left silent, or a request that trickles. Longer
   * than any turn takes to answer.
   */
  idleTimeoutMs: number;
}

export const defaultHttpLimits: HttpLimits = {
  ...defaultBodyLimits,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
};

/** Fixed answers for requests refused before the bot sees them: nothing of the request echoed. */
const refusalBodies: Record<number, string> = {
  400: 'The body must be a Bot Framework activity.',
  401: 'Unauthorized.',
  408: 'The request body did not arrive in time.',
  413: 'The request body is too large.',
  415: 'The body must be application/json in UTF-8, without content encoding.',
  503: 'The bot is stopping; another instance, or this one restarted, will answer.',
};

const DATABASE_UNAVAILABLE = 'The database cannot be reached; nothing was done.';

/** Seconds a caller turned away while the bot stops is asked to wait before it tries again. */
const RETRY_AFTER_SECONDS = 5;

function refuse(res: restify.Response, status: keyof typeof refusalBodies): void {
  // The rest of a refused body is not read: close the connection after answering.
  res.setHeader('connection', 'close');
  if (status === 503) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
  res.send(status, { error: refusalBodies[status] });
}

export function createHttpServer(deps: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'it-sakerhet-bot', handleUncaughtExceptions: false });
  const limits = { ...defaultHttpLimits, ...deps.limits };
  // restify's body parser is not used: it inflates gzip without an error handler
  // (one bad request exits the process) and counts its limit on compressed bytes.
  server.server.headersTimeout = limits.headersTimeoutMs;
  server.server.requestTimeout = limits.requestTimeoutMs;
  server.server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Without a callback, Node destroys the socket when it times out.
  server.server.setTimeout(limits.idleTimeoutMs);

  server.post('/api/messages', async (req, res) => {
    if (!deps.admission.enter()) {
      refuse(res, 503);
      return;
    }
    try {
      await handleActivity(req, res);
    } finally {
      deps.admission.leave();
    }
  });

  async function handleActivity(req: restify.Request, res: restify.Response): Promise<void> {
    const rejected = (status: keyof typeof refusalBodies, reason: string) => {
      deps.log.warn({ path: '/api/messages', status, reason }, 'request refused');
      refuse(res, status);
    };
    // Production mode: no token, no reading. botbuilder checks the token itself afterwards.
    if (deps.mode === 'production' && !/^Bearer \S+$/i.test(req.headers.authorization ?? '')) {
      rejected(401, 'no bearer token');
      return;
    }
    const read = await readJsonBody(req, limits);
    if (!read.ok) {
      rejected(read.status, read.reason);
      return;
    }
    req.body = read.body;
    if (!incomingActivitySchema.safeParse(req.body).success) {
      rejected(400, 'not an activity');
      return;
    }
    if (deps.mode === 'production' && !signedAsBotFramework(req.headers.authorization ?? '')) {
      // Bot Framework signs with RS256 only: an unsigned (alg none) or HMAC token is refused
      // here, without asking the key endpoint, which may be unreachable.
      rejected(401, 'token not signed with RS256');
      return;
    }
    try {
      // What CloudAdapter.process does, without its console.error of every refused
      // request and without echoing the error's text to an unauthenticated caller.
      const activity = withDates(req.body as Partial<Activity>);
      let databaseUnavailable = false;
      const answer = await deps.adapter.handle(
        req.headers.authorization ?? '',
        activity,
        async (context) => {
          // An outage known already: say so at once, without a turn that would wait for it.
          if (!deps.database.down) {
            try {
              await deps.handleTurn(context);
              return;
            } catch (error) {
              if (!deps.database.failed(error)) throw error;
            }
          }
          databaseUnavailable = true;
          await deps.answerDatabaseUnavailable(context);
        },
      );
      if (databaseUnavailable) {
        res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
        res.send(503, { error: DATABASE_UNAVAILABLE });
        return;
      }
      res.status(answer?.status ?? 200);
      if (answer?.body !== undefined) res.send(answer.body);
      res.end();
    } catch (error) {
      if (error instanceof AuthenticationError || statusOf(error) === 401) {
        rejected(401, `authentication failed: ${(error as Error).name}`);
        return;
      }
      const correlationId = randomUUID();
      deps.log.error({ err: error, correlationId }, 'request to /api/messages failed');
      if (!res.headersSent) res.send(500, { error: 'internal error', correlationId });
    }
  }

  server.get('/healthz', async (_req, res) => {
    if (!deps.admission.accepting) {
      // Taken out of the load balancer's rotation while the activities under way finish.
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      res.send(503, { status: 'stopping' });
      return;
    }
    try {
      if ((await deps.checkHealth()) === 'busy') {
        deps.log.warn('health check: the database write lock stayed taken');
        res.send(503, { status: 'busy' });
        return;
      }
      deps.database.answered();
      res.send(200, { status: 'ok', mode: deps.mode, organisation: deps.organisation });
    } catch (error) {
      // An outage is logged once, when it begins, not at every probe of the load balancer.
      if (!deps.database.failed(error)) deps.log.error({ err: error }, 'health check failed');
      res.send(503, { status: 'unavailable' });
    }
  });

  const { metrics } = deps;
  if (metrics) {
    server.get('/metrics', async (req, res) => {
      if (!metricsAllowed(req.headers.authorization, metrics.token, deps.mode)) {
        // Not there for anyone without the token: nothing says that it exists.
        res.send(404, { error: 'Not found.' });
        return;
      }
      try {
        const text = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      } catch (error) {
        deps.log.error({ err: error }, 'metrics could not be collected');
        res.send(503, { status: 'unavailable' });
      }
    });
  }

  for (const page of staticPages(deps.organisation)) {
    server.get(page.path, async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page.html);
    });
  }

  // Errors raised by restify itself (bad JSON, body too large) carry no stack to the client.
  server.on('restifyError', (req, res, err, callback) => {
    deps.log.warn({ path: req.path(), code: err?.name }, 'request rejected');
    return callback();
  });

  return server;
}

/** Whether a bearer token's header names RS256, the one algorithm Bot Framework signs with. */
export function signedAsBotFramework(authorization: string): boolean {
  const token = /^Bearer (\S+)$/i.exec(authorization)?.[1];
  const header = token?.split('.')[0];
  if (!header || token.split('.').length !== 3) return false;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    return (parsed as { alg?: unknown } | null)?.alg === 'RS256';
  } catch {
    return false;
  }
}

function statusOf(error: unknown): unknown {
  return (error as { statusCode?: unknown } | null)?.statusCode;
}

/** Timestamps as dates, as botbuilder's own request handling gives them to the bot. */
function withDates(activity: Partial<Activity>): Activity {
  const fixed = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = fixed[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      (fixed as Record<string, unknown>)[field] = new Date(value);
    }
  }
  return fixed;
}

/**
 * Local mode listens on 127.0.0.1 only: `/metrics` is open there unless a token is set.
 * Production mode serves it only to a caller with the token, compared in constant time.
 */
function metricsAllowed(header: string | undefined, token: string | undefined, mode: Mode) {
  if (!token) return mode === 'local';
  const given = /^Bearer (\S+)$/i.exec(header ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
