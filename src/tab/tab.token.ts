import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { aadObjectId, type AadObjectId } from '../platform/identity.js';

/**
 * The tab's single sign-on: Teams gives the page an Entra ID access token for the
 * bot's app (`authentication.getAuthToken`), the page sends it as a bearer token, and
 * the API answers only once the token is checked here: RS256 signature against Entra
 * ID's published keys, issuer and `tid` of the organisation's tenant, audience the
 * app's id URI (`api://<BOT_DOMAIN>/<app id>`, or the app id, which v2.0 tokens
 * carry), and not expired.
 */
export interface TokenPolicy {
  tenantId: string;
  /** `api://<BOT_DOMAIN>/<app id>`. */
  appIdUri: string;
  appId: string;
  keys: JWTVerifyGetKey;
}

export type TokenCheck =
  | { ok: true; aadObjectId: AadObjectId }
  | {
      ok: false;
      reason: 'missing' | 'expired' | 'audience' | 'issuer' | 'tenant' | 'signature' | 'invalid';
    };

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
/** Tokens are accepted up to this many seconds past their times (clocks differ). */
const CLOCK_TOLERANCE_SECONDS = 60;

/** Entra ID's signing keys for the tenant, fetched when first needed and cached. */
export function entraSigningKeys(tenantId: string): JWTVerifyGetKey {
  return createRemoteJWKSet(
    new URL(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`),
    { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 12 * 3_600_000 },
  );
}

/** The issuers of v1.0 and v2.0 access tokens of the tenant. */
export function issuersOf(tenantId: string): string[] {
  return [
    `https://sts.windows.net/${tenantId}/`,
    `https://login.microsoftonline.com/${tenantId}/v2.0`,
  ];
}

export async function checkTabToken(
  authorization: string | undefined,
  policy: TokenPolicy,
): Promise<TokenCheck> {
  const match = /^Bearer ([A-Za-z0-9_.-]{20,8000})$/.exec(authorization ?? '');
  if (!match) return { ok: false, reason: 'missing' };
  const tenantId = policy.tenantId.toLowerCase();
  try {
    const { payload } = await jwtVerify(match[1]!, policy.keys, {
      algorithms: ['RS256'],
      issuer: issuersOf(tenantId),
      audience: [policy.appIdUri, policy.appId],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'oid', 'tid'],
    });
    if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== tenantId)
      return { ok: false, reason: 'tenant' };
    if (typeof payload.oid !== 'string' || !GUID.test(payload.oid))
      return { ok: false, reason: 'invalid' };
    return { ok: true, aadObjectId: aadObjectId(payload.oid) };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === 'aud') return { ok: false, reason: 'audience' };
      if (error.claim === 'iss') return { ok: false, reason: 'issuer' };
      return { ok: false, reason: 'invalid' };
    }
    if (
      error instanceof errors.JWSSignatureVerificationFailed ||
      error instanceof errors.JWKSNoMatchingKey
    )
      return { ok: false, reason: 'signature' };
    return { ok: false, reason: 'invalid' };
  }
}
