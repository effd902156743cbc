import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type restify from 'restify';
import type { OrgDirectory, Person, RoleName } from '../org/index.js';
import type { Mode } from '../platform/config.js';
import { readJsonBody } from '../platform/http/body.js';
import type { AadObjectId } from '../platform/identity.js';
import { aadObjectId } from '../platform/identity.js';
import { localeFrom, type Locale } from '../platform/locale.js';
import type { Logger } from '../platform/log.js';
import type { DashboardPart, OverviewContribution, Viewer } from '../platform/overview.js';
import type { TokenCheck } from './tab.token.js';
import type { LocalInbox } from './tab.inbox.js';
import { tabStringsFor } from './tab.strings.js';
import type { TabRules } from './tab.rules.js';

/**
 * The personal tab "Översikt": its page under `/tab` (built by Vite into
 * `dist/tab`), and its API under `/tab/api`. The API decides what a person sees from
 * who they are, as the verified token (or, in local mode, the person picker) says,
 * and from the stored state, whatever the page asks for.
 */
export interface TabDeps {
  mode: Mode;
  organisation: string;
  org: () => OrgDirectory;
  /** The features' contributions, in the order the page shows them. */
  overview: OverviewContribution[];
  rules: TabRules;
  /** Production: checks the bearer token of a request. */
  checkToken: (authorization: string | undefined) => Promise<TokenCheck>;
  /** Local mode only: the cards each person was sent, and pressing their buttons. */
  inbox: LocalInbox | undefined;
  /** The built page; without it `/tab` says how to build it. */
  pageDirectory: string;
  forceLocale: string | undefined;
  log: Logger;
}

/** Where Teams and Microsoft 365 show a tab: the only pages allowed to frame it. */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Local mode: the service URL of the built-in connector (see `registerTabRoutes`). */
export const LOCAL_CONNECTOR_PATH = '/tab/api/local/connector';

const DASHBOARD_ROLES: RoleName[] = ['sakerhetssamordnare', 'kommunchef'];
const PRESS_BODY_LIMITS = { maxBytes: 64_000, bodyTimeoutMs: 10_000 };
const QUERY_MAX = 500;

interface Asset {
  type: string;
  body: Buffer;
}

/** The built page, read once: a few small files, held for the life of the process. */
function readPage(directory: string): { index: Buffer; assets: Map<string, Asset> } | undefined {
  const index = path.join(directory, 'index.html');
  if (!existsSync(index)) return undefined;
  const assets = new Map<string, Asset>();
  const assetDirectory = path.join(directory, 'assets');
  if (existsSync(assetDirectory)) {
    for (const name of readdirSync(assetDirectory)) {
      const type = CONTENT_TYPES[path.extname(name)];
      if (type) assets.set(name, { type, body: readFileSync(path.join(assetDirectory, name)) });
    }
  }
  return { index: readFileSync(index), assets };
}

function sendJson(res: restify.Response, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function queryOf(req: restify.Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://tab.local').searchParams;
}

/** Registers the tab's routes; says whether the page was found built. */
export function registerTabRoutes(server: restify.Server, deps: TabDeps): { pageBuilt: boolean } {
  const page = readPage(deps.pageDirectory);

  const serveIndex = async (_req: restify.Request, res: restify.Response) => {
    const headers = {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    };
    if (!page) {
      res.writeHead(503, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(tabStringsFor('sv').notBuilt);
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
    res.end(page.index);
  };
  server.get('/tab', serveIndex);
  server.get('/tab/', serveIndex);
  server.get('/tab/assets/:file', async (req, res) => {
    const asset = page?.assets.get(String(req.params.file ?? ''));
    if (!asset) {
      sendJson(res, 404, { error: 'Not found.' });
      return;
    }
    // File names carry a hash of their content: a new build has new names.
    res.writeHead(200, {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    res.end(asset.body);
  });

  const localeOf = (req: restify.Request): Locale =>
    localeFrom(deps.forceLocale ?? queryOf(req).get('locale'));

  /** Who asks: from the token in production; from the picker's choice in local mode. */
  async function viewerOf(
    req: restify.Request,
    res: restify.Response,
  ): Promise<Viewer | undefined> {
    const org = deps.org();
    let aad: AadObjectId;
    if (deps.mode === 'production') {
      const check = await deps.checkToken(req.headers.authorization);
      if (!check.ok) {
        deps.log.warn({ path: req.path(), reason: check.reason }, 'tab request refused');
        sendJson(res, 401, { error: tabStringsFor(localeOf(req)).signInFailed });
        return undefined;
      }
      aad = check.aadObjectId;
    } else {
      const chosen = org.personById(String(req.headers['x-local-person'] ?? ''));
      if (!chosen) {
        sendJson(res, 401, { error: tabStringsFor(localeOf(req)).choosePerson });
        return undefined;
      }
      aad = aadObjectId(chosen.aadObjectId);
    }
    const person: Person | undefined = org.personByAadObjectId(aad);
    return {
      aadObjectId: aad,
      person,
      roles: person ? org.rolesOf(person.id) : [],
      locale: localeOf(req),
    };
  }

  /** Runs an API answer; a failure is logged and answered without its details. */
  function api(
    handler: (req: restify.Request, res: restify.Response) => Promise<void>,
  ): restify.RequestHandler {
    return async (req, res) => {
      try {
        await handler(req, res);
      } catch (error) {
        deps.log.error({ err: error, path: req.path() }, 'tab request failed');
        if (!res.headersSent) sendJson(res, 500, { error: tabStringsFor(localeOf(req)).failed });
      }
    };
  }

  server.get(
    '/tab/api/session',
    api(async (req, res) => {
      const org = deps.org();
      const local = deps.mode === 'local';
      sendJson(res, 200, {
        mode: deps.mode,
        organisation: deps.organisation,
        inbox: local && deps.inbox !== undefined,
        // The picker of local mode: the people of the organisation file by name.
        people: local
          ? org.organisation.people
              .map((p) => ({ id: p.id, name: p.name, title: p.title ?? '' }))
              .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
          : [],
      });
    }),
  );

  server.get(
    '/tab/api/overview',
    api(async (req, res) => {
      const viewer = await viewerOf(req, res);
      if (!viewer) return;
      const sections = (await Promise.all(deps.overview.map((o) => o.personal(viewer)))).flat();
      sendJson(res, 200, {
        viewer: { name: viewer.person?.name ?? '', roles: viewer.roles },
        dashboard: viewer.roles.some((r) => DASHBOARD_ROLES.includes(r)),
        sections,
      });
    }),
  );

  server.get(
    '/tab/api/dashboard',
    api(async (req, res) => {
      const viewer = await viewerOf(req, res);
      if (!viewer) return;
      if (!viewer.roles.some((r) => DASHBOARD_ROLES.includes(r))) {
        sendJson(res, 403, { error: tabStringsFor(viewer.locale).dashboardForbidden });
        return;
      }
      const parts: DashboardPart[] = (
        await Promise.all(deps.overview.map((o) => o.dashboard?.(viewer) ?? []))
      ).flat();
      sendJson(res, 200, { parts });
    }),
  );

  server.get(
    '/tab/api/rules',
    api(async (req, res) => {
      const viewer = await viewerOf(req, res);
      if (!viewer) return;
      const query = (queryOf(req).get('q') ?? '').slice(0, QUERY_MAX).trim();
      sendJson(res, 200, deps.rules.answer(query, viewer.locale));
    }),
  );

  const { inbox } = deps;
  if (deps.mode !== 'local' || !inbox) return { pageBuilt: page !== undefined };

  // Local mode only: a connector for people never seen in a chat, so that what the
  // bot sends them is delivered (and shown in the inbox view) instead of retried.
  const connector = async (req: restify.Request, res: restify.Response) => {
    req.resume();
    sendJson(res, 200, { id: `local-${Date.now().toString(36)}` });
  };
  server.post(`${LOCAL_CONNECTOR_PATH}/v3/conversations`, connector);
  server.post(`${LOCAL_CONNECTOR_PATH}/v3/conversations/:conversation/activities`, connector);
  server.post(
    `${LOCAL_CONNECTOR_PATH}/v3/conversations/:conversation/activities/:activity`,
    connector,
  );
  server.put(
    `${LOCAL_CONNECTOR_PATH}/v3/conversations/:conversation/activities/:activity`,
    connector,
  );

  // Local mode only: the cards the bot sent each person, and their buttons.
  server.get(
    '/tab/api/local/inbox',
    api(async (req, res) => {
      const person = deps.org().personById(queryOf(req).get('person') ?? '');
      if (!person) {
        sendJson(res, 404, { error: tabStringsFor(localeOf(req)).choosePerson });
        return;
      }
      sendJson(res, 200, { messages: await inbox.messagesOf(person) });
    }),
  );

  server.post(
    '/tab/api/local/press',
    api(async (req, res) => {
      const read = await readJsonBody(req, PRESS_BODY_LIMITS);
      const strings = tabStringsFor(localeOf(req));
      if (!read.ok) {
        sendJson(res, read.status, { error: strings.badRequest });
        return;
      }
      const body = read.body as { person?: unknown; verb?: unknown; data?: unknown } | null;
      const person =
        typeof body?.person === 'string' ? deps.org().personById(body.person) : undefined;
      if (!person || typeof body?.verb !== 'string' || body.verb.length > 100) {
        sendJson(res, 400, { error: strings.badRequest });
        return;
      }
      sendJson(res, 200, await inbox.press(person, body.verb, body.data ?? {}));
    }),
  );
  return { pageBuilt: page !== undefined };
}
