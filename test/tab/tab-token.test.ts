import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTabToken, issuersOf, type TokenPolicy } from '../../src/tab/index.js';

/**
 * The tab's single sign-on check, with keys made here in the shape Entra ID publishes
 * them (a JWKS with key ids): what Teams' `getAuthToken` gives the page is an access
 * token for `api://<BOT_DOMAIN>/<app id>` from the organisation's tenant.
 */
const TENANT = '00000000-0000-0000-0000-000000000001';
const OTHER_TENANT = '99999999-9999-9999-9999-999999999999';
const APP_ID = '11111111-1111-1111-1111-111111111111';
const APP_ID_URI = `api://itsak.example.se/${APP_ID}`;
const LARS = '00000000-0000-0000-0000-0000000000A2';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

let policy: TokenPolicy;
let signingKey: SigningKey;
let strangerKey: SigningKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  strangerKey = stranger.privateKey;
  const jwk = {
    ...(await exportJWK(pair.publicKey)),
    kid: 'entra-key-1',
    alg: 'RS256',
    use: 'sig',
  };
  policy = {
    tenantId: TENANT,
    appId: APP_ID,
    appIdUri: APP_ID_URI,
    keys: createLocalJWKSet({ keys: [jwk] }),
  };
});

interface TokenShape {
  claims?: JWTPayload;
  issuer?: string;
  audience?: string;
  /** Seconds from now. */
  expiresIn?: number;
  key?: SigningKey;
  kid?: string;
}

async function token(shape: TokenShape = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    oid: LARS,
    tid: TENANT,
    name: 'Lars Berg',
    scp: 'access_as_user',
    ...shape.claims,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: shape.kid ?? 'entra-key-1' })
    .setIssuer(shape.issuer ?? `https://sts.windows.net/${TENANT}/`)
    .setAudience(shape.audience ?? APP_ID_URI)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(now + (shape.expiresIn ?? 3600))
    .sign(shape.key ?? signingKey);
}

const check = async (shape: TokenShape) => checkTabToken(`Bearer ${await token(shape)}`, policy);

describe('the tab’s single sign-on token', () => {
  it('accepts a valid token of the tenant for the app, v1.0 or v2.0, and names the person by object id', async () => {
    expect(await check({})).toEqual({ ok: true, aadObjectId: LARS.toLowerCase() });
    // A v2.0 token: the other issuer, and the app id as its audience.
    expect(await check({ issuer: issuersOf(TENANT)[1], audience: APP_ID })).toMatchObject({
      ok: true,
    });
  });

  it('refuses an expired token', async () => {
    expect(await check({ expiresIn: -3600 })).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token for another audience', async () => {
    expect(
      await check({ audience: 'api://itsak.example.se/22222222-2222-2222-2222-222222222222' }),
    ).toEqual({
      ok: false,
      reason: 'audience',
    });
    expect(await check({ audience: 'https://graph.microsoft.com' })).toEqual({
      ok: false,
      reason: 'audience',
    });
  });

  it('refuses a token from another tenant, whether its issuer or its tid says so', async () => {
    expect(await check({ issuer: `https://sts.windows.net/${OTHER_TENANT}/` })).toEqual({
      ok: false,
      reason: 'issuer',
    });
    expect(await check({ claims: { tid: OTHER_TENANT } })).toEqual({ ok: false, reason: 'tenant' });
  });

  it('refuses a token from another issuer', async () => {
    expect(await check({ issuer: 'https://login.example.com/' })).toEqual({
      ok: false,
      reason: 'issuer',
    });
  });

  it('refuses a bad signature: signed with another key, tampered with, or not signed', async () => {
    expect(await check({ key: strangerKey })).toEqual({ ok: false, reason: 'signature' });
    expect(await check({ key: strangerKey, kid: 'unknown-key' })).toEqual({
      ok: false,
      reason: 'signature',
    });

    const [header, payload, signature] = (await token()).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as JWTPayload;
    const forged = Buffer.from(
      JSON.stringify({ ...claims, oid: '00000000-0000-0000-0000-0000000000a1' }),
    ).toString('base64url');
    expect(await checkTabToken(`Bearer ${header}.${forged}.${signature}`, policy)).toEqual({
      ok: false,
      reason: 'signature',
    });

    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await checkTabToken(`Bearer ${none}.${payload}.`, policy)).toMatchObject({ ok: false });
  });

  it('refuses a missing or malformed token', async () => {
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Basic dXNlcjpwYXNz',
      `Bearer ${'x'.repeat(9000)}`,
    ])
      expect(await checkTabToken(header, policy)).toEqual({ ok: false, reason: 'missing' });
    expect(await checkTabToken('Bearer not.a.token-at-all', policy)).toMatchObject({ ok: false });
  });

  it('refuses a token without the person’s object id', async () => {
    expect(await check({ claims: { oid: undefined } })).toMatchObject({ ok: false });
    expect(await check({ claims: { oid: 'lars' } })).toEqual({ ok: false, reason: 'invalid' });
  });
});
