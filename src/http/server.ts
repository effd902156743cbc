import { randomUUID } from 'node:crypto';
import restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Mode } from '../config.js';
import type { Logger } from '../log.js';
import { incomingActivitySchema } from '../teams/activity.js';
import { staticPages } from './pages.js';

export interface HttpDeps {
  adapter: CloudAdapter;
  handleTurn: (context: TurnContext) => Promise<void>;
  /** Resolves when the database answers; rejects otherwise. */
  checkHealth: () => Promise<void>;
  log: Logger;
  mode: Mode;
  organisation: string;
}

export function createHttpServer(deps: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'it-sakerhet-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    if (!incomingActivitySchema.safeParse(req.body).success) {
      res.send(400, { error: 'The body must be a Bot Framework activity.' });
      return;
    }
    try {
      await deps.adapter.process(req, res, deps.handleTurn);
    } catch (error) {
      const correlationId = randomUUID();
      deps.log.error({ err: error, correlationId }, 'request to /api/messages failed');
      if (!res.headersSent) res.send(500, { error: 'internal error', correlationId });
    }
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await deps.checkHealth();
      res.send(200, { status: 'ok', mode: deps.mode, organisation: deps.organisation });
    } catch (error) {
      deps.log.error({ err: error }, 'health check failed');
      res.send(503, { status: 'unavailable' });
    }
  });

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
