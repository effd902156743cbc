import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationConstants,
  PasswordServiceClientCredentialFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import { ConfigError, loadConfig, type Environment } from '../../src/platform/config.js';
import { authenticationOptions } from '../../src/platform/teams/adapter.js';
import {
  cardAction,
  message,
  people,
  personalConversationId,
  TENANT,
} from '../support/activities.js';
import { cardOf } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Production mode seen from /api/messages: every request needs a Bot Framework
 * token that botbuilder itself validates (signature, issuer, audience,
 * serviceUrl, endorsement), and only the configured tenant is served.
 *
 * The channel's signing key lives in a fake OpenID metadata endpoint on
 * loopback; nothing here reaches the internet.
 */

const APP_ID = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-9999-9999-9999-999999999999';

const productionEnv: Environment = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'x',
  MicrosoftAppTenantId: TENANT,
  ORG_FILE: 'config/org.example.yaml',
};

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

describe('production mode configuration', () => {
  for (const variable of ['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'ORG_FILE'] as const) {
    it(`refuses to start without ${variable} when MicrosoftAppId is set, naming it`, () => {
      for (const missing of [undefined, '', '   ']) {
        const error = configErrorOf(() => loadConfig({ ...productionEnv, [variable]: missing }));
        expect(error.variable).toBe(variable);
        expect(error.message).toContain(variable);
      }
    });
  }

  it('is local mode on 127.0.0.1 when MicrosoftAppId is empty, even with the other variables missing', () => {
    for (const appId of [undefined, '', '  ']) {
      const config = loadConfig({ MicrosoftAppId: appId });
      expect(config.mode).toBe('local');
      expect(config.host).toBe('127.0.0.1');
    }
  });

  it('is production mode bound to 0.0.0.0 when MicrosoftAppId and its companions are set', () => {
    const config = loadConfig(productionEnv);
    expect(config.mode).toBe('production');
    expect(config.host).toBe('0.0.0.0');
    expect(config.bot).toMatchObject({ appId: APP_ID, tenantId: TENANT, appType: 'SingleTenant' });
  });
});

// ---------------------------------------------------------------------------
// A fake Bot Framework token service: an RSA key pair, its OpenID metadata
// document and JWKS on loopback, and tokens signed by hand (RS256, node:crypto).
// ---------------------------------------------------------------------------

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  endorsements: string[];
}

function newSigningKey(endorsements: string[]): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey, endorsements };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function signJwt(key: SigningKey, claims: Record<string, unknown>, kid = key.kid): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid, x5t: kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key.privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

class FakeBotFrameworkLogin {
  /** Endorsed for Teams, like the keys the Bot Framework channel signs with. */
  readonly teamsKey = newSigningKey(['msteams']);
  /** Published, but endorsed only for another channel. */
  readonly webChatKey = newSigningKey(['webchat']);
  /** Never published. */
  readonly unknownKey = newSigningKey(['msteams']);
  readonly requests: string[] = [];
  private server: http.Server | undefined;
  metadataUrl = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            issuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
            authorization_endpoint: `${base}/v1/authorize`,
            jwks_uri: `${base}/v1/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          }),
        );
        return;
      }
      if (req.url === '/v1/keys') {
        const keys = [this.teamsKey, this.webChatKey].map((k) => ({
          ...k.publicKey.export({ format: 'jwk' }),
          kty: 'RSA',
          use: 'sig',
          kid: k.kid,
          endorsements: k.endorsements,
        }));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys }));
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    const port = (this.server.address() as AddressInfo).port;
    this.metadataUrl = `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /** The claims the Bot Framework channel puts in a token for our bot and this service URL. */
  channelClaims(serviceUrl: string): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return {
      serviceurl: serviceUrl,
      nbf: now - 60,
      exp: now + 3600,
      iss: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      aud: APP_ID,
    };
  }

  bearer(
    serviceUrl: string,
    overrides: Record<string, unknown> = {},
    key: SigningKey = this.teamsKey,
  ): string {
    return `Bearer ${signJwt(key, { ...this.channelClaims(serviceUrl), ...overrides })}`;
  }
}

/**
 * What src/platform/teams/adapter.ts would use for this configuration, with the
 * channel's OpenID metadata moved to `metadataUrl`. Setting one endpoint makes
 * botbuilder take every endpoint from these options, so the rest are the
 * public-cloud values.
 */
function channelAuthentication(
  metadataUrl: string,
  credentials: ServiceClientCredentialsFactory,
): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(
    {
      ...authenticationOptions(loadConfig(productionEnv)),
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${TENANT}`,
      ToBotFromEmulatorOpenIdMetadataUrl:
        AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      CallerId: 'urn:botframework:azure',
    },
    credentials,
  );
}

type ServiceClientCredentials = Awaited<
  ReturnType<ServiceClientCredentialsFactory['createCredentials']>
>;

/**
 * The app-password credentials, except that the outgoing token (which would
 * come from login.microsoftonline.com) is a fixed placeholder: only the
 * bot-to-connector login is replaced. App id checks are the real ones.
 */
class OfflinePasswordCredentialsFactory extends PasswordServiceClientCredentialFactory {
  readonly created: { appId: string; audience: string }[] = [];

  override async createCredentials(
    appId: string,
    audience: string,
  ): Promise<ServiceClientCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    this.created.push({ appId, audience });
    return {
      async signRequest(request) {
        request.headers.set('authorization', 'Bearer offline-outgoing-token');
        return request;
      },
    };
  }
}

describe('the bot in production mode, over HTTP', () => {
  let login: FakeBotFrameworkLogin;
  let credentials: OfflinePasswordCredentialsFactory;
  let app: TestApp;
  const as = (tenantId = TENANT) => ({ serviceUrl: app.connector.url, tenantId });

  beforeAll(async () => {
    login = await new FakeBotFrameworkLogin().start();
    credentials = new OfflinePasswordCredentialsFactory(APP_ID, 'x', TENANT);
    // What src/teams/adapter.ts would use for this configuration, with the channel's
    // OpenID metadata moved to loopback. Setting one endpoint makes botbuilder take
    // every endpoint from these options, so the rest are the public-cloud values.
    const authentication = channelAuthentication(login.metadataUrl, credentials);
    app = await startTestApp({ env: productionEnv, authentication });
  });
  afterAll(async () => {
    await app?.stop();
    await login?.stop();
  });
  beforeEach(() => {
    app.connector.reset();
    credentials.created.length = 0;
    // CloudAdapter prints every refused request's error to the console.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    return () => vi.restoreAllMocks();
  });

  async function rowCounts() {
    const kysely = app.running.db.kysely;
    const count = async (table: 'person' | 'outbox' | 'audit_log') =>
      Number(
        (
          await kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      person: await count('person'),
      outbox: await count('outbox'),
      audit: await count('audit_log'),
    };
  }

  /** Replies are posted within the request; anything queued for later is out once the sender is idle. */
  const settle = () => app.running.sender.whenIdle();

  it('answers 401 to a message without an Authorization header, and posts nothing', async () => {
    const response = await app.post(message(people.anna, 'hjälp', as()));
    expect(response.status).toBe(401);
    await settle();
    expect(app.connector.calls).toEqual([]);
    expect(await app.query.person(people.anna)).toBeUndefined();
  });

  it('answers 401, before reading the body, to multipart, gzip and other bodies without a token', async () => {
    for (const [what, headers, body] of [
      ['multipart', { 'content-type': 'multipart/form-data; boundary=b' }, '--b\r\n\r\nx\r\n--b--'],
      ['gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'garbage'],
      ['text', { 'content-type': 'text/plain' }, 'hej'],
    ] as const) {
      const response = await fetch(`${app.running.url}/api/messages`, {
        method: 'POST',
        headers,
        body,
      });
      expect(response.status, what).toBe(401);
      expect(await response.text(), what).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it('answers 401 to a garbage bearer token and to a non-bearer scheme', async () => {
    for (const authorization of [
      'Bearer not-a-jwt',
      'Bearer a.b.c',
      `Basic ${base64url('user:pass')}`,
    ]) {
      const response = await app.post(message(people.anna, 'hjälp', as()), { authorization });
      expect(response.status, authorization).toBe(401);
    }
    await settle();
    expect(app.connector.calls).toEqual([]);
    expect(await app.query.person(people.anna)).toBeUndefined();
  });

  /** Each case's token gets 401, and none of them ran the bot: nothing sent, nothing stored. */
  async function expectRefusedWithoutEffect(cases: [what: string, authorization: string][]) {
    for (const [what, authorization] of cases) {
      const response = await app.post(message(people.anna, 'hjälp', as()), { authorization });
      expect(response.status, what).toBe(401);
    }
    await settle();
    expect(app.connector.calls).toEqual([]);
    expect(await rowCounts()).toEqual({ person: 0, outbox: 0, audit: 0 });
  }

  it('answers 401 to a well-formed token that fails one Bot Framework check', async () => {
    const url = app.connector.url;
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string][] = [
      ['for another bot', login.bearer(url, { aud: randomUUID() })],
      ['from another issuer', login.bearer(url, { iss: 'https://sts.windows.net/evil/' })],
      ['for another service URL', login.bearer(url, { serviceurl: 'https://evil.example/teams/' })],
      [
        'expired beyond the clock tolerance',
        login.bearer(url, { nbf: now - 7200, exp: now - 3600 }),
      ],
      ['signed with a key endorsed for another channel', login.bearer(url, {}, login.webChatKey)],
      ['signed with an unpublished key', login.bearer(url, {}, login.unknownKey)],
    ];
    await expectRefusedWithoutEffect(cases);
  });

  it('refuses a forged, unsigned or not-yet-valid token without running the bot', async () => {
    const url = app.connector.url;
    const claims = login.channelClaims(url);
    const now = Math.floor(Date.now() / 1000);
    const unsigned = [
      base64url(JSON.stringify({ alg: 'none', typ: 'JWT', kid: login.teamsKey.kid })),
      base64url(JSON.stringify(claims)),
      '',
    ].join('.');
    const cases: [string, string][] = [
      // The published Teams key id, but the signature is made by another key.
      ['forged signature', `Bearer ${signJwt(login.unknownKey, claims, login.teamsKey.kid)}`],
      ['alg none', `Bearer ${unsigned}`],
      ['not valid until tomorrow', login.bearer(url, { nbf: now + 86_400, exp: now + 90_000 })],
    ];
    // botbuilder 4.23.3 alone would answer 500 here (jsonwebtoken's errors pass through);
    // src/platform/teams/adapter.ts turns them into 401.
    await expectRefusedWithoutEffect(cases);
  });

  it('ignores a validly signed message from another tenant: no reply, no person stored', async () => {
    const response = await app.post(message(people.lars, 'hjälp', as(OTHER_TENANT)), {
      authorization: login.bearer(app.connector.url),
    });
    expect(response.status).toBe(200);
    await settle();
    expect(app.connector.calls).toEqual([]);
    expect(await app.query.person(people.lars)).toBeUndefined();
    expect(await rowCounts()).toMatchObject({ person: 0, outbox: 0, audit: 0 });
    expect(app.logLines.join('')).toContain('activity from another tenant refused');
  });

  it('answers a validly signed message from the configured tenant with the help card', async () => {
    const fetchesBefore = login.requests.length;
    const response = await app.post(message(people.anna, 'hjälp', as()), {
      authorization: login.bearer(app.connector.url),
    });
    expect(response.status).toBe(200);

    const [reply] = app.connector.deliveredTo(personalConversationId(people.anna));
    expect(reply).toBeDefined();
    expect(JSON.stringify(cardOf(reply!))).toContain('Hej Anna Andersson!');
    // The reply went out through the bot's own credentials, for the Bot Framework audience.
    expect(credentials.created).toContainEqual({
      appId: APP_ID,
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
    });

    const stored = await app.query.person(people.anna);
    expect(stored?.tenantId).toBe(TENANT);
    expect(stored?.personId).toBe('anna');
    // The key came from the fake metadata document (fetched once, then cached).
    expect(login.requests).toContain('/v1/.well-known/openidconfiguration');
    expect(login.requests).toContain('/v1/keys');
    expect(login.requests.length - fetchesBefore).toBeLessThanOrEqual(2);
  });

  it('answers a card click from another tenant with 403 and changes nothing', async () => {
    const before = await rowCounts();
    const response = await app.post(
      cardAction(people.karin, 'command.run', { command: 'hjälp' }, as(OTHER_TENANT)),
      {
        authorization: login.bearer(app.connector.url),
      },
    );
    expect(response.status).toBe(403);
    await settle();
    expect(app.connector.calls).toEqual([]);
    expect(await app.query.person(people.karin)).toBeUndefined();
    expect(await rowCounts()).toEqual(before);
  });

  it('answers the same card click from the configured tenant with 200', async () => {
    const response = await app.post(
      cardAction(people.karin, 'command.run', { command: 'hjälp' }, as()),
      {
        authorization: login.bearer(app.connector.url),
      },
    );
    expect(response.status).toBe(200);
    expect((await app.query.person(people.karin))?.tenantId).toBe(TENANT);
  });
});

describe('production mode while the channel’s key endpoint is unreachable', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 9 of loopback: fetching the signing keys fails.
    const authentication = channelAuthentication(
      'http://127.0.0.1:9/v1/.well-known/openidconfiguration',
      new OfflinePasswordCredentialsFactory(APP_ID, 'x', TENANT),
    );
    app = await startTestApp({ env: productionEnv, authentication });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers 401 to unsigned and HMAC-signed tokens, with a fixed body and no stack anywhere', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const claims = {
        serviceurl: app.connector.url,
        iss: AuthenticationConstants.ToBotFromChannelTokenIssuer,
        aud: APP_ID,
        nbf: Math.floor(Date.now() / 1000) - 60,
        exp: Math.floor(Date.now() / 1000) + 3600,
      };
      const header = (alg: string) => base64url(JSON.stringify({ alg, typ: 'JWT' }));
      const body = base64url(JSON.stringify(claims));
      const hmac = createHmac('sha256', 'guessed-secret')
        .update(`${header('HS256')}.${body}`)
        .digest('base64url');
      for (const [what, token] of [
        ['alg none', `${header('none')}.${body}.`],
        ['HS256', `${header('HS256')}.${body}.${hmac}`],
      ]) {
        const response = await app.post(
          message(people.anna, 'hjälp', { serviceUrl: app.connector.url, tenantId: TENANT }),
          { authorization: `Bearer ${token}` },
        );
        expect(response, what).toMatchObject({ status: 401, body: '{"error":"Unauthorized."}' });
      }
      expect(consoleError).not.toHaveBeenCalled();
      expect(app.logLines.join('')).not.toMatch(/\n\s+at /);
      expect(await app.query.person(people.anna)).toBeUndefined();
    } finally {
      consoleError.mockRestore();
    }
  });
});
