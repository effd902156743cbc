import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { fromRoot } from './paths.js';

/**
 * The only reader of process.env. Validated once at start, frozen, and every
 * problem names the variable.
 */

export type Mode = 'local' | 'production';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  readonly mode: Mode;
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly orgFile: string;
  readonly bot: {
    readonly appId: string;
    readonly appPassword: string;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly tenantId: string;
  };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly outbox: {
    readonly ratePerSecond: number;
    readonly perConversationPerSecond: number;
    readonly maxAttempts: number;
    readonly pollIntervalMs: number;
  };
  /** How often running authority-report clocks are checked for reminders. */
  readonly incidentDeadlineCheckSeconds: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());
const intInRange = (min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
const positiveNumber = (max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().positive().max(max).default(fallback));

const envSchema = z.object({
  PORT: intInRange(0, 65535, 3978),
  DATABASE_URL: optionalString,
  ORG_FILE: optionalString,
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(
    blankToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  ),
  MicrosoftAppTenantId: optionalString,
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  OUTBOX_RATE_PER_SECOND: positiveNumber(1000, 40),
  OUTBOX_PER_CONVERSATION_PER_SECOND: positiveNumber(100, 7),
  OUTBOX_MAX_ATTEMPTS: intInRange(1, 100, 8),
  OUTBOX_POLL_INTERVAL_MS: intInRange(10, 60_000, 500),
  INCIDENT_DEADLINE_CHECK_SECONDS: intInRange(1, 86_400, 60),
});

export type Environment = Record<string, string | undefined>;

export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (url === undefined) return { kind: 'sqlite', file: fromRoot('data', 'bot.db') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '')
      throw new ConfigError('DATABASE_URL', 'names no SQLite file (use sqlite:<path>)');
    return { kind: 'sqlite', file: file === ':memory:' ? ':memory:' : path.resolve(file) };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://'))
    return { kind: 'postgres', url };
  throw new ConfigError('DATABASE_URL', 'must start with sqlite: or postgres://');
}

export function loadConfig(env: Environment): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, `is invalid: ${issue?.message ?? 'unknown problem'}`);
  }
  const e = parsed.data;
  const mode: Mode = e.MicrosoftAppId ? 'production' : 'local';
  if (mode === 'production') {
    for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'ORG_FILE'] as const) {
      if (!e[name])
        throw new ConfigError(name, 'must be set when MicrosoftAppId is set (production mode)');
    }
  }
  const config: Config = {
    mode,
    port: e.PORT,
    host: mode === 'local' ? '127.0.0.1' : '0.0.0.0',
    database: parseDatabaseUrl(e.DATABASE_URL),
    orgFile: e.ORG_FILE ? path.resolve(e.ORG_FILE) : fromRoot('config', 'org.example.yaml'),
    bot: {
      appId: e.MicrosoftAppId ?? '',
      appPassword: e.MicrosoftAppPassword ?? '',
      appType: e.MicrosoftAppType,
      tenantId: (e.MicrosoftAppTenantId ?? '').toLowerCase(),
    },
    logLevel: e.LOG_LEVEL,
    outbox: {
      ratePerSecond: e.OUTBOX_RATE_PER_SECOND,
      perConversationPerSecond: e.OUTBOX_PER_CONVERSATION_PER_SECOND,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      pollIntervalMs: e.OUTBOX_POLL_INTERVAL_MS,
    },
    incidentDeadlineCheckSeconds: e.INCIDENT_DEADLINE_CHECK_SECONDS,
  };
  return deepFreeze(config);
}

/** Reads `.env` (if present) into the environment, then validates it. */
export function loadConfigFromEnvironment(): Config {
  loadDotenv({ path: fromRoot('.env'), quiet: true });
  return loadConfig(process.env);
}

/** Settings used only to build the Teams app package. */
export interface PackagingConfig {
  readonly teamsAppId: string;
  readonly botAppId: string;
  readonly botDomain: string;
}

const guid = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, 'must be a GUID');

export function loadPackagingConfig(env: Environment = process.env): PackagingConfig {
  loadDotenv({ path: fromRoot('.env'), quiet: true });
  const schema = z.object({
    TEAMS_APP_ID: z.preprocess(blankToUndefined, guid.optional()),
    MicrosoftAppId: z.preprocess(blankToUndefined, guid.optional()),
    BOT_DOMAIN: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name without scheme or path')
        .optional(),
    ),
  });
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'environment'), `is invalid: ${issue?.message}`);
  }
  const e = parsed.data;
  if (!e.MicrosoftAppId)
    throw new ConfigError('MicrosoftAppId', 'must be set to package the Teams app');
  if (!e.BOT_DOMAIN) throw new ConfigError('BOT_DOMAIN', 'must be set to package the Teams app');
  return Object.freeze({
    teamsAppId: e.TEAMS_APP_ID ?? e.MicrosoftAppId,
    botAppId: e.MicrosoftAppId,
    botDomain: e.BOT_DOMAIN,
  });
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(value);
}
